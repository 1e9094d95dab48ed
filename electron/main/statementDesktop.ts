/**
 * The desktop host of statements (print, open in the system viewer),
 * carrying out the plans of statementPrint.ts. The Electron pieces are passed
 * in (index.ts hands over BrowserWindow and shell.openPath), so this file
 * imports no Electron and is tested with fakes.
 */
import { DomainError } from '../../shared/errors';
import type { DesktopHost } from '../services/statements/desktopHost';
import { openInViewerPlan, printOutcome, printPlan, type PdfPrintOptions, type PrintWindowOptions } from './statementPrint';
import { chooseOutputPath, type OutputDialogDeps } from './outputDialog';

/** The parts of a BrowserWindow the print path uses. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  webContents: { print(options: PdfPrintOptions, callback: (success: boolean, failureReason: string) => void): void };
  isDestroyed(): boolean;
  destroy(): void;
}

export interface StatementDesktopDeps {
  createWindow: (options: PrintWindowOptions) => PrintWindow;
  /** shell.openPath: resolves to '' on success, else an error message. */
  openPath: (path: string) => Promise<string>;
  log: { info(message: string): void; warn(message: string, detail?: unknown): void };
  wait?: (ms: number) => Promise<void>;
  /** The save/folder dialog and the runtime's grant (outputDialog.ts); the app always passes it. */
  outputDialog?: OutputDialogDeps;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function statementDesktop(deps: StatementDesktopDeps): DesktopHost {
  const wait = deps.wait ?? sleep;
  return {
    async printPdf(request) {
      const plan = printPlan(request);
      const win = deps.createWindow(plan.window);
      try {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timedOut = new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new DomainError('internal', '打印失败：PDF 在 20 秒内没有打开', null)), plan.loadTimeoutMs);
        });
        try {
          await Promise.race([win.loadURL(plan.url), timedOut]);
        } finally {
          clearTimeout(timer);
        }
        await wait(plan.settleMs);
        const outcome = await new Promise<ReturnType<typeof printOutcome>>((resolve) =>
          win.webContents.print(plan.print, (success, reason) => resolve(printOutcome(success, reason))),
        );
        if (!outcome.ok) throw new DomainError('internal', outcome.message, null);
        deps.log.info(`printed ${request.pdfPath} (${request.copies} copies${plan.print.deviceName ? ` on ${plan.print.deviceName}` : ''})`);
      } finally {
        if (!win.isDestroyed()) win.destroy();
      }
    },
    async chooseOutputPath(request) {
      if (!deps.outputDialog) throw new DomainError('internal', '“另存为”对话框未接好', null);
      return chooseOutputPath(deps.outputDialog, request);
    },
    async openInViewer(pdfPath) {
      const plan = openInViewerPlan(pdfPath);
      const problem = await deps.openPath(plan.path);
      if (problem) {
        deps.log.warn(`open ${plan.path}: ${problem}`);
        throw new DomainError('internal', `无法用系统程序打开 PDF：${problem}（请确认本机装有 PDF 阅读器）`, null);
      }
    },
  };
}
