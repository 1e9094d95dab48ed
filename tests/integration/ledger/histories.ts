/**
 * Random document histories for the ledger's property tests, as service
 * inputs. A history is made "entry-valid" first: explicit choices that the
 * replay would cap are shrunk to what they get, write-offs of voided invoices
 * are dropped, and every hand-made allocation totals less than what its
 * credit pays at its place, so it can never coincide with the FIFO suggestion
 * (which would legitimately store it as automatic and make it a different
 * document). Numbers are typed, unique across kinds, so two entry orders
 * post the very same documents.
 *
 * The pure engine is used here only to choose valid inputs; the properties
 * check what the services STORED.
 */
import fc from 'fast-check';
import { replay } from '../../../shared/receivables/replay';
import type { ArDoc, DocKind } from '../../../shared/receivables/types';

const BASE = Date.parse('2026-01-01T00:00:00Z');
export const dayDate = (n: number): string => new Date(BASE + n * 86_400_000).toISOString().slice(0, 10);

export type PlanKind = 'invoice' | 'opening' | 'refund' | 'receipt' | 'credit_note' | 'write_off';

export interface PlannedDoc {
  key: string;
  customer: number;
  kind: PlanKind;
  /** Openings: negative = prepayment. Others > 0. */
  signedFen: number;
  date: string;
  /** Debits: the due date typed on the form, or null (service default). */
  dueOn: string | null;
  docNo: string;
  /** Receipts / credit notes: the clerk's allocation; write-offs: the one target. */
  targets: { key: string; amountFen: number }[];
  voidDate: string | null;
}

const PREFIX: Record<PlanKind, string> = { invoice: 'I', opening: 'O', refund: 'F', receipt: 'R', credit_note: 'N', write_off: 'W' };
/** Payment terms of the two test customers: 0 = due the same day, null = settings default (30). */
export const CUSTOMER_TERMS = [0, null] as const;

interface Raw {
  customer: number;
  kind: PlanKind;
  negative: boolean;
  day: number;
  amount: number;
  dueDelta: number | null;
  picks: { pick: number; amount: number }[];
  voidDelta: number | null;
}

const rawArb: fc.Arbitrary<Raw> = fc.record({
  customer: fc.integer({ min: 0, max: 1 }),
  kind: fc.constantFrom<PlanKind>('invoice', 'invoice', 'invoice', 'opening', 'receipt', 'receipt', 'receipt', 'credit_note', 'write_off', 'refund'),
  negative: fc.boolean(),
  day: fc.integer({ min: 0, max: 40 }),
  amount: fc.oneof(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 200_000 })),
  dueDelta: fc.option(fc.integer({ min: 0, max: 45 }), { freq: 3 }),
  picks: fc.array(fc.record({ pick: fc.nat(), amount: fc.integer({ min: 1, max: 200_000 }) }), { maxLength: 2 }),
  voidDelta: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 15 }), weight: 1 }),
});

const isDebit = (d: PlannedDoc): boolean => d.kind === 'invoice' || d.kind === 'refund' || (d.kind === 'opening' && d.signedFen > 0);

function build(raws: Raw[]): PlannedDoc[] {
  const out: PlannedDoc[] = [];
  raws.forEach((r, i) => {
    const date = dayDate(r.day);
    const doc: PlannedDoc = {
      key: `k${i}`,
      customer: r.customer,
      kind: r.kind,
      signedFen: r.kind === 'opening' && r.negative ? -r.amount : r.amount,
      date,
      dueOn: null,
      docNo: `${PREFIX[r.kind]}${i}`,
      targets: [],
      voidDate: r.voidDelta === null ? null : dayDate(r.day + r.voidDelta),
    };
    if (doc.kind === 'invoice' || (doc.kind === 'opening' && doc.signedFen > 0)) {
      doc.dueOn = r.dueDelta === null ? null : dayDate(r.day + r.dueDelta);
    }
    const earlier = out.filter((d) => d.customer === r.customer && isDebit(d) && d.date <= date && d.kind !== 'refund');
    if (doc.kind === 'write_off') {
      if (earlier.length === 0) return;
      const target = earlier[(r.picks[0]?.pick ?? 0) % earlier.length];
      doc.targets = [{ key: target.key, amountFen: r.amount }];
    } else if (doc.kind === 'receipt' || doc.kind === 'credit_note') {
      const seen = new Set<string>();
      for (const p of r.picks) {
        if (earlier.length === 0) break;
        const target = earlier[p.pick % earlier.length];
        if (seen.has(target.key)) continue;
        seen.add(target.key);
        doc.targets.push({ key: target.key, amountFen: p.amount });
      }
    }
    out.push(doc);
  });
  return out;
}

/** The planned history as the engine sees it (due dates resolved as the services will). */
export function toArDocs(plan: readonly PlannedDoc[]): ArDoc[] {
  const docs: ArDoc[] = [];
  for (const d of plan) {
    const debit = isDebit(d);
    let dueOn: string | null = null;
    if (d.kind === 'invoice') {
      const term = CUSTOMER_TERMS[d.customer] ?? 30;
      dueOn = d.dueOn ?? dayDate((Date.parse(`${d.date}T00:00:00Z`) - BASE) / 86_400_000 + term);
    } else if (d.kind === 'refund') dueOn = d.date;
    else if (d.kind === 'opening' && debit) dueOn = d.dueOn ?? d.date;
    docs.push({
      id: d.key,
      kind: d.kind as DocKind,
      side: debit ? 'debit' : 'credit',
      docNo: d.docNo,
      docDate: d.date,
      dueOn,
      amountFen: Math.abs(d.signedFen),
      voidsId: null,
      explicitTargets: d.targets.map((t) => ({ debitId: t.key, amountFen: t.amountFen })),
    });
    if (d.voidDate !== null) {
      docs.push({
        id: `${d.key}v`,
        kind: 'void',
        side: debit ? 'credit' : 'debit',
        docNo: `V${d.key}`,
        docDate: d.voidDate,
        dueOn: null,
        amountFen: Math.abs(d.signedFen),
        voidsId: d.key,
        explicitTargets: [],
      });
    }
  }
  return docs;
}

/** Shrinks the plan until every hand-made choice is one the services accept in any entry order. */
function makeEntryValid(plan: PlannedDoc[]): PlannedDoc[] {
  let docs = plan.map((d) => ({ ...d, targets: d.targets.map((t) => ({ ...t })) }));
  for (let round = 0; round < 200; round++) {
    const voided = new Set(docs.filter((d) => d.voidDate !== null).map((d) => d.key));
    // A write-off of a voided debit, or a hand-picked voided debit, is not something a clerk can enter.
    docs = docs.filter((d) => !(d.kind === 'write_off' && voided.has(d.targets[0]?.key ?? '')));
    for (const d of docs) d.targets = d.targets.filter((t) => !voided.has(t.key));
    // Each customer's documents are replayed on their own, as the services do.
    const allocations = CUSTOMER_TERMS.flatMap((_, c) => replay(toArDocs(docs.filter((d) => d.customer === c)), null).allocations);
    const got = new Map<string, number>();
    const atPlace = new Map<string, number>();
    const byKey = new Map(docs.map((d) => [d.key, d]));
    for (const a of allocations) {
      if (a.explicit) got.set(`${a.creditId}|${a.debitId}`, (got.get(`${a.creditId}|${a.debitId}`) ?? 0) + a.amountFen);
      if (a.allocatedOn === byKey.get(a.creditId)?.date) atPlace.set(a.creditId, (atPlace.get(a.creditId) ?? 0) + a.amountFen);
    }
    let changed = false;
    const keep: PlannedDoc[] = [];
    for (const d of docs) {
      for (const t of d.targets) {
        const g = got.get(`${d.key}|${t.key}`) ?? 0;
        if (g < t.amountFen) {
          t.amountFen = g;
          changed = true;
        }
      }
      d.targets = d.targets.filter((t) => t.amountFen > 0);
      if (d.kind === 'write_off') {
        const amount = d.targets[0]?.amountFen ?? 0;
        if (amount !== d.signedFen) changed = true;
        if (amount === 0) continue;
        d.signedFen = amount;
      } else if (d.targets.length > 0) {
        // Strictly less than what the credit pays at its place: never equal to the FIFO suggestion.
        const chosen = d.targets.reduce((s, t) => s + t.amountFen, 0);
        if (chosen >= (atPlace.get(d.key) ?? 0)) {
          d.targets[d.targets.length - 1].amountFen -= 1;
          changed = true;
        }
        d.targets = d.targets.filter((t) => t.amountFen > 0);
      }
      keep.push(d);
    }
    docs = keep;
    if (!changed) return docs;
  }
  throw new Error('history did not settle');
}

export const historyPlanArb = (maxDocs = 24): fc.Arbitrary<PlannedDoc[]> =>
  fc.array(rawArb, { maxLength: maxDocs }).map((raws) => makeEntryValid(build(raws)));

/**
 * An entry order: every document after the debits it names; a credit's void
 * right after it (a credit without its void could take money a hand-made
 * choice counts on); a debit's void at any later point; a receipt or credit
 * note with a hand-made allocation after every debit of its customer dated on
 * or before it. That last rule is the §4 rule itself: a submitted allocation
 * is compared with the suggestion over the debits that exist when it is
 * saved, so with a debit still missing the same choice could BE the
 * suggestion and be stored as automatic — a different document. A
 * write-off comes after every document (and debit void) of its customer dated
 * on or before it: the service refuses one whose target is already paid then.
 */
export function entryOrder(plan: readonly PlannedDoc[], seed: number): { doc: PlannedDoc; voidIt: boolean }[] {
  let s = seed >>> 0 || 1;
  const rand = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const posted = new Set<string>();
  const pending = [...plan];
  const debitVoids: PlannedDoc[] = [];
  const steps: { doc: PlannedDoc; voidIt: boolean }[] = [];
  while (pending.length > 0 || debitVoids.length > 0) {
    const ready = pending.filter(
      (d) =>
        d.targets.every((t) => posted.has(t.key)) &&
        (d.kind === 'write_off'
          ? // The service checks a write-off against what is open on its target at its date,
            // so everything of its customer up to that date (voids too) must be in first.
            plan.every((x) => x.key === d.key || x.customer !== d.customer || x.date > d.date || posted.has(x.key)) &&
            debitVoids.every((x) => x.customer !== d.customer || (x.voidDate ?? '') > d.date)
          : d.targets.length === 0 ||
            plan.every((x) => x.customer !== d.customer || !isDebit(x) || x.date > d.date || posted.has(x.key))),
    );
    const choices = ready.length + debitVoids.length;
    const pick = Math.floor(rand() * choices);
    if (pick < ready.length) {
      const d = ready[pick];
      pending.splice(pending.indexOf(d), 1);
      posted.add(d.key);
      steps.push({ doc: d, voidIt: false });
      if (d.voidDate !== null) {
        if (isDebit(d)) debitVoids.push(d);
        else steps.push({ doc: d, voidIt: true });
      }
    } else {
      const d = debitVoids.splice(pick - ready.length, 1)[0];
      steps.push({ doc: d, voidIt: true });
    }
  }
  return steps;
}

export { isDebit };
