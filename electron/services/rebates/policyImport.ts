/**
 * `import rebate-policies` (point 6): one row per contract and period, with
 * the exact columns of the issue — 合同号, 期间起, 期间止, 基数 (销售/回款),
 * 目标金额, 档位, 计算方式 (全额累进/超额分段), 封顶, 按期回款返利, 备注 —
 * through the shared import machinery (GBK/UTF-16/UTF-8 CSV and .xlsx,
 * header detection, all-or-nothing, the report). Each row is checked by the
 * same schema and database rules as the form; rows of one file may not
 * overlap each other either. A percent-formatted Excel cell (0.005) is read
 * as the percentage it shows (0.5%). An optional 产品线 column, after the
 * issue's columns, makes the row a per-product-line target: the contract
 * line by line number, product code or description (blank = the whole
 * contract).
 */
import { saveTargetSchema } from '../../../shared/api/rebates';
import { parseBusinessDate } from '../../../shared/dates/parseDate';
import { periodKindOf } from '../../../shared/rebates/periods';
import type { ServiceContext } from '../context';
import type { XlsxColumn } from '../export/writeXlsx';
import { defineImportColumns, invalidCell, parsedCell, type CellParseResult, type FilledCell, type ImportCellContext } from '../import/columns';
import { mapImportRows } from '../import/mapRows';
import type { RawTable } from '../import/readTable';
import type { ImportError } from '../import/report';
import { enumColumn, textColumn } from '../imports/cells';
import type { ImportKindHandler, PreparedImport } from '../imports/kinds';
import { zodIssuesToImportErrors } from '../imports/zodErrors';
import { contractLineResolver } from '../contracts/lineRef';
import { removeTarget, saveTarget, targetProblem } from './targets';

function dateColumn(cell: FilledCell, ctx: ImportCellContext): CellParseResult<string> {
  if (typeof cell === 'boolean') return invalidCell(`${ctx.header}应为日期，例如 2026-01-01`);
  return parseBusinessDate(cell, ctx.header);
}

/** Money as typed (text) or an Excel number (yuan): the schema parses it. */
function moneyCell(cell: FilledCell, ctx: ImportCellContext): CellParseResult<string | number> {
  if (typeof cell === 'boolean' || cell instanceof Date) return invalidCell(`${ctx.header}应为金额，例如 1,000,000.00`);
  return parsedCell(cell);
}

/** "0.5%" as typed, or a percent-formatted number cell (0.005 → "0.5%"). */
function percentCell(cell: FilledCell, ctx: ImportCellContext): CellParseResult<string> {
  if (typeof cell === 'number') return parsedCell(`${Number((cell * 100).toFixed(4))}%`);
  if (typeof cell === 'boolean' || cell instanceof Date) return invalidCell(`${ctx.header}应为百分比，例如 0.5%`);
  return parsedCell(cell);
}

const basisColumn = enumColumn('基数', { 销售: 'sales', 回款: 'collections', sales: 'sales', collections: 'collections', 净销售: 'sales' }, '销售、回款');
const modeColumn = enumColumn('计算方式', { 全额累进: 'whole', 超额分段: 'banded', whole: 'whole', banded: 'banded', 全额: 'whole', 分段: 'banded' }, '全额累进、超额分段');

export const REBATE_POLICY_COLUMNS = defineImportColumns([
  { key: 'contract_no', header: '合同号', alias: 'contract_no', required: true, parse: textColumn },
  { key: 'period_from', header: '期间起', alias: 'period_from', required: true, parse: dateColumn },
  { key: 'period_to', header: '期间止', alias: 'period_to', required: true, parse: dateColumn },
  { key: 'basis', header: '基数', alias: 'basis', parse: basisColumn },
  { key: 'target', header: '目标金额', alias: 'target', required: true, parse: moneyCell },
  { key: 'tiers', header: '档位', alias: 'tiers', required: true, parse: textColumn },
  { key: 'mode', header: '计算方式', alias: 'mode', parse: modeColumn },
  { key: 'cap', header: '封顶', alias: 'cap', parse: moneyCell },
  { key: 'on_time_rate', header: '按期回款返利', alias: 'on_time_rate', parse: percentCell },
  { key: 'notes', header: '备注', alias: 'notes', parse: textColumn },
  { key: 'contract_line', header: '产品线', alias: 'contract_line', parse: textColumn },
]);

const TEMPLATE_COLUMNS: XlsxColumn[] = REBATE_POLICY_COLUMNS.map((c) => ({ header: c.header, key: c.alias, kind: 'text' }));

const PATH_COLUMN: Record<string, string> = {
  contractId: '合同号',
  contractLineId: '产品线',
  periodFrom: '期间起',
  periodTo: '期间止',
  basis: '基数',
  target: '目标金额',
  tiers: '档位',
  mode: '计算方式',
  cap: '封顶',
  onTimeRate: '按期回款返利',
  notes: '备注',
};

type Valid = ReturnType<typeof saveTargetSchema.parse>;

function preparePolicies(ctx: ServiceContext, table: RawTable): PreparedImport {
  const mapped = mapImportRows(table, REBATE_POLICY_COLUMNS);
  const errors: ImportError[] = [...mapped.errors];
  const valid: { row: number; input: Valid; contractNo: string }[] = [];
  const lineOf = contractLineResolver(ctx);
  for (const row of mapped.rows) {
    if (!row.ok) continue;
    const v = row.values;
    const contract = ctx.db.first(ctx.db.k.selectFrom('contracts').select(['id', 'contract_no']).where('contract_no', '=', v.contract_no));
    if (!contract) {
      errors.push({ row: row.rowNumber, column: '合同号', message: `合同号“${v.contract_no}”不存在` });
      continue;
    }
    let contractLineId: string | null = null;
    if (v.contract_line !== null && v.contract_line.trim() !== '') {
      const line = lineOf(contract, v.contract_line);
      if (!line.ok) {
        errors.push({ row: row.rowNumber, column: '产品线', message: line.message });
        continue;
      }
      contractLineId = line.line.id;
    }
    const parsed = saveTargetSchema.safeParse({
      contractId: contract.id,
      contractLineId,
      periodKind: periodKindOf(v.period_from, v.period_to),
      periodFrom: v.period_from,
      periodTo: v.period_to,
      basis: v.basis ?? 'sales',
      target: v.target,
      mode: v.mode ?? 'whole',
      tiers: v.tiers,
      cap: v.cap ?? '',
      onTimeRate: v.on_time_rate ?? '',
      notes: v.notes ?? '',
    });
    if (!parsed.success) {
      errors.push(...zodIssuesToImportErrors(parsed.error, row.rowNumber, PATH_COLUMN));
      continue;
    }
    const problem = targetProblem(ctx, parsed.data);
    if (problem) {
      errors.push({ row: row.rowNumber, column: PATH_COLUMN[problem.field] ?? '', message: problem.message });
      continue;
    }
    const overlap = valid.find((o) => o.input.contractId === parsed.data.contractId && o.input.contractLineId === parsed.data.contractLineId && o.input.periodFrom <= parsed.data.periodTo && o.input.periodTo >= parsed.data.periodFrom);
    if (overlap) {
      errors.push({ row: row.rowNumber, column: '期间起', message: `与第 ${overlap.row} 行（合同 ${overlap.contractNo}）的期间重叠` });
      continue;
    }
    valid.push({ row: row.rowNumber, input: parsed.data, contractNo: v.contract_no });
  }
  return {
    rows: mapped.dataRowCount,
    errors,
    warnings: [...mapped.warnings],
    write(batchId) {
      for (const v of valid) saveTarget(ctx, v.input, { importBatchId: batchId, action: 'import' });
      return valid.length;
    },
  };
}

export const rebatePolicyImport: ImportKindHandler = {
  kind: 'rebate-policies',
  label: '返利政策',
  templateColumns: TEMPLATE_COLUMNS,
  prepare: preparePolicies,
  undoBlockedReason(ctx, batchId) {
    const settled = ctx.db
      .prepare(
        `SELECT t.period_from, t.period_to FROM rebate_targets t JOIN rebate_settlements s ON s.target_id = t.id
         WHERE t.import_batch_id = ? AND t.removed_at IS NULL AND s.active_key IS NOT NULL LIMIT 1`,
      )
      .get(batchId) as { period_from: string; period_to: string } | undefined;
    return settled ? `本批导入的期间 ${settled.period_from}~${settled.period_to} 已结算返利，不能撤销；请先冲销结算单据` : null;
  },
  undo(ctx, batchId, reason) {
    const rows = ctx.db.all(ctx.db.k.selectFrom('rebate_targets').select('id').where('import_batch_id', '=', batchId).where('removed_at', 'is', null));
    for (const r of rows) removeTarget(ctx, r.id, reason);
    return rows.length;
  },
};

