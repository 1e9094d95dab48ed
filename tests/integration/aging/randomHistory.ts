/**
 * Random receivables histories for the aging property tests, posted through
 * the real ledger API in the generated (not date) order: invoices with and
 * without due dates, openings of both signs, receipts and credit notes with
 * and without hand-made allocations, write-offs, refunds, voids (some dated
 * well after their original, so "as of" dates fall between the two) and a
 * few documents dated after today. A posting the ledger refuses (a write-off
 * larger than what is open, an allocation it does not accept, a void it
 * forbids) is simply not part of the history.
 */
import fc from 'fast-check';
import { DomainError } from '../../../shared/errors';
import type { TempRuntime } from '../../helpers/tempRuntime';
import { customer, post } from './helpers';

const BASE = Date.UTC(2025, 9, 1);
/** 2025-10-01 + n days. TODAY (2026-11-24) is day 419; later days are post-dated documents. */
export const dayDate = (n: number): string => new Date(BASE + n * 86_400_000).toISOString().slice(0, 10);
export const LAST_DAY = 440;

type OpKind = 'invoice' | 'opening' | 'receipt' | 'credit_note' | 'write_off' | 'refund' | 'void';

export interface Op {
  kind: OpKind;
  customer: number;
  day: number;
  amount: number;
  negative: boolean;
  dueDelta: number | null;
  picks: { pick: number; amount: number }[];
  voidDelta: number;
}

export const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom<OpKind>('invoice', 'invoice', 'invoice', 'invoice', 'opening', 'receipt', 'receipt', 'receipt', 'credit_note', 'write_off', 'refund', 'void', 'void'),
  customer: fc.integer({ min: 0, max: 2 }),
  day: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 419 }), weight: 12 }, { arbitrary: fc.integer({ min: 420, max: LAST_DAY }), weight: 1 }),
  amount: fc.oneof(fc.integer({ min: 1, max: 900 }), fc.integer({ min: 1_000, max: 500_000 })),
  negative: fc.boolean(),
  dueDelta: fc.option(fc.integer({ min: 0, max: 200 }), { freq: 2 }),
  picks: fc.array(fc.record({ pick: fc.nat(), amount: fc.oneof(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 300_000 })) }), { maxLength: 2 }),
  voidDelta: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 20, max: 200 })),
});

export const historyArb = fc.array(opArb, { minLength: 8, maxLength: 30, size: 'large' });

/** Three customers: 账期 0 (due the same day), 45 days, and none (the settings default, 30). */
export const CUSTOMER_SETUP = [
  { code: 'A001', paymentTermDays: 0, grade: 'A', kind: 'distributor', region: '华东', salesperson: '王海' },
  { code: 'B002', paymentTermDays: 45, grade: 'B', kind: 'retail', region: '华南', salesperson: '李娜' },
  { code: 'C003', paymentTermDays: null, grade: 'C', kind: 'agent', region: '华东', salesperson: '' },
] as const;

interface Posted {
  id: string;
  customer: number;
  kind: string;
  side: string;
  date: string;
}

async function tryPost(t: TempRuntime, method: Parameters<typeof post>[1], input: Record<string, unknown>): Promise<Posted | null> {
  try {
    const r = await post(t, method, input);
    const d = r.document;
    return { id: d.id, customer: -1, kind: d.kind, side: d.side, date: d.date };
  } catch (e) {
    if (e instanceof DomainError) return null;
    throw e;
  }
}

/** Posts the plan; returns the customers' ids. */
export async function postHistory(t: TempRuntime, ops: readonly Op[]): Promise<string[]> {
  const ids: string[] = [];
  for (const c of CUSTOMER_SETUP) ids.push((await customer(t, c.code, { ...c })).id);
  await postOps(t, ids, ops);
  return ids;
}

/**
 * Posts the plan for customers that exist already (ids in CUSTOMER_SETUP order); voids pick among these postings.
 * `afterEach` runs after every operation, told whether it posted anything.
 */
export async function postOps(t: TempRuntime, ids: readonly string[], ops: readonly Op[], afterEach?: (posted: boolean) => Promise<void>): Promise<void> {
  const posted: Posted[] = [];
  const keep = (p: Posted | null, who: number) => {
    if (p) posted.push({ ...p, customer: who });
  };

  for (const op of ops) {
    const count = posted.length;
    await postOne(op);
    await afterEach?.(posted.length > count);
  }

  async function postOne(op: Op): Promise<void> {
    const customerId = ids[op.customer];
    const date = dayDate(op.day);
    const dueOn = op.dueDelta === null ? null : dayDate(op.day + op.dueDelta);
    const debitsBefore = posted.filter((p) => p.customer === op.customer && p.side === 'debit' && p.kind !== 'void' && p.date <= date);
    const chosen = (): { debitId: string; amountFen: number }[] => {
      const out: { debitId: string; amountFen: number }[] = [];
      for (const pick of op.picks) {
        if (debitsBefore.length === 0) break;
        const target = debitsBefore[pick.pick % debitsBefore.length];
        if (!out.some((o) => o.debitId === target.id)) out.push({ debitId: target.id, amountFen: Math.min(pick.amount, op.amount) });
      }
      const total = out.reduce((s, o) => s + o.amountFen, 0);
      return total <= op.amount ? out : out.slice(0, 1);
    };
    switch (op.kind) {
      case 'invoice':
        keep(await tryPost(t, 'ledger.postInvoice', { customerId, date, dueOn, amountFen: op.amount }), op.customer);
        break;
      case 'opening':
        keep(
          await tryPost(t, 'ledger.postOpening', { customerId, date, amountFen: op.negative ? -op.amount : op.amount, dueOn: op.negative ? null : dueOn }),
          op.customer,
        );
        break;
      case 'refund':
        keep(await tryPost(t, 'ledger.postRefund', { customerId, date, amountFen: op.amount }), op.customer);
        break;
      case 'receipt':
      case 'credit_note': {
        const method = op.kind === 'receipt' ? 'ledger.postReceipt' : 'ledger.postCreditNote';
        const allocations = op.picks.length > 0 ? chosen() : [];
        let p = allocations.length > 0 ? await tryPost(t, method, { customerId, date, amountFen: op.amount, allocations }) : null;
        p ??= await tryPost(t, method, { customerId, date, amountFen: op.amount });
        keep(p, op.customer);
        break;
      }
      case 'write_off': {
        if (debitsBefore.length === 0) break;
        const target = debitsBefore[(op.picks[0]?.pick ?? 0) % debitsBefore.length];
        // Small amounts, so that most write-offs fit what is still open on the target.
        keep(await tryPost(t, 'ledger.postWriteOff', { debitId: target.id, date, amountFen: 1 + (op.amount % 2_000), memo: '测试核销' }), op.customer);
        break;
      }
      case 'void': {
        const candidates = posted.filter((p) => p.kind !== 'void');
        if (candidates.length === 0) break;
        const original = candidates[(op.picks[0]?.pick ?? op.day) % candidates.length];
        const voidDate = dayDate(Math.round((Date.parse(`${original.date}T00:00:00Z`) - BASE) / 86_400_000) + op.voidDelta);
        keep(await tryPost(t, 'ledger.void', { docId: original.id, date: voidDate, reason: '测试冲销' }), original.customer);
        break;
      }
    }
  }
}

