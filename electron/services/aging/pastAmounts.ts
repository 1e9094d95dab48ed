/**
 * "As of a past date D", from the stored full replay instead of replaying
 * every customer. Two facts of the §4 replay make this cheap:
 *
 * 1. The replay allocates when it reaches the later of the two documents
 *    (allocated_on), so the state as of D is the PREFIX of the full replay:
 *    a debit dated ≤ D was open at D by open_fen + Σ its allocations dated
 *    after D (a voided original has open_fen 0 and no allocations, so it
 *    drops out by itself). This holds for every customer except those with
 *    an original dated ≤ D voided by a void dated > D (crossingVoids.ts
 *    replays those).
 * 2. Open debits and unapplied credits never coexist: a new debit first
 *    takes every unapplied credit, and a credit keeps something unapplied
 *    only after paying every open debit. So as of D a customer's open total
 *    is max(0, balance), its unapplied total max(0, −balance), where the
 *    balance is plain debits − credits dated ≤ D.
 *
 * So per customer: the balance as of D from the covering per-customer
 * index; if it is positive, that is exactly how much is open, and walking
 * the customer's debits dated ≤ D from the newest back (the replay pays the
 * oldest-due first, so what is still open is nearly always recent) can stop
 * as soon as the open amounts found add up to it — every older debit is
 * then settled. Batches read the newest few debits of many customers in one
 * statement each; the few customers still short after them are walked one
 * by one.
 */
import { diffDays, toDayNumber } from '../../../shared/dates/calendar';
import { bucketIndex, type AgingBasis, type AgingBucket } from '../../../shared/receivables/aging';
import type { ServiceContext } from '../context';

export interface OpenDebitThen {
  dueOn: string;
  docDate: string;
  openFen: number;
}

/**
 * How many of each customer's newest debits each batch reads: most customers
 * are complete after the first (half of them have ≤ 5 open debits as of any
 * date in the demo data), the few long tails after the second; the rest are
 * walked one by one.
 */
const BATCHES = [10, 40] as const;

const SIGNED = `CASE WHEN d.side = 'debit' THEN d.amount_fen ELSE -d.amount_fen END`;
const OPEN_THEN = `x.open_fen + coalesce((SELECT SUM(a.amount_fen) FROM ar_allocations a INDEXED BY ar_allocations_debit
    WHERE a.debit_id = x.id AND a.allocated_on > @asOf), 0)`;
const DEBITS_UP_TO = `FROM ar_documents x INDEXED BY ar_documents_customer_replay
    WHERE x.customer_id = @customerId AND x.doc_date <= @asOf AND x.side = 'debit' AND x.kind <> 'void'`;

const SQL = {
  range: `SELECT min(doc_date) AS first, max(doc_date) AS last FROM ar_documents`,
  /** Σ dated ≤ D, per customer (cheaper when D is early in the history). */
  upTo: `SELECT s.customer_id AS customerId, coalesce((SELECT SUM(${SIGNED}) FROM ar_documents d INDEXED BY ar_documents_customer_replay
      WHERE d.customer_id = s.customer_id AND d.doc_date <= @asOf), 0) AS balance FROM ar_customer_state s`,
  /** Stored balance − Σ dated > D (cheaper when D is recent). */
  after: `SELECT s.customer_id AS customerId, s.balance_fen - coalesce((SELECT SUM(${SIGNED}) FROM ar_documents d INDEXED BY ar_documents_customer_replay
      WHERE d.customer_id = s.customer_id AND d.doc_date > @asOf), 0) AS balance FROM ar_customer_state s`,
  newest: `SELECT s.value AS customerId, (SELECT json_group_array(json_array(t.due_on, t.doc_date, t.open_then)) FROM (
        SELECT x.due_on, x.doc_date, ${OPEN_THEN} AS open_then
        FROM ar_documents x INDEXED BY ar_documents_customer_replay
        WHERE x.customer_id = s.value AND x.doc_date <= @asOf AND x.side = 'debit' AND x.kind <> 'void'
        ORDER BY x.doc_date DESC LIMIT @limit) t) AS items
    FROM json_each(@customers) s`,
  walk: `SELECT x.due_on AS dueOn, x.doc_date AS docDate, ${OPEN_THEN} AS openFen ${DEBITS_UP_TO} ORDER BY x.doc_date DESC`,
};

/** Each customer's balance (debits − credits, voids included) of everything dated ≤ asOf. */
export function balancesAsOf(ctx: ServiceContext, asOf: string): Map<string, number> {
  const range = ctx.db.prepare(SQL.range).get() as { first: string | null; last: string | null };
  let sql = SQL.upTo;
  if (range.first !== null && range.last !== null && asOf >= range.first) {
    // Read whichever side of asOf holds fewer documents (judged by dates; either way the sum is exact).
    const span = toDayNumber(range.last) - toDayNumber(range.first) + 1;
    const after = toDayNumber(range.last) - Math.min(toDayNumber(asOf), toDayNumber(range.last));
    if (after * 2 < span) sql = SQL.after;
  }
  const rows = ctx.db.prepare(sql).all({ asOf }) as { customerId: string; balance: number }[];
  return new Map(rows.map((r) => [r.customerId, r.balance]));
}

/**
 * The debits open as of asOf of each given customer (non-crossing, with a
 * positive balance = their open total). Zero-open debits are left out.
 */
export function openDebitsAsOf(ctx: ServiceContext, asOf: string, openTotals: ReadonlyMap<string, number>): Map<string, OpenDebitThen[]> {
  const out = new Map<string, OpenDebitThen[]>();
  let pending = [...openTotals.keys()];
  for (const limit of BATCHES) {
    if (pending.length === 0) return out;
    const batch = ctx.db.prepare(SQL.newest).all({ asOf, limit, customers: JSON.stringify(pending) }) as { customerId: string; items: string }[];
    pending = [];
    for (const { customerId, items } of batch) {
      const found: OpenDebitThen[] = [];
      let sum = 0;
      for (const [dueOn, docDate, openFen] of JSON.parse(items) as [string, string, number][]) {
        if (openFen > 0) found.push({ dueOn, docDate, openFen });
        sum += openFen;
      }
      // Short of the customer's open total: older debits are still open, read more of them.
      if (sum < (openTotals.get(customerId) ?? 0)) pending.push(customerId);
      else out.set(customerId, found);
    }
  }
  // The long tails: walk each one's debits from the newest back until they add up.
  const walk = ctx.db.prepare(SQL.walk);
  for (const customerId of pending) {
    const target = openTotals.get(customerId) ?? 0;
    const found: OpenDebitThen[] = [];
    let sum = 0;
    for (const row of walk.iterate({ asOf, customerId }) as Iterable<OpenDebitThen>) {
      if (row.openFen > 0) found.push(row);
      sum += row.openFen;
      if (sum >= target) break;
    }
    out.set(customerId, found);
  }
  return out;
}

export interface BucketedOpen {
  bucketsFen: number[];
  overdueFen: number;
}

/** Puts open debits into buckets by their days as of asOf (due or document basis); overdue is always by due date. */
export function bucketOpenDebits(debits: readonly OpenDebitThen[], asOf: string, basis: AgingBasis, buckets: readonly AgingBucket[]): BucketedOpen {
  const bucketsFen = buckets.map(() => 0);
  let overdueFen = 0;
  for (const d of debits) {
    const days = diffDays(asOf, basis === 'due' ? d.dueOn : d.docDate);
    bucketsFen[bucketIndex(days, buckets)] += d.openFen;
    if (d.dueOn < asOf) overdueFen += d.openFen;
  }
  return { bucketsFen, overdueFen };
}
