/**
 * `import customers|products FILE` and `export customers|products FILE.xlsx`.
 * With --json the import report is printed on stdout in every case (success,
 * refusal, dry run) in exactly the shape of issue 3; stderr gets a one-line
 * summary (and, without --json, the problems row by row). A refused import
 * exits 1 and writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExportFile, ImportCommitResult, ImportKind, ImportReport } from '../../../shared/api/imports';
import { IMPORT_KIND_LABELS } from '../../../shared/api/importKinds';
import { DomainError } from '../../../shared/errors';
import { buildImportReport, summarizeReport } from '../../services/import/report';
import { checkFlags, hasFlag, stringFlag, UsageError } from '../args';
import { printJson, type CliCommand, type CommandEnv } from '../command';

/** Without --json, this many problems are listed on stderr; the rest are counted. */
const LISTED_PROBLEMS = 50;

/** Only the report's own keys, in the documented order, whatever else the service returns. */
const reportJson = (r: ImportReport): ImportReport => ({
  kind: r.kind,
  rows: r.rows,
  imported: r.imported,
  dryRun: r.dryRun,
  errors: r.errors,
  warnings: r.warnings,
});

/** The import machinery (and exceljs behind it) is loaded by the import commands only, not at every start. */
const importConstants = () => import('../../services/imports/runImport');

function describeProblems(env: CommandEnv, report: ImportReport, fileRow: number): void {
  if (env.json) return;
  const where = (row: number | null, column: string | null) =>
    `${row === null || row === fileRow ? '' : `第 ${row} 行`}${column ? `［${column}］` : ''}`;
  const lines = [
    ...report.errors.map((e) => `错误 ${where(e.row, e.column)}：${e.message}`),
    ...report.warnings.map((w) => `警告 ${where(w.row, w.column)}：${w.message}`),
  ];
  for (const line of lines.slice(0, LISTED_PROBLEMS)) env.io.err(line);
  if (lines.length > LISTED_PROBLEMS) env.io.err(`……另有 ${lines.length - LISTED_PROBLEMS} 条未列出（使用 --json 查看全部）`);
}

export function importCommand(kind: ImportKind): CliCommand {
  return {
    words: ['import', kind],
    usage: `import ${kind} FILE --db PATH [--dry-run] [--json]`,
    summary: `从 .xlsx / .csv 导入${IMPORT_KIND_LABELS[kind]}（全部成功或全部不导入；--dry-run 只校验不写入）`,
    async run(env) {
      checkFlags(env.args, ['dry-run']);
      const file = env.rest[0];
      if (!file || env.rest.length > 1) throw new UsageError(`请给出一个要导入的文件：import ${kind} FILE --db PATH`);
      const dryRun = hasFlag(env.args, 'dry-run');
      const { FILE_COLUMN, FILE_ROW } = await importConstants();
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (e) {
        const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : `无法读取：${(e as Error).message}`;
        const report = buildImportReport({
          kind,
          rows: 0,
          imported: 0,
          dryRun,
          errors: [{ row: FILE_ROW, column: FILE_COLUMN, message: `${file}：${reason}` }],
          warnings: [],
        });
        throw new DomainError('validation', summarizeReport(report), 'file', reportJson(report));
      }
      const rt = await env.runtime();
      const input = { kind, fileName: path.basename(file), dataBase64: bytes.toString('base64') };
      let report: ImportReport;
      try {
        report = dryRun
          ? await rt.invoke<ImportReport>('imports.preview', input)
          : (await rt.invoke<ImportCommitResult>('imports.commit', input)).report;
      } catch (e) {
        if (e instanceof DomainError && e.details !== undefined) {
          const refused = e.details as ImportReport;
          describeProblems(env, refused, FILE_ROW);
          // main.ts prints `details` on stdout with --json and the message on stderr; exit 1.
          throw new DomainError(e.code, summarizeReport(refused), e.field, reportJson(refused));
        }
        throw e;
      }
      describeProblems(env, report, FILE_ROW);
      if (report.errors.length) throw new DomainError('validation', summarizeReport(report), 'file', reportJson(report));
      if (env.json) printJson(env.io, reportJson(report));
      env.io.err(summarizeReport(report));
      return 0;
    },
  };
}

function exportCommand(kind: ImportKind): CliCommand {
  return {
    words: ['export', kind],
    usage: `export ${kind} FILE.xlsx --db PATH [--search TEXT] [--all] [--json]`,
    summary: `把${IMPORT_KIND_LABELS[kind]}导出为 .xlsx（列与导入相同，可直接再导入；--all 含已归档）`,
    async run(env) {
      checkFlags(env.args, ['search', 'all']);
      const file = env.rest[0];
      if (!file || env.rest.length > 1) throw new UsageError(`请给出导出文件名：export ${kind} FILE.xlsx --db PATH`);
      if (!/\.xlsx$/i.test(file)) throw new UsageError('导出文件名须以 .xlsx 结尾');
      const rt = await env.runtime();
      const filter = { search: stringFlag(env.args, 'search') ?? '', includeArchived: hasFlag(env.args, 'all') };
      const exported = await rt.invoke<ExportFile>(kind === 'customers' ? 'customers.exportXlsx' : 'products.exportXlsx', filter);
      fs.writeFileSync(file, Buffer.from(exported.dataBase64, 'base64'));
      if (env.json) printJson(env.io, { kind, file: path.resolve(file), rows: exported.rows });
      env.io.err(`已导出 ${exported.rows} 条${IMPORT_KIND_LABELS[kind]}到 ${file}`);
      return 0;
    },
  };
}

export const importCustomersCommand = importCommand('customers');
export const importProductsCommand = importCommand('products');
export const exportCustomersCommand = exportCommand('customers');
export const exportProductsCommand = exportCommand('products');
