/**
 * What the three ledger imports (应收单, 回款单, 期初) share: column parsers
 * for numbers, dates and amounts, customer lookup by code, the bulk write
 * (documents with audit rows, then ONE re-derivation per customer, not per
 * row), and the credit-limit warnings of the report (imports never block).
 */
import { parseBusinessDate } from '../../../../shared/dates/parseDate';
import { formatFen } from '../../../../shared/money/format';
import { parseAmountToFen } from '../../../../shared/money/parseAmount';
import type { ServiceContext } from '../../context';
import { invalidCell, parsedCell, type CellParseResult, type FilledCell, type ImportCellContext } from '../../import/columns';
import type { ImportWarning } from '../../import/report';
import { cellText, codeColumn } from '../../imports/cells';
import { newId } from '../../../../shared/ids';
import { replay } from '../../../../shared/receivables/replay';
import { insertDocuments, type NewDocument } from '../insertDocument';
import { derivedAmounts, readCustomerState, storeDerived, type InsertedDocs } from '../rederive';
import { arDocOfNew, loadCustomerDocs, loadDocsForResume, type LoadedDoc } from '../docRows';
import { voidsByCustomer, voidWindowSpansKept } from '../voidWindowSpans';
import { resumeInput, type StoredAllocationFrom } from '../../../../shared/receivables/resume';
import type { ReplayResult } from '../../../../shared/receivables/types';
import { guardPeriodLock } from '../../statements/periodLock';
import { getClosedThrough } from '../../period/closedPeriod';
import { phaseDone, replayDone } from '../../imports/importPhases';
import type { ChunkMemo, ImportUnit } from '../../imports/chunkedCommit';
import { chunkDayTotals } from '../../imports/dayTotalsDelta';

export interface ImportCustomer {
  id: string;
  code: string;
  name: string;
  credit_limit_fen: number | null;
  payment_term_days: number | null;
}

/** Every customer by code, case-insensitively (codes are unique ignoring case). */
export function customersByCode(ctx: ServiceContext): Map<string, ImportCustomer> {
  const rows = ctx.db.prepare(`SELECT id, code, name, credit_limit_fen, payment_term_days FROM customers`).all() as ImportCustomer[];
  return new Map(rows.map((r) => [r.code.toLowerCase(), r]));
}

export const unknownCustomer = (code: string): string => `客户编码“${code}”不存在，请先导入或新建该客户`;

// ---------------------------------------------------------------- column parsers

/** A document number: half-width, no spaces, at most 30 characters. */
export function docNoColumn(cell: FilledCell, ctx: ImportCellContext): CellParseResult<string> {
  const code = codeColumn(cell, ctx);
  if (!code.ok) return code;
  if (code.value.length > 30) return invalidCell(`${ctx.header}“${code.value}”超过 30 个字符`);
  return code;
}

export function dateColumn(cell: FilledCell, ctx: ImportCellContext): CellParseResult<string> {
  if (typeof cell === 'boolean') return invalidCell(`${ctx.header}应为日期，例如 2026-03-05`);
  return parseBusinessDate(cell, ctx.header);
}

/** Amount > 0 (document amounts; the kind gives the sign). */
export function positiveAmountColumn(cell: FilledCell, ctx: ImportCellContext): CellParseResult<number> {
  if (typeof cell !== 'string' && typeof cell !== 'number') return invalidCell(`${ctx.header}应为金额，例如 50000 或 50,000.00`);
  return parseAmountToFen(cell, { label: ctx.header });
}

/** Signed, non-zero (期初: negative = prepayment). */
export function signedAmountColumn(cell: FilledCell, ctx: ImportCellContext): CellParseResult<number> {
  if (typeof cell !== 'string' && typeof cell !== 'number') return invalidCell(`${ctx.header}应为金额，例如 50000 或 -2,000.00`);
  const r = parseAmountToFen(cell, { label: ctx.header, allowNegative: true });
  if (!r.ok && /必须大于 0/.test(r.message)) return invalidCell(`${ctx.header}不能为 0（正数为客户欠款，负数为预收）`);
  return r;
}

/** Free text capped at `max` characters. */
export const limitedText =
  (max: number) =>
  (cell: FilledCell, ctx: ImportCellContext): CellParseResult<string> => {
    const text = cellText(cell, ctx);
    if (!text.ok) return text;
    if (text.value.length > max) return invalidCell(`${ctx.header}不能超过 ${max} 个字符`);
    return parsedCell(text.value);
  };

// ---------------------------------------------------------------- writing

const byDate = (a: NewDocument, b: NewDocument): number => (a.docDate < b.docDate ? -1 : a.docDate > b.docDate ? 1 : 0);

/**
 * The import's write as one unit per customer: its documents (each with its
 * audit row, action 'import') and that customer's derived data, committed in
 * short transactions (imports/chunkedCommit.ts).
 *
 * Each unit replays the customer ONCE, before inserting: the stored
 * documents plus the new ones (ids assigned first), so the new documents are
 * inserted with their final open/unapplied amounts instead of being updated
 * right after, and only the spans of the new documents and of those whose
 * allocations changed are written (rederive.ts storeDerived). The replay
 * resumes at the earliest new date from the stored result when that is sound
 * (unitReplay, shared/receivables/resume.ts): a customer's history is mostly
 * settled, and this month's documents need only what is still open then. The
 * result is the same as inserting and then re-deriving (tests/integration/
 * ledger/importOracle.test.ts compares every derived table with a fresh replay).
 *
 * The per-day totals of the new documents are added once per date at the
 * end of each chunk (imports/dayTotalsDelta.ts), not by the insert trigger
 * row by row (migration 0027_a).
 *
 * The confirmed-period lock is asked once per customer, for its earliest
 * date (the lock refuses everything on or before a confirmed period's end,
 * so the earliest date decides), instead of once per document. Documents are
 * written grouped by customer and date, whatever the file's order: the
 * per-customer indexes then grow in one place instead of at 5,000 random
 * places, and the stored result does not depend on insertion order anyway.
 */
export function importUnits(ctx: ServiceContext, docs: readonly NewDocument[], batchId: string): ImportUnit[] {
  const byCustomer = new Map<string, NewDocument[]>();
  for (const doc of docs) {
    let list = byCustomer.get(doc.customerId);
    if (list === undefined) byCustomer.set(doc.customerId, (list = []));
    list.push(doc);
  }
  return [...byCustomer.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([customerId, list]) => (chunk) => writeCustomerUnit(ctx, chunk, customerId, list, batchId));
}

/** The earliest date the new documents touch: their own dates, and for a void its original's. */
function earliestTouched(stored: readonly LoadedDoc[], fresh: readonly LoadedDoc[]): string {
  const dateOf = new Map([...stored, ...fresh].map((d) => [d.id, d.docDate]));
  let from = fresh[0].docDate;
  for (const d of fresh) {
    const date = d.voidsId === null ? d.docDate : (dateOf.get(d.voidsId) ?? '');
    if (date < from) from = date;
  }
  return from;
}

/** A customer's documents and replay for a unit: resumed at the earliest new date, or the whole history. */
interface UnitReplay {
  docs: LoadedDoc[];
  result: ReplayResult;
  inserted: InsertedDocs;
}

/**
 * Replays the customer from the earliest new date on when that is sound
 * (shared/receivables/resume.ts: no new void, a stored summary row, window
 * spans that stay as stored, stored amounts that form a replay state),
 * else its whole history. The resumed replay loads the documents dated
 * from then and the earlier ones still open (most of a long history is
 * settled), instead of every document.
 */
function unitReplay(ctx: ServiceContext, chunk: ChunkMemo, customerId: string, fresh: LoadedDoc[]): UnitReplay {
  const ids = new Set(fresh.map((d) => d.id));
  if (!fresh.some((d) => d.kind === 'void')) {
    const from = fresh[0].docDate;
    const state = readCustomerState(ctx, customerId);
    const voids = chunk.get('voidsByCustomer', () => voidsByCustomer(ctx)).get(customerId) ?? [];
    if (state !== undefined && voidWindowSpansKept(ctx, customerId, from, voids)) {
      const later = ctx.db.prepare(LATER_ALLOCATIONS_SQL).all(customerId, from) as StoredAllocationFrom[];
      const named = later.flatMap((a) => [a.creditId, a.debitId]);
      const stored = loadDocsForResume(ctx, customerId, from, state.unapplied_fen > 0, named);
      const input = resumeInput(stored, later, from);
      if (input !== null) {
        replayDone(true);
        return { docs: [...stored, ...fresh], result: replay([...input, ...fresh], null), inserted: { ids, from, resumedFrom: state } };
      }
    }
  }
  replayDone(false);
  const stored = loadCustomerDocs(ctx, customerId);
  const docs = [...stored, ...fresh];
  return { docs, result: replay(docs, null), inserted: { ids, from: earliestTouched(stored, fresh) } };
}

// ar_allocations_customer (customer_id, allocated_on, amount_fen) finds them; each row is read for its two ids.
const LATER_ALLOCATIONS_SQL = `SELECT credit_id AS creditId, debit_id AS debitId, amount_fen AS amountFen FROM ar_allocations
  WHERE customer_id = ? AND allocated_on >= ?`;

function writeCustomerUnit(ctx: ServiceContext, chunk: ChunkMemo, customerId: string, list: NewDocument[], batchId: string): number {
  list.sort(byDate);
  const first = list[0];
  guardPeriodLock(ctx, { customerId, kind: first.kind, docNo: first.docNo, date: first.docDate, originalDate: null }, null);
  const closedThrough = chunk.get('closedThrough', () => getClosedThrough(ctx));
  phaseDone('checks');

  const added = list.map((doc) => ({ ...doc, id: doc.id ?? newId(), importBatchId: batchId }));
  const fresh: LoadedDoc[] = added.map((d) => ({ ...arDocOfNew(d), storedOpenFen: null, storedUnappliedFen: null }));
  const { docs, result, inserted } = unitReplay(ctx, chunk, customerId, fresh);
  phaseDone('derive');

  const derived = fresh.map((d) => derivedAmounts(d, result));
  insertDocuments(ctx, added, { action: 'import', lockCheckedByCaller: true, closedThrough }, derived);
  const days = chunkDayTotals(ctx, chunk, batchId);
  for (const d of added) days.add(d);
  fresh.forEach((d, i) => {
    d.storedOpenFen = derived[i].open;
    d.storedUnappliedFen = derived[i].unapplied;
  });
  phaseDone('documents');

  storeDerived(ctx, customerId, docs, result, { action: 'import', importBatchId: batchId }, inserted);
  phaseDone('derive');
  return list.length;
}

/**
 * Customers whose balance after the import would be over their credit limit:
 * one warning each (§4: imports of history never block on the limit).
 */
export function creditLimitWarnings(
  ctx: ServiceContext,
  changeByCustomer: ReadonlyMap<string, number>,
  customers: ReadonlyMap<string, ImportCustomer>,
  column: string,
): ImportWarning[] {
  const byId = new Map([...customers.values()].map((c) => [c.id, c]));
  const balanceOf = ctx.db.prepare(`SELECT balance_fen FROM ar_customer_state WHERE customer_id = ?`);
  const warnings: ImportWarning[] = [];
  for (const [customerId, change] of changeByCustomer) {
    const c = byId.get(customerId);
    if (c === undefined || c.credit_limit_fen === null) continue;
    const balance = ((balanceOf.get(customerId) as { balance_fen: number } | undefined)?.balance_fen ?? 0) + change;
    if (balance > c.credit_limit_fen) {
      warnings.push({
        row: null,
        column,
        message: `客户 ${c.name}（${c.code}）导入后余额 ${formatFen(balance)} 超过信用额度 ${formatFen(c.credit_limit_fen)}（超出 ${formatFen(balance - c.credit_limit_fen)}）`,
      });
    }
  }
  return warnings;
}
