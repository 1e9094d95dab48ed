/**
 * Where a file the main process writes for a screen goes (issue 11, point 5).
 * In the desktop app the clerk picks the place in the main process's own
 * dialog (statements.chooseOutputPath, which grants exactly that path to the
 * API); in the browser harness and in tests it is the data directory. Never
 * text typed into the page: a compromised page could type any path, and the
 * API refuses a path it did not grant outside the data directory anyway.
 */

/** The desktop app (the preload's window.api) has the main process's dialogs; the browser harness does not. */
export const isDesktop = (): boolean => typeof window !== 'undefined' && window.api !== undefined;

/** 'dialog': the desktop app's "选择文件夹…/另存为…"; 'dataDir': no dialog exists (browser, tests). */
export type OutputRoute = 'dialog' | 'dataDir';

export interface OutputFolderChoice {
  route: OutputRoute;
  /** The folder the desktop dialog answered with (already granted), or null = the default. */
  picked: string | null;
}

export const outputRoute = (desktop: boolean): OutputRoute => (desktop ? 'dialog' : 'dataDir');

export const initialFolderChoice = (desktop: boolean): OutputFolderChoice => ({ route: outputRoute(desktop), picked: null });

/** The dialog's answer: a cancel (null) or an empty answer keeps the earlier choice; without a dialog nothing can be picked. */
export function afterFolderDialog(choice: OutputFolderChoice, answer: string | null): OutputFolderChoice {
  if (choice.route !== 'dialog' || answer === null || answer.trim() === '') return choice;
  return { ...choice, picked: answer };
}

/** What statements.startBatch gets as outDir: the granted folder, else null (= <data dir>/statements). */
export function batchOutDir(choice: OutputFolderChoice): string | null {
  return choice.route === 'dialog' ? choice.picked : null;
}

/** The folder the files will land in, as the dialog shows it. */
export function shownFolder(choice: OutputFolderChoice, defaultDir: string): { folder: string; isDefault: boolean } {
  const outDir = batchOutDir(choice);
  return outDir === null ? { folder: defaultDir, isDefault: true } : { folder: outDir, isDefault: false };
}

/**
 * A typed folder field with 选择文件夹… (设置 → 备份, 设置 → 同步): the dialog's answer replaces the
 * text; a cancel (null) or an empty answer keeps what is there. The field stays typable for
 * \\server\share paths; the service checks whatever arrives (files/typedFolder.ts).
 */
export const typedFolderAfterDialog = (current: string, answer: string | null): string =>
  answer === null || answer.trim() === '' ? current : answer;
