/**
 * Where statements may be written in the desktop app (issue 11, point 5):
 * the API writes caller-named files only into the data directory or to a
 * path the clerk picked in a main-process dialog (services/files/outputPolicy.ts).
 * This is that dialog: "另存为" for one PDF, "选择文件夹" for a batch, and
 * the answer is granted to the runtime (AppRuntime.grantOutputPath) before
 * it is handed back to the renderer, which then passes it as outPath/outDir.
 * The renderer never grants anything itself.
 *
 * No 'electron' here: index.ts passes dialog.showSaveDialog/showOpenDialog in,
 * so the decisions are unit-tested with fakes.
 */
import path from 'node:path';
import type { FolderPurpose, OutputDialogRequest } from '../services/statements/desktopHost';

export interface SaveAnswer {
  canceled: boolean;
  filePath?: string;
}

export interface FolderAnswer {
  canceled: boolean;
  filePaths: string[];
}

export interface OutputDialogTexts {
  saveTitle: string;
  folderTitle: string;
  pdfFilter: string;
  /** 设置 → 备份's second copy. */
  backupFolderTitle: string;
  /** 设置 → 同步's share. */
  shareFolderTitle: string;
}

export interface OutputDialogDeps {
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
    properties: ('showOverwriteConfirmation' | 'createDirectory')[];
  }): Promise<SaveAnswer>;
  showOpenDialog(options: { title: string; defaultPath: string; properties: ('openDirectory' | 'createDirectory')[] }): Promise<FolderAnswer>;
  /** AppRuntime.grantOutputPath. */
  grant(file: string): void;
  /** Where the dialog starts (the user's Documents folder). */
  startDir: string;
  texts: OutputDialogTexts;
}

/** A file name the dialog may suggest: no folders, nothing the file system refuses. */
export function suggestedFileName(name: string): string {
  const base = [...path.basename(name.replace(/\\/g, '/'))].map((ch) => (ch < ' ' || '<>:"|?*'.includes(ch) ? '_' : ch)).join('').trim();
  if (!base || base === '.' || base === '..') return '对账单.pdf';
  return /\.pdf$/i.test(base) ? base : `${base}.pdf`;
}

/**
 * The path to grant from a dialog's answer: null when cancelled or empty or
 * not absolute; a PDF gets ".pdf" when the clerk typed a name without it
 * (the file written is then exactly the path granted).
 */
export function chosenPath(kind: OutputDialogRequest['kind'], answer: SaveAnswer | FolderAnswer): string | null {
  if (answer.canceled) return null;
  const picked = 'filePaths' in answer ? answer.filePaths[0] : answer.filePath;
  if (!picked || !path.isAbsolute(picked)) return null;
  const abs = path.resolve(picked);
  if (kind === 'folder') return abs;
  return /\.pdf$/i.test(abs) ? abs : `${abs}.pdf`;
}

const FOLDER_TITLE: Record<FolderPurpose, keyof OutputDialogTexts> = { statements: 'folderTitle', backup: 'backupFolderTitle', share: 'shareFolderTitle' };

/** Where a folder dialog opens: the folder set now when it is a full path, else the Documents folder. */
export const folderStart = (deps: Pick<OutputDialogDeps, 'startDir'>, startAt: string | undefined): string =>
  startAt && path.isAbsolute(startAt.trim()) ? startAt.trim() : deps.startDir;

/**
 * Shows the dialog and returns the answer (null = cancelled). Statement paths are granted to the API;
 * a settings folder (purpose backup/share) is not: its service checks it when it is saved.
 */
export async function chooseOutputPath(deps: OutputDialogDeps, request: OutputDialogRequest): Promise<string | null> {
  const purpose = request.purpose ?? 'statements';
  const answer =
    request.kind === 'folder'
      ? await deps.showOpenDialog({ title: deps.texts[FOLDER_TITLE[purpose]], defaultPath: folderStart(deps, request.startAt), properties: ['openDirectory', 'createDirectory'] })
      : await deps.showSaveDialog({
          title: deps.texts.saveTitle,
          defaultPath: path.join(deps.startDir, suggestedFileName(request.suggestedName)),
          filters: [{ name: deps.texts.pdfFilter, extensions: ['pdf'] }],
          // The "replace?" question is what lets a granted path replace a file (outputPolicy.ts); Windows
          // always asks it, GTK on Linux only with this property.
          properties: ['showOverwriteConfirmation', 'createDirectory'],
        });
  const chosen = chosenPath(request.kind, answer);
  if (chosen !== null && purpose === 'statements') deps.grant(chosen);
  return chosen;
}
