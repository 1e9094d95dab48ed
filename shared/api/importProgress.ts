/**
 * A chunked import that is still being written (issue 11 point 3). Its
 * customers appear one at a time, each whole: every API result carries this
 * while one runs, so screens, the CLI and JSON callers can say that figures
 * do not include the whole import yet.
 */
export interface RunningImport {
  batchId: string;
  kind: string;
  fileName: string;
  /** Rows committed so far (each customer's rows together). */
  written: number;
  /** Rows in the file. */
  total: number;
  startedAt: string;
}

export interface ImportInProgress {
  /** Summed over the running batches (usually one). */
  written: number;
  total: number;
  batches: RunningImport[];
}
