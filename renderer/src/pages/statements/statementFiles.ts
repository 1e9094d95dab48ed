/**
 * What the renderer does with a statement's PDF: show it, save it, print it,
 * open it. The desktop app (window.api present) prints and opens through the
 * main process; in the browser harness printing is a download.
 */
import type { StatementFile, StatementRecord } from '../../../../shared/api/statements';
import { apiClient } from '../../api/client';
import { downloadFile } from '../../components/downloadFile';
import { isDesktop, outputRoute } from '../../components/outputTarget';

export function blobUrlOf(file: StatementFile): string {
  const binary = atob(file.dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: file.mime }));
}

export const fetchStatementPdf = (id: string): Promise<StatementFile> => apiClient().call('statements.getPdf', { id });

async function downloadStatementPdf(id: string): Promise<string> {
  const file = await fetchStatementPdf(id);
  downloadFile(file.fileName, file.dataBase64, file.mime);
  return file.fileName;
}

/**
 * 另存为…: in the desktop app the main process's own dialog picks the file (and grants exactly
 * it), then the stored PDF is written there; a cancelled dialog writes nothing (null). Without
 * that dialog (the browser harness) the page downloads the PDF: the browser writes it, not the
 * API. Never a path from the page (outputTarget.ts).
 */
export async function saveStatementPdf(statement: Pick<StatementRecord, 'id' | 'fileName'>): Promise<string | null> {
  if (outputRoute(isDesktop()) === 'dataDir') return downloadStatementPdf(statement.id);
  const { path } = await apiClient().call('statements.chooseOutputPath', { kind: 'pdf', suggestedName: statement.fileName });
  if (path === null) return null;
  return (await apiClient().call('statements.savePdf', { id: statement.id, outPath: path })).path;
}

/** 'printed' on the desktop; 'downloaded' in the browser, where the clerk prints from the PDF viewer. */
export async function printStatement(id: string): Promise<'printed' | 'downloaded'> {
  if (isDesktop()) {
    await apiClient().call('statements.print', { id, copies: 1, printerName: '' });
    return 'printed';
  }
  await downloadStatementPdf(id);
  return 'downloaded';
}

export const openStatementInViewer = (id: string) => apiClient().call('statements.openInViewer', { id });
