/**
 * The import report (issue 3): the one shape every import returns, printed
 * as JSON by the CLI (`--json`), shown by the UI preview, and attached to the
 * DomainError of a refused import.
 */
import type { ImportSample } from '../../../shared/api/imports';
import { DomainError } from '../../../shared/errors';

/** A problem that blocks the import. `row` is the row number Excel shows; `column` the Chinese header. */
export interface ImportError {
  row: number;
  column: string;
  message: string;
}

/** Something the clerk should know that does not block the import (row/column null when it concerns the whole file or a column). */
export interface ImportWarning {
  row: number | null;
  column: string | null;
  message: string;
}

export interface ImportReport {
  kind: string;
  /** Non-blank data rows in the file. */
  rows: number;
  /** Rows written; 0 on a dry run or a refusal (imports are all-or-nothing). */
  imported: number;
  dryRun: boolean;
  errors: ImportError[];
  warnings: ImportWarning[];
}

/** What each import kind is called in messages; an unlisted kind is shown as is. */
const KIND_LABELS: Readonly<Record<string, string>> = {
  customers: '客户',
  contacts: '联系人',
  interactions: '往来记录',
  products: '产品',
  contracts: '合同',
  invoices: '应收单',
  receipts: '回款',
  openings: '期初余额',
  opening: '期初余额',
  'opening-balances': '期初余额',
};

export const importKindLabel = (kind: string): string => KIND_LABELS[kind] ?? kind;

/**
 * Builds a report and enforces its rules in one place, so no caller can
 * claim rows were imported on a dry run or a refusal. Errors are ordered by
 * row (file-level problems, reported on the header row, come first within it).
 */
export function buildImportReport(input: {
  kind: string;
  rows: number;
  imported: number;
  dryRun: boolean;
  errors: readonly ImportError[];
  warnings: readonly ImportWarning[];
  sample?: ImportSample;
}): ImportReport {
  const refused = input.errors.length > 0;
  return {
    kind: input.kind,
    rows: input.rows,
    imported: input.dryRun || refused ? 0 : input.imported,
    dryRun: input.dryRun,
    // Array.prototype.sort is stable, so problems of one row keep their column order.
    errors: [...input.errors].sort((a, b) => a.row - b.row),
    warnings: [...input.warnings],
    ...(input.sample ? { sample: input.sample } : {}),
  };
}

/**
 * One line for stderr / a toast, e.g.
 * `导入客户：共 120 行，已导入 120 行，0 个错误，2 个警告`,
 * `导入客户：共 120 行，未导入（发现 3 个错误）`,
 * `导入客户（试运行）：共 120 行，校验通过，可导入 120 行（未写入数据库），0 个错误，0 个警告`.
 */
export function summarizeReport(report: ImportReport, label: string = importKindLabel(report.kind)): string {
  const title = `导入${label}${report.dryRun ? '（试运行）' : ''}：共 ${report.rows} 行，`;
  const warnings = report.warnings.length;
  if (report.errors.length > 0) {
    const tail = warnings > 0 ? `，${warnings} 个警告` : '';
    return `${title}未导入（发现 ${report.errors.length} 个错误）${tail}`;
  }
  const counts = `0 个错误，${warnings} 个警告`;
  if (report.dryRun) return `${title}校验通过，可导入 ${report.rows} 行（未写入数据库），${counts}`;
  return `${title}已导入 ${report.imported} 行，${counts}`;
}

/**
 * The error a service throws for a refused import: the dispatcher turns it
 * into {ok:false, error:{…, details: report}}, and the CLI prints `details`
 * as the JSON report.
 */
export const importRefusedError = (report: ImportReport): DomainError =>
  new DomainError('validation', summarizeReport(report), 'file', report);
