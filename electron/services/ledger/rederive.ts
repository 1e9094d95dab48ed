/**
 * Re-derivation (§4 "Allocations are derived data"): after any write that
 * touches a customer's documents, that customer's documents are replayed
 * from scratch (shared/receivables/replay.ts, as of no date) and the stored
 * derived data is brought in line with the result, in the same transaction:
 * the allocation rows (only the changed ones are written), each document's
 * open/unapplied amount, the customer's summary row and its open spans
 * (ar_open_spans, what aging and alerts read for a past date). Because every
 * allocation comes from the same replay of the same documents, the stored
 * result never depends on the order the documents were entered in.
 *
 * A change of allocations gets one audit row (entity 'ar_allocations', the
 * customer's id) with the changed rows before and after and the cause.
 */
import { replay } from '../../../shared/receivables/replay';
import type { Allocation, ArDoc, ReplayResult } from '../../../shared/receivables/types';
import { noteChangedCustomer, recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { loadCustomerDocs, voidedIds, type LoadedDoc } from './docRows';
import { writeOpenSpans, writeScopedOpenSpans, type SpanScope } from './openSpans';
import { phaseDone } from '../imports/importPhases';

export const DERIVED_TABLES = ['ar_allocations', 'ar_documents', 'ar_customer_state', 'ar_open_spans', 'ar_void_window_spans'] as const;

/** Why a re-derivation ran, recorded in its audit row. */
export interface RederiveCause {
  action: string;
  docIds?: readonly string[];
  importBatchId?: string;
}

export interface AllocationRowSnapshot {
  creditId: string;
  debitId: string;
  explicit: boolean;
  amountFen: number;
  allocatedOn: string;
}

export interface RederiveOutcome {
  customerId: string;
  replay: ReplayResult;
  docs: LoadedDoc[];
  /** Allocation rows inserted, updated or deleted. */
  changedAllocations: number;
}

/** The customer summary row derived from the documents and their replay. */
export interface CustomerStateValues {
  balance_fen: number;
  debit_fen: number;
  credit_fen: number;
  open_debit_fen: number;
  unapplied_fen: number;
  first_doc_on: string | null;
  last_doc_on: string | null;
  last_invoice_on: string | null;
  last_receipt_on: string | null;
  doc_count: number;
}

export function customerStateOf(docs: readonly ArDoc[], result: ReplayResult): CustomerStateValues {
  const voided = voidedIds(docs);
  const state: CustomerStateValues = {
    balance_fen: 0,
    debit_fen: 0,
    credit_fen: 0,
    open_debit_fen: 0,
    unapplied_fen: 0,
    first_doc_on: null,
    last_doc_on: null,
    last_invoice_on: null,
    last_receipt_on: null,
    doc_count: docs.length,
  };
  for (const d of docs) {
    if (d.side === 'debit') state.debit_fen += d.amountFen;
    else state.credit_fen += d.amountFen;
    if (state.first_doc_on === null || d.docDate < state.first_doc_on) state.first_doc_on = d.docDate;
    if (state.last_doc_on === null || d.docDate > state.last_doc_on) state.last_doc_on = d.docDate;
    // "Last invoice/receipt" feed churn and collection figures: a voided one never happened.
    if (voided.has(d.id)) continue;
    if (d.kind === 'invoice' && (state.last_invoice_on === null || d.docDate > state.last_invoice_on)) state.last_invoice_on = d.docDate;
    if (d.kind === 'receipt' && (state.last_receipt_on === null || d.docDate > state.last_receipt_on)) state.last_receipt_on = d.docDate;
  }
  state.balance_fen = state.debit_fen - state.credit_fen;
  for (const v of result.openByDebit.values()) state.open_debit_fen += v;
  for (const v of result.unappliedByCredit.values()) state.unapplied_fen += v;
  return state;
}

/**
 * The summary row after adding `added` (none of them a void) to a customer
 * whose stored row is `stored`, from a replay that holds every document
 * with something open (a resumed one, shared/receivables/resume.ts): the
 * sums, dates and count move by the added documents alone (no stored void
 * can reverse a new document), and the open and unapplied totals are the
 * replay's, whose left-out documents are all settled. Equal to
 * customerStateOf over every document (tests/integration/ledger/importOracle.test.ts).
 */
export function customerStateAfterAdding(stored: CustomerStateValues, added: readonly ArDoc[], result: ReplayResult): CustomerStateValues {
  const state = { ...stored };
  for (const d of added) {
    if (d.side === 'debit') state.debit_fen += d.amountFen;
    else state.credit_fen += d.amountFen;
    if (state.first_doc_on === null || d.docDate < state.first_doc_on) state.first_doc_on = d.docDate;
    if (state.last_doc_on === null || d.docDate > state.last_doc_on) state.last_doc_on = d.docDate;
    if (d.kind === 'invoice' && (state.last_invoice_on === null || d.docDate > state.last_invoice_on)) state.last_invoice_on = d.docDate;
    if (d.kind === 'receipt' && (state.last_receipt_on === null || d.docDate > state.last_receipt_on)) state.last_receipt_on = d.docDate;
  }
  state.doc_count += added.length;
  state.balance_fen = state.debit_fen - state.credit_fen;
  state.open_debit_fen = 0;
  state.unapplied_fen = 0;
  for (const v of result.openByDebit.values()) state.open_debit_fen += v;
  for (const v of result.unappliedByCredit.values()) state.unapplied_fen += v;
  return state;
}

/** What a document's stored derived columns must be after the replay (voided originals: 0; voids: null). */
export function derivedAmounts(doc: ArDoc, result: ReplayResult): { open: number | null; unapplied: number | null } {
  if (doc.kind === 'void') return { open: null, unapplied: null };
  if (doc.side === 'debit') return { open: result.openByDebit.get(doc.id) ?? 0, unapplied: null };
  return { open: null, unapplied: result.unappliedByCredit.get(doc.id) ?? 0 };
}

const allocationKey = (creditId: string, debitId: string, explicit: boolean): string =>
  `${creditId}\u0000${debitId}\u0000${explicit ? 1 : 0}`;

const snapshot = (a: Allocation): AllocationRowSnapshot => ({
  creditId: a.creditId,
  debitId: a.debitId,
  explicit: a.explicit,
  amountFen: a.amountFen,
  allocatedOn: a.allocatedOn,
});

interface StoredAllocation {
  credit_id: string;
  debit_id: string;
  explicit: number;
  amount_fen: number;
  allocated_on: string;
}

const SQL = {
  existing: `SELECT credit_id, debit_id, explicit, amount_fen, allocated_on FROM ar_allocations WHERE customer_id = ?`,
  state: `SELECT balance_fen, debit_fen, credit_fen, open_debit_fen, unapplied_fen, first_doc_on, last_doc_on, last_invoice_on,
      last_receipt_on, doc_count FROM ar_customer_state WHERE customer_id = ?`,
  // What a debit (credit) received before a date: ar_allocations_debit covers the first, the primary key seeks the second.
  debitBefore: `SELECT credit_id, debit_id, explicit, amount_fen, allocated_on FROM ar_allocations WHERE debit_id = ? AND allocated_on < ?`,
  creditBefore: `SELECT credit_id, debit_id, explicit, amount_fen, allocated_on FROM ar_allocations WHERE credit_id = ? AND allocated_on < ?`,
  // ar_allocations_customer (customer_id, allocated_on, amount_fen) covers it.
  existingFrom: `SELECT credit_id, debit_id, explicit, amount_fen, allocated_on FROM ar_allocations WHERE customer_id = ? AND allocated_on >= ?`,
  insert: `INSERT INTO ar_allocations (credit_id, debit_id, explicit, customer_id, amount_fen, allocated_on) VALUES (?, ?, ?, ?, ?, ?)`,
  update: `UPDATE ar_allocations SET amount_fen = ?, allocated_on = ? WHERE credit_id = ? AND debit_id = ? AND explicit = ?`,
  remove: `DELETE FROM ar_allocations WHERE credit_id = ? AND debit_id = ? AND explicit = ?`,
  setDerived: `UPDATE ar_documents SET open_fen = ?, unapplied_fen = ? WHERE id = ?`,
  upsertState: `INSERT INTO ar_customer_state (customer_id, balance_fen, debit_fen, credit_fen, open_debit_fen, unapplied_fen,
      first_doc_on, last_doc_on, last_invoice_on, last_receipt_on, doc_count, updated_at)
    VALUES (@customer_id, @balance_fen, @debit_fen, @credit_fen, @open_debit_fen, @unapplied_fen,
      @first_doc_on, @last_doc_on, @last_invoice_on, @last_receipt_on, @doc_count, @updated_at)
    ON CONFLICT (customer_id) DO UPDATE SET balance_fen = excluded.balance_fen, debit_fen = excluded.debit_fen,
      credit_fen = excluded.credit_fen, open_debit_fen = excluded.open_debit_fen, unapplied_fen = excluded.unapplied_fen,
      first_doc_on = excluded.first_doc_on, last_doc_on = excluded.last_doc_on, last_invoice_on = excluded.last_invoice_on,
      last_receipt_on = excluded.last_receipt_on, doc_count = excluded.doc_count, updated_at = excluded.updated_at`,
};

/** The customer's stored summary row, or undefined when it has none. */
export function readCustomerState(ctx: ServiceContext, customerId: string): CustomerStateValues | undefined {
  return ctx.db.prepare(SQL.state).get(customerId) as CustomerStateValues | undefined;
}

export function writeCustomerState(ctx: ServiceContext, customerId: string, state: CustomerStateValues): void {
  ctx.db.prepare(SQL.upsertState).run({ customer_id: customerId, ...state, updated_at: ctx.clock.now().toISOString() });
}

/**
 * Replays one customer's documents and stores the derived result. Call inside
 * the transaction of the write that changed the documents.
 */
export function rederiveCustomer(ctx: ServiceContext, customerId: string, cause: RederiveCause): RederiveOutcome {
  const docs = loadCustomerDocs(ctx, customerId);
  return storeDerived(ctx, customerId, docs, replay(docs, null), cause);
}

/**
 * What a caller that only ADDED documents knows, so less has to be compared
 * (imports: issue 17 point 4). The replay is a pass in document order whose
 * allocations are dated on the later document, so adding documents dated on
 * or after `from` (for a void: its original's date) leaves every allocation
 * dated before `from` as it was; and a document's spans change only with its
 * allocations or its voiding (openSpans.ts SpanScope).
 */
export interface InsertedDocs {
  /** Ids of the documents just written, already carrying their derived amounts. */
  ids: ReadonlySet<string>;
  /** The earliest date they touch. */
  from: string;
  /**
   * Set when `docs` and the replay are a resumed one (shared/receivables/resume.ts): only the
   * documents dated from `from` and the earlier ones still open, earlier ones replayed with their
   * open amount at `from`. Then the summary row is moved from the stored one, the spans of an
   * earlier document read its stored allocations dated before `from`, and the caller has checked
   * that the window spans stay as stored (voidWindowSpansKept).
   */
  resumedFrom?: CustomerStateValues;
}

/**
 * Brings the customer's stored derived data in line with `result`, the full
 * replay of `docs` (every document of the customer, each with the derived
 * amounts stored now). With `inserted`, only allocations dated from
 * `inserted.from` are compared, and only the spans of the new documents and
 * of the documents whose allocations changed are written; without it, every
 * allocation and span of the customer is diffed. Either way the stored result
 * equals a fresh full re-derivation (tests/integration/ledger/importOracle.test.ts).
 */
export function storeDerived(
  ctx: ServiceContext,
  customerId: string,
  docs: LoadedDoc[],
  result: ReplayResult,
  cause: RederiveCause,
  inserted?: InsertedDocs,
): RederiveOutcome {
  // Allocation rows: diff the stored rows against the replay and write only what changed.
  const from = inserted?.from ?? '';
  const stored = new Map<string, StoredAllocation>();
  const storedRows = (inserted ? ctx.db.prepare(SQL.existingFrom).all(customerId, from) : ctx.db.prepare(SQL.existing).all(customerId)) as StoredAllocation[];
  for (const row of storedRows) {
    stored.set(allocationKey(row.credit_id, row.debit_id, row.explicit === 1), row);
  }
  const before: AllocationRowSnapshot[] = [];
  const after: AllocationRowSnapshot[] = [];
  let changed = 0;
  const insert = ctx.db.prepare(SQL.insert);
  const update = ctx.db.prepare(SQL.update);
  for (const a of result.allocations) {
    if (a.allocatedOn < from) continue;
    const key = allocationKey(a.creditId, a.debitId, a.explicit);
    const old = stored.get(key);
    stored.delete(key);
    if (old === undefined) {
      insert.run(a.creditId, a.debitId, a.explicit ? 1 : 0, customerId, a.amountFen, a.allocatedOn);
      after.push(snapshot(a));
      changed++;
    } else if (old.amount_fen !== a.amountFen || old.allocated_on !== a.allocatedOn) {
      update.run(a.amountFen, a.allocatedOn, a.creditId, a.debitId, a.explicit ? 1 : 0);
      changed++;
      before.push({ creditId: old.credit_id, debitId: old.debit_id, explicit: old.explicit === 1, amountFen: old.amount_fen, allocatedOn: old.allocated_on });
      after.push(snapshot(a));
    }
  }
  const remove = ctx.db.prepare(SQL.remove);
  for (const old of stored.values()) {
    remove.run(old.credit_id, old.debit_id, old.explicit);
    changed++;
    before.push({ creditId: old.credit_id, debitId: old.debit_id, explicit: old.explicit === 1, amountFen: old.amount_fen, allocatedOn: old.allocated_on });
  }

  const setDerived = ctx.db.prepare(SQL.setDerived);
  for (const doc of docs) {
    const { open, unapplied } = derivedAmounts(doc, result);
    if (open !== doc.storedOpenFen || unapplied !== doc.storedUnappliedFen) {
      setDerived.run(open, unapplied, doc.id);
      doc.storedOpenFen = open;
      doc.storedUnappliedFen = unapplied;
    }
  }

  const resumed = inserted?.resumedFrom;
  writeCustomerState(
    ctx,
    customerId,
    resumed && inserted ? customerStateAfterAdding(resumed, docs.filter((d) => inserted.ids.has(d.id)), result) : customerStateOf(docs, result),
  );
  // The open amount of every document over time (aging and alerts as of any date read it).
  phaseDone('derive');
  if (resumed && inserted) {
    const scope = spanScope(docs, inserted.ids, before, after);
    writeScopedOpenSpans(ctx, customerId, docs, result, scope, allocationsBefore(ctx, docs, scope.touched, inserted.from));
  } else {
    writeOpenSpans(ctx, customerId, docs, result, false, inserted ? spanScope(docs, inserted.ids, before, after) : undefined);
  }
  phaseDone('spans');

  if (changed > 0) {
    recordChange(ctx, {
      entity: 'ar_allocations',
      entityId: customerId,
      action: 'rederive',
      before: { cause, rows: before },
      after: { cause, rows: after },
      tables: DERIVED_TABLES,
      customerId,
    });
  } else {
    // The state and open spans above were written all the same (maybe unchanged): they are this customer's.
    for (const t of DERIVED_TABLES) ctx.touched.add(t);
    noteChangedCustomer(ctx, customerId);
  }
  return { customerId, replay: result, docs, changedAllocations: changed };
}

/**
 * The stored allocations dated before `from` of the documents in `ids` that
 * are dated before it (those of a later document are all dated from `from`,
 * in the replay already), each row once: with the resumed replay's rows they
 * are every allocation of those documents, what their spans are built from.
 */
function allocationsBefore(ctx: ServiceContext, docs: readonly LoadedDoc[], ids: ReadonlySet<string>, from: string): Allocation[] {
  if (ids.size === 0) return [];
  const byDebit = ctx.db.prepare(SQL.debitBefore);
  const byCredit = ctx.db.prepare(SQL.creditBefore);
  const rows = new Map<string, StoredAllocation>();
  for (const d of docs) {
    if (!ids.has(d.id) || d.docDate >= from) continue;
    for (const r of (d.side === 'debit' ? byDebit : byCredit).all(d.id, from) as StoredAllocation[]) {
      rows.set(allocationKey(r.credit_id, r.debit_id, r.explicit === 1), r);
    }
  }
  return [...rows.values()].map((r) => ({ creditId: r.credit_id, debitId: r.debit_id, explicit: r.explicit === 1, amountFen: r.amount_fen, allocatedOn: r.allocated_on }));
}

/**
 * The documents whose spans an insert of `inserted` can have changed: the
 * new ones (nothing stored yet), every document on either side of a changed
 * allocation row, and the originals a new void reverses.
 */
function spanScope(docs: readonly LoadedDoc[], inserted: ReadonlySet<string>, before: readonly AllocationRowSnapshot[], after: readonly AllocationRowSnapshot[]): SpanScope {
  const touched = new Set<string>();
  for (const a of before) touched.add(a.creditId).add(a.debitId);
  for (const a of after) touched.add(a.creditId).add(a.debitId);
  for (const d of docs) if (inserted.has(d.id) && d.voidsId !== null) touched.add(d.voidsId);
  for (const id of inserted) touched.delete(id);
  return { fresh: inserted, touched };
}
