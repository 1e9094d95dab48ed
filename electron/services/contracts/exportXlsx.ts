/**
 * The filtered contract list as .xlsx. Sheet 1 has one row per contract line
 * in the import's columns (a contract without lines gets one row), so the
 * file re-imports unchanged; sheet 2 lists the payment schedules.
 */
import { sql } from 'kysely';
import { CONTRACT_KIND_LABELS, CONTRACT_STATUS_LABELS, type ContractKind, type ContractStatus } from '../../../shared/api/contractEnums';
import type { ExportFile } from '../../../shared/api/imports';
import { formatThousandths } from '../../../shared/money/quantity';
import type { ServiceContext } from '../context';
import { writeXlsx, type XlsxColumn } from '../export/writeXlsx';
import { CONTRACT_XLSX_COLUMNS } from './importColumns';
import { contractRowsInOrder, type ContractFilterInput } from './list';

const SCHEDULE_COLUMNS: XlsxColumn[] = [
  { header: '合同号', key: 'contract_no' },
  { header: '期次', key: 'seq', kind: 'int' },
  { header: '款项名称', key: 'label' },
  { header: '付款日期', key: 'due_on', kind: 'date' },
  { header: '金额', key: 'amount', kind: 'fen' },
];

interface LineRow {
  contract_id: string;
  product_code: string | null;
  description: string;
  spec: string;
  unit: string;
  qty_thousandths: number;
  unit_price_fen: number;
  amount_fen: number;
}

interface ScheduleRow {
  contract_id: string;
  seq: number;
  label: string;
  due_on: string;
  amount_fen: number;
}

function groupBy<T extends { contract_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.contract_id) ?? [];
    list.push(r);
    out.set(r.contract_id, list);
  }
  return out;
}

export async function exportContractsXlsx(ctx: ServiceContext, filter: ContractFilterInput): Promise<ExportFile> {
  const { contracts, lines, schedules } = ctx.db.readSnapshot(() => {
    const contracts = contractRowsInOrder(ctx, filter);
    // The ids travel as one JSON parameter: no limit on how many contracts are exported.
    const ids = JSON.stringify(contracts.map((c) => c.id));
    const lines = ctx.db.all(
      sql<LineRow>`SELECT l.contract_id, p.code AS product_code, l.description, l.spec, l.unit, l.qty_thousandths,
          l.unit_price_fen, l.amount_fen
        FROM contract_lines l LEFT JOIN products p ON p.id = l.product_id
        WHERE l.contract_id IN (SELECT value FROM json_each(${ids})) ORDER BY l.contract_id, l.seq`.compile(ctx.db.k),
    );
    const schedules = ctx.db.all(
      sql<ScheduleRow>`SELECT contract_id, seq, label, due_on, amount_fen FROM contract_installments
        WHERE contract_id IN (SELECT value FROM json_each(${ids})) ORDER BY contract_id, seq`.compile(ctx.db.k),
    );
    return { contracts, lines: groupBy(lines), schedules: groupBy(schedules) };
  });

  const mainRows: Record<string, unknown>[] = [];
  const scheduleRows: Record<string, unknown>[] = [];
  for (const c of contracts) {
    const header = {
      contract_no: c.contract_no,
      customer_code: c.customer_code,
      customer_name: c.customer_name,
      title: c.title,
      kind: CONTRACT_KIND_LABELS[c.kind as ContractKind],
      signed_on: c.signed_on,
      starts_on: c.starts_on,
      ends_on: c.ends_on,
      status: CONTRACT_STATUS_LABELS[c.status as ContractStatus],
      // Only a hand-typed amount needs to travel; otherwise it is the sum of the lines.
      amount: c.amount_manual ? c.amount_fen : null,
      payment_terms: c.payment_terms,
      rebate_terms: c.rebate_terms,
      notes: c.notes,
    };
    const contractLines = lines.get(c.id) ?? [];
    if (contractLines.length === 0) mainRows.push(header);
    for (const l of contractLines) {
      mainRows.push({
        ...header,
        product_code: l.product_code,
        description: l.description,
        spec: l.spec,
        unit: l.unit,
        qty: formatThousandths(l.qty_thousandths),
        unit_price: l.unit_price_fen,
        line_amount: l.amount_fen,
      });
    }
    for (const s of schedules.get(c.id) ?? []) {
      scheduleRows.push({ contract_no: c.contract_no, seq: s.seq, label: s.label, due_on: s.due_on, amount: s.amount_fen });
    }
  }
  const bytes = await writeXlsx([
    { name: '合同', columns: CONTRACT_XLSX_COLUMNS, rows: mainRows },
    { name: '付款计划', columns: SCHEDULE_COLUMNS, rows: scheduleRows },
  ]);
  return { fileName: `合同_${ctx.clock.today()}.xlsx`, dataBase64: bytes.toString('base64'), rows: mainRows.length };
}
