/**
 * What the last API result said about a chunked import still being written
 * (`importInProgress`, issue 11 point 3). Every result carries it while one
 * runs, in this process or another (the CLI, a second PC's sync), so any
 * read the screens make reveals it; the banner (shell/ImportProgressBanner)
 * shows it and polls until it is gone.
 */
import type { ImportInProgress } from '../../../shared/api/importProgress';

let current: ImportInProgress | null = null;
const listeners = new Set<() => void>();

export function noteImportInProgress(next: ImportInProgress | null): void {
  const same = next === null ? current === null : current !== null && next.written === current.written && next.total === current.total;
  if (same) return;
  current = next;
  for (const l of listeners) l();
}

export const runningImportStore = {
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  get: (): ImportInProgress | null => current,
};
