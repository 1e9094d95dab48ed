/**
 * The customer contact facts as of a date D that the follow-up and promise
 * rules and the collection list share: the follow-ups that have come due on
 * each customer's latest interaction, each customer's latest promise to pay,
 * and what was received against it.
 * "Latest" orders by business date, then entry time, then id, and only
 * counts interactions dated ≤ D (D's view of the world).
 */
import type { CollectionPromise } from '../../../shared/api/alerts';
import type { InteractionChannel } from '../../../shared/api/customerEnums';
import type { ServiceContext } from '../context';

export interface InteractionFacts {
  id: string;
  customerId: string;
  date: string;
  channel: InteractionChannel;
  summary: string;
  promiseDate: string | null;
  promiseAmountFen: number | null;
  nextFollowUp: string | null;
  createdAt: string;
}

interface Row {
  id: string;
  customer_id: string;
  date: string;
  channel: string;
  summary: string;
  promise_date: string | null;
  promise_amount_fen: number | null;
  next_follow_up: string | null;
  created_at: string;
}

const COLUMNS = `i.id, i.customer_id, i.date, i.channel, i.summary, i.promise_date, i.promise_amount_fen, i.next_follow_up, i.created_at`;

const SQL = {
  // Interactions whose follow-up date has come and that are still their customer's latest as of D
  // (nothing dated ≤ D comes after them by date, entry time, id): the candidates are few and indexed, and both
  // indexes hold the order (migration 0026_c). Named: left to itself the planner walks every interaction by date.
  dueFollowUps: `SELECT ${COLUMNS} FROM interactions i INDEXED BY interactions_follow_up
    WHERE i.next_follow_up <= @asOf AND i.date <= @asOf
      AND NOT EXISTS (SELECT 1 FROM interactions j WHERE j.customer_id = i.customer_id AND j.date <= @asOf
        AND (j.date, j.created_at, j.id) > (i.date, i.created_at, i.id))`,
  // Through the promise index: left to itself the planner walks every interaction by date (3× the time).
  promises: `SELECT ${COLUMNS} FROM interactions i INDEXED BY interactions_promise WHERE i.promise_date IS NOT NULL AND i.date <= ?`,
  // Receipts only ("collected counts receipts only", §4 dashboard); a receipt voided on or before D never came in.
  received: `SELECT coalesce(sum(d.amount_fen), 0) AS n FROM ar_documents d
    WHERE d.customer_id = ? AND d.kind = 'receipt' AND d.doc_date >= ? AND d.doc_date <= ?
      AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = d.id AND v.doc_date <= ?)`,
  // The same sum for many [customer, from, to] windows in one statement (one execution per window cost more than the sums).
  receivedMany: `SELECT (SELECT coalesce(sum(d.amount_fen), 0) FROM ar_documents d
      WHERE d.customer_id = w.value ->> 0 AND d.kind = 'receipt' AND d.doc_date >= w.value ->> 1 AND d.doc_date <= w.value ->> 2
        AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = d.id AND v.doc_date <= @asOf)) AS n
    FROM json_each(@windows) w ORDER BY w.key`,
};

const toFacts = (r: Row): InteractionFacts => ({
  id: r.id,
  customerId: r.customer_id,
  date: r.date,
  channel: r.channel as InteractionChannel,
  summary: r.summary,
  promiseDate: r.promise_date,
  promiseAmountFen: r.promise_amount_fen,
  nextFollowUp: r.next_follow_up,
  createdAt: r.created_at,
});

/** a is later than b in "latest interaction" order. */
const isLater = (a: Row, b: Row): boolean =>
  a.date !== b.date ? a.date > b.date : a.created_at !== b.created_at ? a.created_at > b.created_at : a.id > b.id;

/** Each customer's latest interaction as of D, where it set a follow-up date that has been reached (≤ D). */
export function dueFollowUps(ctx: ServiceContext, asOf: string): InteractionFacts[] {
  return (ctx.db.prepare(SQL.dueFollowUps).all({ asOf }) as Row[]).map(toFacts);
}

/**
 * Each customer's latest promise to pay made on or before D. A newer promise
 * supersedes an older one: the customer renegotiated, and the new date is
 * the one to hold them to.
 */
export function latestPromises(ctx: ServiceContext, asOf: string): Map<string, InteractionFacts> {
  const best = new Map<string, Row>();
  for (const r of ctx.db.prepare(SQL.promises).all(asOf) as Row[]) {
    const current = best.get(r.customer_id);
    if (current === undefined || isLater(r, current)) best.set(r.customer_id, r);
  }
  const out = new Map<string, InteractionFacts>();
  for (const [customerId, r] of best) out.set(customerId, toFacts(r));
  return out;
}

/** Receipts of a customer dated from..to (inclusive) that are not voided as of asOf. */
export function receiptsBetween(ctx: ServiceContext, customerId: string, from: string, to: string, asOf: string): number {
  return (ctx.db.prepare(SQL.received).get(customerId, from, to, asOf) as { n: number }).n;
}

/**
 * Where a promise stands on D (§4 promise_broken): receipts dated from the
 * day it was made up to the promised date (and not after D) against the
 * promised amount. Kept once they reach it; broken when the date has passed
 * (D > promised date) short of it; pending otherwise.
 */
export function promiseStatus(ctx: ServiceContext, p: InteractionFacts, asOf: string): CollectionPromise | null {
  if (p.promiseDate === null || p.promiseAmountFen === null) return null;
  return statusOf(p, asOf, receiptsBetween(ctx, p.customerId, p.date, windowEnd(p.promiseDate, asOf), asOf));
}

const windowEnd = (promiseDate: string, asOf: string): string => (promiseDate < asOf ? promiseDate : asOf);

function statusOf(p: InteractionFacts, asOf: string, receivedFen: number): CollectionPromise {
  const promiseDate = p.promiseDate as string;
  const amountFen = p.promiseAmountFen as number;
  const status = receivedFen >= amountFen ? 'kept' : promiseDate < asOf ? 'broken' : 'pending';
  return { interactionId: p.id, madeOn: p.date, promiseDate, amountFen, receivedFen, status };
}

/** promiseStatus of many promises, their receipts summed in one statement; keyed by customer (each has one latest promise). */
export function promiseStatuses(ctx: ServiceContext, promises: Iterable<InteractionFacts>, asOf: string): Map<string, CollectionPromise> {
  const list = [...promises].filter((p) => p.promiseDate !== null && p.promiseAmountFen !== null);
  const out = new Map<string, CollectionPromise>();
  if (list.length === 0) return out;
  const windows = JSON.stringify(list.map((p) => [p.customerId, p.date, windowEnd(p.promiseDate as string, asOf)]));
  const sums = ctx.db.prepare(SQL.receivedMany).pluck(true).all({ windows, asOf }) as number[];
  list.forEach((p, i) => out.set(p.customerId, statusOf(p, asOf, sums[i])));
  return out;
}
