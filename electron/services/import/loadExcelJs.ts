/**
 * exceljs is large (zip, xml, streams); loading it costs noticeable start-up
 * time, and only import/export commands need it. So it is imported on first
 * use, never at module load.
 */
type ExcelJsModule = typeof import('exceljs');

let cached: Promise<ExcelJsModule> | null = null;

export function loadExcelJs(): Promise<ExcelJsModule> {
  cached ??= import('exceljs').then(
    (mod: ExcelJsModule & { default?: ExcelJsModule }) =>
      // exceljs is CommonJS. Depending on the loader (Node ESM, tsx, vitest,
      // a bundler) its exports arrive as named exports or only under
      // `default`; accept both.
      typeof mod.Workbook === 'function' ? mod : (mod.default ?? mod),
    (err: unknown) => {
      // Do not remember a failed load: a later call should try again.
      cached = null;
      throw err;
    },
  );
  return cached;
}
