/**
 * Printing and opening a statement PDF in the desktop app, decided as plain
 * data: which file, which window, which print options. No Electron import,
 * so the decisions are unit-tested under plain Node; statementDesktop.ts
 * carries them out with the Electron objects it is handed.
 *
 * How a PDF is printed: a hidden window with Chromium's PDF viewer loads the
 * stored file and webContents.print() prints it (Electron ≥ 32 prints the PDF
 * plugin's pages, not a blank page — electron/electron#43309). With no
 * printer named, the system print dialog lets the clerk choose; a named
 * printer prints silently. The PDF already has its margins and page size,
 * so Chromium adds none.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StatementOrientation } from '../../shared/api/statements';

export interface PrintPlanInput {
  pdfPath: string;
  orientation: StatementOrientation;
  copies: number;
  /** '' = ask in the system print dialog. */
  printerName: string;
  platform?: NodeJS.Platform;
}

/** The subset of Electron's WebContentsPrintOptions we set. */
export interface PdfPrintOptions {
  silent: boolean;
  printBackground: true;
  deviceName?: string;
  copies: number;
  landscape: boolean;
  pageSize: 'A4';
  margins: { marginType: 'none' };
}

/** The subset of BrowserWindowConstructorOptions for the hidden print window. */
export interface PrintWindowOptions {
  show: false;
  width: number;
  height: number;
  webPreferences: {
    /** Chromium's PDF viewer is a plugin. */
    plugins: true;
    sandbox: true;
    contextIsolation: true;
    nodeIntegration: false;
    spellcheck: false;
  };
}

export interface PrintPlan {
  url: string;
  window: PrintWindowOptions;
  print: PdfPrintOptions;
  /** The viewer lays the pages out after the load event; printing earlier can print nothing. */
  settleMs: number;
  /** Give up (and close the window) if the viewer never finishes loading. */
  loadTimeoutMs: number;
}

const isPdfPath = (p: string, platform: NodeJS.Platform): boolean =>
  (platform === 'win32' ? path.win32 : path.posix).isAbsolute(p) && /\.pdf$/i.test(p);

const fileUrl = (p: string, platform: NodeJS.Platform): string => pathToFileURL(p, { windows: platform === 'win32' }).href;

export function printPlan(input: PrintPlanInput): PrintPlan {
  const platform = input.platform ?? process.platform;
  if (!isPdfPath(input.pdfPath, platform)) throw new RangeError(`not an absolute .pdf path: ${input.pdfPath}`);
  if (!Number.isInteger(input.copies) || input.copies < 1 || input.copies > 20) throw new RangeError(`copies must be 1–20, got ${input.copies}`);
  const printer = input.printerName.trim();
  const landscape = input.orientation === 'landscape';
  const print: PdfPrintOptions = {
    silent: printer !== '',
    printBackground: true,
    copies: input.copies,
    landscape,
    pageSize: 'A4',
    margins: { marginType: 'none' },
  };
  if (printer !== '') print.deviceName = printer;
  return {
    url: fileUrl(input.pdfPath, platform),
    // A4 proportions, in the page's orientation, so the viewer's layout matches the paper.
    window: {
      show: false,
      width: landscape ? 1123 : 794,
      height: landscape ? 794 : 1123,
      webPreferences: { plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false },
    },
    print,
    settleMs: 800,
    loadTimeoutMs: 20_000,
  };
}

/** Opening in the system viewer: the stored file itself, checked to be a PDF (shell.openPath runs whatever it is given). */
export function openInViewerPlan(pdfPath: string, platform: NodeJS.Platform = process.platform): { path: string } {
  if (!isPdfPath(pdfPath, platform)) throw new RangeError(`not an absolute .pdf path: ${pdfPath}`);
  return { path: pdfPath };
}

/** The print callback's failure reason in Chinese; a cancelled dialog is not a failure. */
export function printOutcome(success: boolean, failureReason: string): { ok: true } | { ok: false; message: string } {
  if (success || failureReason === 'cancelled') return { ok: true };
  const known: Record<string, string> = {
    'Invalid deviceName provided': '找不到所选打印机，请检查打印机名称或改用系统打印对话框',
    'Print job failed': '打印任务失败，请检查打印机是否连接并有纸',
  };
  return { ok: false, message: `打印失败：${known[failureReason] ?? failureReason}` };
}
