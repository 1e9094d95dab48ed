/**
 * Parsing an .xlsx off the main thread (issue 11, point 6). exceljs unzips
 * and parses the whole workbook synchronously in long stretches; in the
 * Electron main process that froze every window and every other save for
 * seconds. Here it runs in a worker thread with its own heap limit, and only
 * the chosen sheet's cell values come back (plain data: strings, numbers,
 * dates, exceljs's rich-text/formula/error objects), which readTable.ts
 * flattens as before.
 */
import { Worker } from 'node:worker_threads';
import type { CellValue } from 'exceljs';

/** Heap of the parsing worker: a capped workbook (xlsxLimits.ts) fits well inside; a runaway one stops here, not in the app. */
export const XLSX_WORKER_HEAP_MB = 2048;

export type SheetGrid = { ok: true; rows: (CellValue | null)[][] } | { ok: false; reason: 'unreadable' | 'no_sheet' | 'out_of_memory' };

// Plain CommonJS so it runs the same from sources, the CLI bundle and Electron's main bundle (as db/integrity.ts).
// The first sheet the clerk can see: a hidden first sheet usually holds lookup lists, not the data being imported.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const ExcelJS = require(workerData.module);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(workerData.bytes);
  } catch (e) {
    parentPort.postMessage({ ok: false, reason: 'unreadable' });
    return;
  }
  const sheet = workbook.worksheets.find((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden') || workbook.worksheets[0];
  if (!sheet) {
    parentPort.postMessage({ ok: false, reason: 'no_sheet' });
    return;
  }
  const rows = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      cells[columnNumber - 1] = cell.value === undefined ? null : cell.value;
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  parentPort.postMessage({ ok: true, rows });
})().catch(() => parentPort.postMessage({ ok: false, reason: 'unreadable' }));
`;

/** The visible sheet's cell values by row and column (index = Excel number - 1), parsed in a worker thread. */
export function readSheetInWorker(bytes: Uint8Array): Promise<SheetGrid> {
  return new Promise((resolve) => {
    // A fresh ArrayBuffer (exceljs's zip reader takes any binary), handed over without a copy.
    const copy = new Uint8Array(bytes).buffer;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes: copy, module: require.resolve('exceljs') },
      transferList: [copy],
      resourceLimits: { maxOldGenerationSizeMb: XLSX_WORKER_HEAP_MB },
    });
    let settled = false;
    const settle = (g: SheetGrid): void => {
      if (settled) return;
      settled = true;
      resolve(g);
      void worker.terminate();
    };
    worker.once('message', settle);
    worker.once('error', (e: NodeJS.ErrnoException) => settle({ ok: false, reason: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out_of_memory' : 'unreadable' }));
    worker.once('exit', () => settle({ ok: false, reason: 'unreadable' }));
  });
}
