/**
 * What only the desktop app can do with a statement: print it and open it in
 * the system's PDF viewer; and its main-process save/folder dialogs (also
 * used by the 选择文件夹… of 设置 → 备份 and 设置 → 同步). The services never import Electron, so the
 * Electron main process registers an implementation here at start-up
 * (electron/main/statementDesktop.ts); the browser harness, the CLI and tests
 * have none, and the API methods then answer with a clear refusal (the
 * renderer offers a download instead).
 */
import path from 'node:path';
import type { StatementOrientation } from '../../../shared/api/statements';
import { DomainError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { storedFilePath } from '../files/fileStore';
import { getStatement } from './register';

export interface PrintRequest {
  /** Absolute path of the stored PDF (the exact bytes in the register). */
  pdfPath: string;
  orientation: StatementOrientation;
  copies: number;
  /** '' = let the clerk choose in the system print dialog. */
  printerName: string;
}

/**
 * Who asks for a folder: a statement batch (the answer is granted to the API, files/outputPolicy.ts),
 * or a settings screen (设置 → 备份's second copy, 设置 → 同步's share), whose services check the folder
 * themselves (files/typedFolder.ts), so nothing is granted for those.
 */
export type FolderPurpose = 'statements' | 'backup' | 'share';

/** Which dialog: "另存为" for one statement PDF, "选择文件夹" for a batch or a settings folder. */
export interface OutputDialogRequest {
  kind: 'pdf' | 'folder';
  suggestedName: string;
  /** Default 'statements'. */
  purpose?: FolderPurpose;
  /** Where a folder dialog opens (the folder set now); ignored unless absolute. */
  startAt?: string;
}

export interface DesktopHost {
  printPdf(request: PrintRequest): Promise<void>;
  openInViewer(pdfPath: string): Promise<void>;
  /** Shows the main-process dialog and grants the chosen path to the runtime (electron/main/outputDialog.ts); null = cancelled. */
  chooseOutputPath(request: OutputDialogRequest): Promise<string | null>;
}

let host: DesktopHost | null = null;

export function registerDesktopHost(next: DesktopHost | null): void {
  host = next;
}

function requireHost(): DesktopHost {
  if (!host) throw new DomainError('bad_request', '打印和用系统阅读器打开只能在桌面版中使用；在浏览器中请下载 PDF 后打印', null);
  return host;
}

/** The stored copy of a statement on disk; its absence is an error worth naming (a restored backup without files/). */
function storedPdf(ctx: ServiceContext, id: string): { file: string; orientation: StatementOrientation } {
  const s = getStatement(ctx, id);
  const file = storedFilePath(ctx.dataDir, s.pdfSha256);
  return { file: path.resolve(file), orientation: s.orientation };
}

export async function printStatement(ctx: ServiceContext, input: { id: string; copies: number; printerName: string }): Promise<{ printed: true }> {
  const desktop = requireHost();
  const { file, orientation } = storedPdf(ctx, input.id);
  await desktop.printPdf({ pdfPath: file, orientation, copies: input.copies, printerName: input.printerName });
  return { printed: true };
}

export async function openStatementInViewer(ctx: ServiceContext, id: string): Promise<{ path: string }> {
  const desktop = requireHost();
  const { file } = storedPdf(ctx, id);
  await desktop.openInViewer(file);
  return { path: file };
}

/**
 * Desktop app only: where to write a statement PDF (or a batch's folder), asked in a main-process
 * dialog. The path comes back granted, so statements.generate/batch accept it as outPath/outDir
 * (files/outputPolicy.ts); anywhere else the API writes only inside the data directory.
 */
export async function chooseOutputPath(request: OutputDialogRequest): Promise<{ path: string | null }> {
  if (!host) throw new DomainError('bad_request', '“另存为”对话框只能在桌面版中使用；在浏览器中请下载 PDF', null);
  return { path: await host.chooseOutputPath(request) };
}

/**
 * Desktop app only: 选择文件夹… of 设置 → 备份 (second copy) and 设置 → 同步 (share). The answer is not
 * granted: it goes back into the form and is checked like a typed folder when saved.
 */
export async function chooseSettingsFolder(purpose: Exclude<FolderPurpose, 'statements'>, current: string): Promise<{ path: string | null }> {
  if (!host) throw new DomainError('bad_request', '“选择文件夹”对话框只能在桌面版中使用；在浏览器中请直接输入文件夹路径', null);
  return { path: await host.chooseOutputPath({ kind: 'folder', suggestedName: '', purpose, startAt: current }) };
}
