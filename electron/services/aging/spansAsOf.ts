/**
 * "As of a date D" from the open spans (migration 0014_a,
 * shared/receivables/openSpans.ts): the documents open or unapplied at D are
 * the spans with from_on ≤ D < until_on. The index ar_open_spans_at is
 * ordered by (from_month, until_on), so for every month up to D's one seek
 * reads only that month's spans still alive after D; what is read is about
 * what is open at D, whatever D. Valid for every customer without a
 * crossing void at D (crossingVoids.ts replays those few).
 *
 * The months are passed as a JSON list (one seek each) rather than a range,
 * which SQLite could only use for the first index column.
 */
import { addMonths } from '../../../shared/dates/calendar';
import type { AgingBasis, AgingBucket } from '../../../shared/receivables/aging';
import type { ServiceContext } from '../context';
import { bucketThresholds } from './bucketSql';

export interface SpanFigures {
  bucketsFen: number[];
  unappliedFen: number;
  /** Open on debits due before D. */
  overdueFen: number;
}

/** Every month from the first span's to D's, as a JSON array of 'YYYY-MM' (the index seeks). */
export function spanMonths(ctx: ServiceContext, asOf: string): string {
  const first = (ctx.db.prepare(`SELECT min(from_month) AS m FROM ar_open_spans`).get() as { m: string | null }).m;
  const months: string[] = [];
  if (first !== null) {
    const last = asOf.slice(0, 7);
    for (let m = `${first}-01`; m.slice(0, 7) <= last; m = addMonths(m, 1)) months.push(m.slice(0, 7));
  }
  return JSON.stringify(months);
}

/** The WHERE of "alive at @asOf", for the spans aliased s. */
export const ALIVE_AT = `s.from_month IN (SELECT value FROM json_each(@months)) AND s.until_on > @asOf AND s.from_on <= @asOf`;

function agingSql(basis: AgingBasis, bucketCount: number): string {
  const ref = basis === 'due' ? 's.due_on' : 's.doc_date';
  const cols: string[] = [];
  for (let i = 0; i < bucketCount - 1; i++) cols.push(`SUM(CASE WHEN ${ref} >= @t${i} THEN s.open_fen ELSE 0 END)`);
  return `SELECT s.customer_id, s.side, SUM(s.open_fen), ${cols.join(', ')}, SUM(CASE WHEN s.due_on < @asOf THEN s.open_fen ELSE 0 END)
    FROM ar_open_spans s INDEXED BY ar_open_spans_at WHERE ${ALIVE_AT} GROUP BY s.customer_id, s.side`;
}

/** Per customer: open per bucket, unapplied and overdue as of asOf (customers with nothing open or unapplied are absent). */
export function agingFromSpans(ctx: ServiceContext, asOf: string, basis: AgingBasis, buckets: readonly AgingBucket[]): Map<string, SpanFigures> {
  const params: Record<string, string> = { asOf, months: spanMonths(ctx, asOf) };
  bucketThresholds(asOf, buckets).forEach((t, i) => (params[`t${i}`] = t));
  const rows = ctx.db.prepare(agingSql(basis, buckets.length)).raw(true).all(params) as (string | number)[][];
  const n = buckets.length;
  const out = new Map<string, SpanFigures>();
  const figuresOf = (customerId: string): SpanFigures => {
    let f = out.get(customerId);
    if (f === undefined) out.set(customerId, (f = { bucketsFen: new Array<number>(n).fill(0), unappliedFen: 0, overdueFen: 0 }));
    return f;
  };
  for (const r of rows) {
    const f = figuresOf(r[0] as string);
    const total = r[2] as number;
    if (r[1] === 'credit') {
      f.unappliedFen = total;
      continue;
    }
    let below = 0;
    for (let i = 0; i < n - 1; i++) {
      const upTo = r[3 + i] as number;
      f.bucketsFen[i] = upTo - below;
      below = upTo;
    }
    f.bucketsFen[n - 1] = total - below;
    f.overdueFen = r[n + 2] as number;
  }
  return out;
}

export interface SpanDebit {
  customerId: string;
  dueOn: string;
  openFen: number;
}

/** The debits overdue as of asOf (due before it) with what was open on them then. */
export function overdueFromSpans(ctx: ServiceContext, asOf: string): SpanDebit[] {
  return ctx.db
    .prepare(
      `SELECT s.customer_id AS customerId, s.due_on AS dueOn, s.open_fen AS openFen FROM ar_open_spans s INDEXED BY ar_open_spans_at
       WHERE ${ALIVE_AT} AND s.side = 'debit' AND s.due_on < @asOf`,
    )
    .all({ asOf, months: spanMonths(ctx, asOf) }) as SpanDebit[];
}

/** Each customer's balance as of asOf: open debits − unapplied credits (customers at zero are absent). */
export function balancesFromSpans(ctx: ServiceContext, asOf: string): Map<string, number> {
  const rows = ctx.db
    .prepare(
      `SELECT s.customer_id AS id, SUM(CASE WHEN s.side = 'debit' THEN s.open_fen ELSE -s.open_fen END) AS balance
       FROM ar_open_spans s INDEXED BY ar_open_spans_at WHERE ${ALIVE_AT} GROUP BY s.customer_id`,
    )
    .all({ asOf, months: spanMonths(ctx, asOf) }) as { id: string; balance: number }[];
  return new Map(rows.map((r) => [r.id, r.balance]));
}

/** The floor the bench compares with: Σ open per customer alive at asOf, no buckets, no names. */
export function openTotalsFromSpans(ctx: ServiceContext, asOf: string): { customer_id: string; open: number }[] {
  return ctx.db
    .prepare(`SELECT s.customer_id, SUM(s.open_fen) AS open FROM ar_open_spans s INDEXED BY ar_open_spans_at WHERE ${ALIVE_AT} AND s.side = 'debit' GROUP BY s.customer_id`)
    .all({ asOf, months: spanMonths(ctx, asOf) }) as { customer_id: string; open: number }[];
}

