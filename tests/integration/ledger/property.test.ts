/**
 * Property tests through the real services on real SQLite files: random
 * histories for two customers, entered in two random orders into two fresh
 * databases, must store identical allocations, open/unapplied amounts and
 * customer states — equal to the replay of the documents; no allocation
 * exceeds either side; balance = debits − credits; voiding a document and
 * posting it again restores the customer's totals.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { PostResult } from '../../../shared/api/ledger';
import { replay } from '../../../shared/receivables/replay';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { CUSTOMER_TERMS, dayDate, entryOrder, historyPlanArb, isDebit, toArDocs, type PlannedDoc } from './histories';

const RUNS = { numRuns: Number(process.env.LEDGER_PROPERTY_RUNS ?? 25), endOnFailure: true };
/** Each run builds two databases; allow about half a second per run. */
const TIMEOUT_MS = 30_000 + RUNS.numRuns * 500;

const open: TempRuntime[] = [];
afterEach(() => open.splice(0).forEach((t) => t.cleanup()));

interface Book {
  t: TempRuntime;
  customers: string[];
  /** planned key (void: key + 'v') -> stored id */
  ids: Map<string, string>;
}

async function newBook(): Promise<Book> {
  const t = await tempRuntime();
  open.push(t);
  const customers: string[] = [];
  for (let i = 0; i < CUSTOMER_TERMS.length; i++) {
    const c = await t.rt.invoke<CustomerDetail>('customers.create', { code: `C${i}`, name: `客户${i}`, paymentTermDays: CUSTOMER_TERMS[i] });
    customers.push(c.id);
  }
  return { t, customers, ids: new Map() };
}

async function postPlanned(book: Book, d: PlannedDoc, docNo = d.docNo): Promise<PostResult> {
  const customerId = book.customers[d.customer];
  const amountFen = Math.abs(d.signedFen);
  const allocations = d.targets.length === 0 ? null : d.targets.map((x) => ({ debitId: book.ids.get(x.key), amountFen: x.amountFen }));
  switch (d.kind) {
    case 'invoice':
      return book.t.rt.invoke('ledger.postInvoice', { customerId, date: d.date, dueOn: d.dueOn, amountFen, docNo });
    case 'opening':
      return book.t.rt.invoke('ledger.postOpening', { customerId, date: d.date, dueOn: d.signedFen > 0 ? d.dueOn : null, amountFen: d.signedFen, docNo });
    case 'refund':
      return book.t.rt.invoke('ledger.postRefund', { customerId, date: d.date, amountFen, docNo });
    case 'receipt':
      return book.t.rt.invoke('ledger.postReceipt', { customerId, date: d.date, amountFen, docNo, allocations });
    case 'credit_note':
      return book.t.rt.invoke('ledger.postCreditNote', { customerId, date: d.date, amountFen, docNo, allocations });
    case 'write_off':
      return book.t.rt.invoke('ledger.postWriteOff', { debitId: book.ids.get(d.targets[0].key), date: d.date, amountFen, docNo, memo: '无法收回' });
  }
}

async function enter(plan: PlannedDoc[], seed: number): Promise<Book> {
  const book = await newBook();
  for (const step of entryOrder(plan, seed)) {
    if (step.voidIt) {
      const r = await book.t.rt.invoke<PostResult>('ledger.void', { docId: book.ids.get(step.doc.key), date: step.doc.voidDate, reason: '测试冲销' });
      book.ids.set(`${step.doc.key}v`, r.document.id);
    } else {
      book.ids.set(step.doc.key, (await postPlanned(book, step.doc)).document.id);
    }
  }
  return book;
}

interface StoredDoc {
  id: string;
  customer_id: string;
  kind: string;
  side: string;
  amount_fen: number;
  open_fen: number | null;
  unapplied_fen: number | null;
  voids_id: string | null;
}
interface StoredAllocation {
  credit_id: string;
  debit_id: string;
  explicit: number;
  amount_fen: number;
  allocated_on: string;
}
interface StoredState {
  customer_id: string;
  balance_fen: number;
  debit_fen: number;
  credit_fen: number;
  open_debit_fen: number;
  unapplied_fen: number;
}

/** What the book stored, with ids replaced by planned keys so two books compare. */
function snapshot(book: Book) {
  const db = book.t.rt.database().sqlite;
  const keyOf = new Map([...book.ids].map(([k, id]) => [id, k]));
  const cust = new Map(book.customers.map((id, i) => [id, i]));
  const k = (id: string) => keyOf.get(id) ?? `?${id}`;
  const docs = db.prepare(`SELECT id, customer_id, kind, side, amount_fen, open_fen, unapplied_fen, voids_id FROM ar_documents`).all() as StoredDoc[];
  const allocations = db.prepare(`SELECT credit_id, debit_id, explicit, amount_fen, allocated_on FROM ar_allocations`).all() as StoredAllocation[];
  const states = db.prepare(`SELECT * FROM ar_customer_state`).all() as StoredState[];
  const targets = db.prepare(`SELECT credit_id, seq, debit_id, amount_fen FROM ar_explicit_targets`).all() as {
    credit_id: string;
    seq: number;
    debit_id: string;
    amount_fen: number;
  }[];
  return {
    raw: { docs, allocations, states },
    allocations: allocations.map((a) => `${k(a.credit_id)}>${k(a.debit_id)}|${a.explicit}|${a.amount_fen}|${a.allocated_on}`).sort(),
    amounts: Object.fromEntries(docs.map((d) => [k(d.id), [d.open_fen, d.unapplied_fen]]).sort()),
    states: states
      .map((s) => [cust.get(s.customer_id), s.balance_fen, s.debit_fen, s.credit_fen, s.open_debit_fen, s.unapplied_fen])
      .sort((a, b) => Number(a[0]) - Number(b[0])),
    targets: targets.map((x) => `${k(x.credit_id)}#${x.seq}>${k(x.debit_id)}|${x.amount_fen}`).sort(),
  };
}

/** The replay of the planned documents in the same shape (the engine as the reference for what must be stored). */
function expected(plan: PlannedDoc[]) {
  const docs = toArDocs(plan);
  const allocations: string[] = [];
  const amounts: Record<string, [number | null, number | null]> = {};
  for (let c = 0; c < CUSTOMER_TERMS.length; c++) {
    const keys = new Set(plan.filter((d) => d.customer === c).flatMap((d) => (d.voidDate === null ? [d.key] : [d.key, `${d.key}v`])));
    const mine = docs.filter((d) => keys.has(d.id));
    const r = replay(mine, null);
    for (const a of r.allocations) allocations.push(`${a.creditId}>${a.debitId}|${a.explicit ? 1 : 0}|${a.amountFen}|${a.allocatedOn}`);
    for (const d of mine) {
      if (d.kind === 'void') amounts[d.id] = [null, null];
      else if (d.side === 'debit') amounts[d.id] = [r.openByDebit.get(d.id) ?? 0, null];
      else amounts[d.id] = [null, r.unappliedByCredit.get(d.id) ?? 0];
    }
  }
  return { allocations: allocations.sort(), amounts: Object.fromEntries(Object.entries(amounts).sort()) };
}

/** Invariants every stored state must satisfy, whatever the history. */
function checkInvariants(s: ReturnType<typeof snapshot>): void {
  const { docs, allocations, states } = s.raw;
  const byId = new Map(docs.map((d) => [d.id, d]));
  const voided = new Set(docs.filter((d) => d.voids_id !== null).map((d) => d.voids_id));
  const toDebit = new Map<string, number>();
  const fromCredit = new Map<string, number>();
  for (const a of allocations) {
    expect(a.amount_fen).toBeGreaterThan(0);
    const credit = byId.get(a.credit_id);
    const debit = byId.get(a.debit_id);
    expect(credit?.side).toBe('credit');
    expect(debit?.side).toBe('debit');
    expect(credit?.kind).not.toBe('void');
    expect(debit?.kind).not.toBe('void');
    expect(voided.has(a.credit_id) || voided.has(a.debit_id)).toBe(false);
    toDebit.set(a.debit_id, (toDebit.get(a.debit_id) ?? 0) + a.amount_fen);
    fromCredit.set(a.credit_id, (fromCredit.get(a.credit_id) ?? 0) + a.amount_fen);
  }
  for (const d of docs) {
    if (d.kind === 'void') continue;
    const used = d.side === 'debit' ? (toDebit.get(d.id) ?? 0) : (fromCredit.get(d.id) ?? 0);
    // No allocation exceeds either side; what is left is exactly the stored open / unapplied amount.
    expect(used).toBeLessThanOrEqual(d.amount_fen);
    const left = d.side === 'debit' ? d.open_fen : d.unapplied_fen;
    expect(left).toBe(voided.has(d.id) ? 0 : d.amount_fen - used);
  }
  for (const st of states) {
    const mine = docs.filter((d) => d.customer_id === st.customer_id);
    const debits = mine.filter((d) => d.side === 'debit').reduce((x, d) => x + d.amount_fen, 0);
    const credits = mine.filter((d) => d.side === 'credit').reduce((x, d) => x + d.amount_fen, 0);
    expect(st.balance_fen).toBe(debits - credits);
    expect(st.open_debit_fen - st.unapplied_fen).toBe(st.balance_fen);
    // Money received is never left unapplied while something is open.
    expect(Math.min(st.open_debit_fen, st.unapplied_fen)).toBe(0);
  }
}

describe('ledger properties on random histories (real services, real SQLite)', () => {
  it('two random entry orders store the same result, which is the replay of the documents, and satisfies the invariants', async () => {
    await fc.assert(
      fc.asyncProperty(historyPlanArb(), fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (plan, s1, s2) => {
        const a = snapshot(await enter(plan, s1));
        const b = snapshot(await enter(plan, s2));
        expect(b.allocations).toEqual(a.allocations);
        expect(b.amounts).toEqual(a.amounts);
        expect(b.states).toEqual(a.states);
        expect(b.targets).toEqual(a.targets);
        const e = expected(plan);
        expect(a.allocations).toEqual(e.allocations);
        expect(a.amounts).toEqual(e.amounts);
        checkInvariants(a);
        open.splice(0).forEach((t) => t.cleanup());
      }),
      RUNS,
    );
  }, TIMEOUT_MS);

  it('voiding a document and posting it again restores the customer totals', async () => {
    await fc.assert(
      fc.asyncProperty(historyPlanArb(), fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.nat(), async (plan, seed, pick) => {
        const book = await enter(plan, seed);
        const writeOffTargets = new Set(plan.filter((d) => d.kind === 'write_off').map((d) => d.targets[0].key));
        const candidates = plan.filter((d) => d.voidDate === null && d.targets.length === 0 && !writeOffTargets.has(d.key));
        if (candidates.length === 0) return;
        const d = candidates[pick % candidates.length];
        const stateOf = () => snapshot(book).states.find((s) => s[0] === d.customer);
        const before = stateOf();
        const voided = await book.t.rt.invoke<PostResult>('ledger.void', { docId: book.ids.get(d.key), date: d.date, reason: '重开' });
        expect(voided.summary.balanceFen).toBe(Number(before?.[1]) - (isDebit(d) ? 1 : -1) * Math.abs(d.signedFen));
        await postPlanned(book, d, `${d.docNo}b`);
        const after = stateOf();
        // balance, open and unapplied are back; gross debits and credits both grew by the voided amount.
        expect([after?.[1], after?.[4], after?.[5]]).toEqual([before?.[1], before?.[4], before?.[5]]);
        checkInvariants(snapshot(book));
        open.splice(0).forEach((t) => t.cleanup());
      }),
      { ...RUNS, numRuns: Math.max(5, Math.floor(RUNS.numRuns / 2)) },
    );
  }, TIMEOUT_MS);

  it('as of any date D, stored allocations dated ≤ D reproduce the replay as of D, except where a later void straddles D (found by the voids index)', async () => {
    await fc.assert(
      fc.asyncProperty(historyPlanArb(), fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: -1, max: 60 }), async (plan, seed, day) => {
        const book = await enter(plan, seed);
        const db = book.t.rt.database().sqlite;
        const asOf = dayDate(day);
        const keyOf = new Map([...book.ids].map(([k, id]) => [id, k]));
        for (let c = 0; c < CUSTOMER_TERMS.length; c++) {
          const customerId = book.customers[c];
          // The aging reader's test: a void dated after D whose original is dated on or before D.
          const straddled = db
            .prepare(`SELECT 1 FROM ar_documents WHERE kind = 'void' AND doc_date > ? AND original_date <= ? AND customer_id = ? LIMIT 1`)
            .get(asOf, asOf, customerId);
          if (straddled !== undefined) continue;
          const keys = new Set(plan.filter((d) => d.customer === c).flatMap((d) => (d.voidDate === null ? [d.key] : [d.key, `${d.key}v`])));
          const reference = replay(toArDocs(plan).filter((d) => keys.has(d.id)), asOf);
          const docs = db
            .prepare(`SELECT id, side, kind, amount_fen FROM ar_documents WHERE customer_id = ? AND doc_date <= ? AND kind <> 'void'
              AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = ar_documents.id AND v.doc_date <= ?)`)
            .all(customerId, asOf, asOf) as { id: string; side: string; amount_fen: number }[];
          const used = db.prepare(`SELECT coalesce(sum(amount_fen), 0) AS n FROM ar_allocations WHERE (debit_id = ? OR credit_id = ?) AND allocated_on <= ?`);
          for (const d of docs) {
            const left = d.amount_fen - (used.get(d.id, d.id, asOf) as { n: number }).n;
            const key = keyOf.get(d.id) ?? '';
            expect([key, left]).toEqual([key, d.side === 'debit' ? reference.openByDebit.get(key) : reference.unappliedByCredit.get(key)]);
          }
        }
        open.splice(0).forEach((t) => t.cleanup());
      }),
      { ...RUNS, numRuns: Math.max(5, Math.floor(RUNS.numRuns / 2)) },
    );
  }, TIMEOUT_MS);
});
