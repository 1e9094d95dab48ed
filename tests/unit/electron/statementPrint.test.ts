import { describe, expect, it } from 'vitest';
import { statementDesktop, type PrintWindow } from '../../../electron/main/statementDesktop';
import { openInViewerPlan, printOutcome, printPlan } from '../../../electron/main/statementPrint';
import type { PdfPrintOptions, PrintWindowOptions } from '../../../electron/main/statementPrint';

describe('printPlan', () => {
  it('loads the stored PDF in a hidden, sandboxed viewer window and asks the system dialog when no printer is named', () => {
    const plan = printPlan({ pdfPath: '/data/files/ab/abcd.pdf', orientation: 'portrait', copies: 1, printerName: '', platform: 'linux' });
    expect(plan.url).toBe('file:///data/files/ab/abcd.pdf');
    expect(plan.window).toEqual({
      show: false,
      width: 794,
      height: 1123,
      webPreferences: { plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false },
    });
    expect(plan.print).toEqual({ silent: false, printBackground: true, copies: 1, landscape: false, pageSize: 'A4', margins: { marginType: 'none' } });
    expect(plan.settleMs).toBeGreaterThan(0);
  });

  it('prints silently on a named printer, in landscape when the statement is', () => {
    const plan = printPlan({ pdfPath: 'C:\\Users\\文员\\AppData\\Local\\DealerDesk\\files\\ab\\x.pdf', orientation: 'landscape', copies: 3, printerName: ' HP LaserJet ', platform: 'win32' });
    expect(plan.url).toBe('file:///C:/Users/%E6%96%87%E5%91%98/AppData/Local/DealerDesk/files/ab/x.pdf');
    expect(plan.print).toMatchObject({ silent: true, deviceName: 'HP LaserJet', copies: 3, landscape: true });
    expect([plan.window.width, plan.window.height]).toEqual([1123, 794]);
  });

  it('refuses anything but an absolute .pdf path and a sane number of copies', () => {
    expect(() => printPlan({ pdfPath: 'relative.pdf', orientation: 'portrait', copies: 1, printerName: '', platform: 'linux' })).toThrow();
    expect(() => printPlan({ pdfPath: '/x/run.exe', orientation: 'portrait', copies: 1, printerName: '', platform: 'linux' })).toThrow();
    expect(() => printPlan({ pdfPath: '/x/a.pdf', orientation: 'portrait', copies: 0, printerName: '', platform: 'linux' })).toThrow();
    expect(() => openInViewerPlan('/x/a.docm', 'linux')).toThrow();
    expect(openInViewerPlan('/x/a.PDF', 'linux')).toEqual({ path: '/x/a.PDF' });
  });

  it('says why printing failed, and treats a cancelled dialog as no failure', () => {
    expect(printOutcome(true, '')).toEqual({ ok: true });
    expect(printOutcome(false, 'cancelled')).toEqual({ ok: true });
    expect(printOutcome(false, 'Invalid deviceName provided')).toMatchObject({ ok: false, message: expect.stringContaining('找不到所选打印机') });
  });
});

describe('statementDesktop', () => {
  function fakeWindow(result: { success: boolean; reason: string }) {
    const calls: { created?: PrintWindowOptions; url?: string; print?: PdfPrintOptions; destroyed: boolean } = { destroyed: false };
    const createWindow = (options: PrintWindowOptions): PrintWindow => {
      calls.created = options;
      return {
        loadURL: async (url) => {
          calls.url = url;
        },
        webContents: {
          print: (options, cb) => {
            calls.print = options;
            cb(result.success, result.reason);
          },
        },
        isDestroyed: () => calls.destroyed,
        destroy: () => {
          calls.destroyed = true;
        },
      };
    };
    return { calls, createWindow };
  }
  const log = { info: () => undefined, warn: () => undefined };
  const noWait = async () => undefined;

  it('prints through the hidden window and always closes it', async () => {
    const ok = fakeWindow({ success: true, reason: '' });
    const host = statementDesktop({ createWindow: ok.createWindow, openPath: async () => '', log, wait: noWait });
    await host.printPdf({ pdfPath: '/d/a.pdf', orientation: 'portrait', copies: 2, printerName: '' });
    expect(ok.calls).toMatchObject({ url: 'file:///d/a.pdf', print: { copies: 2, silent: false }, destroyed: true });

    const bad = fakeWindow({ success: false, reason: 'Print job failed' });
    const failing = statementDesktop({ createWindow: bad.createWindow, openPath: async () => '', log, wait: noWait });
    await expect(failing.printPdf({ pdfPath: '/d/a.pdf', orientation: 'portrait', copies: 1, printerName: 'X' })).rejects.toThrow('打印任务失败');
    expect(bad.calls.destroyed).toBe(true);
  });

  it('opens the PDF with the system viewer, reporting a missing viewer', async () => {
    const opened: string[] = [];
    const host = statementDesktop({ createWindow: fakeWindow({ success: true, reason: '' }).createWindow, openPath: async (p) => (opened.push(p), ''), log });
    await host.openInViewer('/d/a.pdf');
    expect(opened).toEqual(['/d/a.pdf']);
    const none = statementDesktop({ createWindow: fakeWindow({ success: true, reason: '' }).createWindow, openPath: async () => 'No application', log });
    await expect(none.openInViewer('/d/a.pdf')).rejects.toThrow('PDF 阅读器');
  });
});

describe('the statement preview and the content security policy', () => {
  it('allows a blob: frame (the preview) and nothing else new', async () => {
    const { contentSecurityPolicy } = await import('../../../electron/main/contentSecurityPolicy');
    const frame = contentSecurityPolicy().split(';').map((d) => d.trim()).find((d) => d.startsWith('frame-src'));
    expect(frame).toBe("frame-src 'self' blob:");
    expect(contentSecurityPolicy()).toContain("object-src 'none'");
  });
});
