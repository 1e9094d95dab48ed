import { replay } from './replay';
import type { ArDoc } from './types';

/**
 * One aging column. Bounds are whole days and inclusive; null means open-ended.
 * A valid list starts open-ended at the bottom (everything not yet due / in the
 * current period), climbs in contiguous ranges and ends open-ended at the top.
 */
export interface AgingBucket {
  key: string;
  label: string;
  minDays: number | null;
  maxDays: number | null;
}

export type AgingBasis = 'due' | 'document';

export interface AgingOpenItem {
  debitId: string;
  docNo: string;
  docDate: string;
  dueOn: string | null;
  openFen: number;
  days: number;
  /** Index into the bucket list. */
  bucket: number;
}

export interface AgingResult {
  /** Open amount per bucket, same order as the bucket list. */
  bucketsFen: number[];
  /** Credits not yet applied to any debit (预收), a separate column. */
  unappliedFen: number;
  /** Σ bucketsFen − unappliedFen; equals replay(docs, asOf).balanceFen. */
  balanceFen: number;
  /** Debits with something open, in document order. */
  openItems: AgingOpenItem[];
}

function defaultBuckets(firstLabel: string): AgingBucket[] {
  return [
    { key: 'current', label: firstLabel, minDays: null, maxDays: 0 },
    { key: '1-30', label: '1-30天', minDays: 1, maxDays: 30 },
    { key: '31-60', label: '31-60天', minDays: 31, maxDays: 60 },
    { key: '61-90', label: '61-90天', minDays: 61, maxDays: 90 },
    { key: '91-180', label: '91-180天', minDays: 91, maxDays: 180 },
    { key: '181-365', label: '181-365天', minDays: 181, maxDays: 365 },
    { key: '365+', label: '365天以上', minDays: 366, maxDays: null },
  ];
}

/** 逾期账龄: days past the due date; not yet due is 未到期. */
export const DEFAULT_DUE_BUCKETS: readonly Readonly<AgingBucket>[] = Object.freeze(
  defaultBuckets('未到期').map((b) => Object.freeze(b)),
);
/** 账龄: days since the document date; the first column is the current period (当期). */
export const DEFAULT_DOCUMENT_BUCKETS: readonly Readonly<AgingBucket>[] = Object.freeze(
  defaultBuckets('当期').map((b) => Object.freeze(b)),
);

export type BucketValidation = { ok: true } | { ok: false; message: string };

/**
 * Checks a bucket list from settings so that every whole number of days lands
 * in exactly one bucket. Messages are shown to the user as they are.
 */
export function validateBuckets(buckets: readonly AgingBucket[]): BucketValidation {
  const fail = (message: string): BucketValidation => ({ ok: false, message });
  if (buckets.length < 2) return fail('账龄区间至少需要 2 个');

  const keys = new Set<string>();
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i];
    const n = i + 1;
    if (b.label.trim() === '') return fail(`第 ${n} 个区间的名称不能为空`);
    if (b.key.trim() === '') return fail(`第 ${n} 个区间的键不能为空`);
    if (keys.has(b.key)) return fail(`区间键“${b.key}”重复`);
    keys.add(b.key);
    for (const bound of [b.minDays, b.maxDays]) {
      if (bound !== null && !Number.isSafeInteger(bound)) {
        return fail(`第 ${n} 个区间的天数必须是整数`);
      }
    }
  }

  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  if (first.minDays !== null) return fail('第一个区间必须不设下限');
  if (first.maxDays === null) return fail('第一个区间必须设置上限');
  if (last.maxDays !== null) return fail('最后一个区间必须不设上限');
  if (last.minDays === null) return fail('最后一个区间必须设置下限');

  for (let i = 1; i < buckets.length; i++) {
    const b = buckets[i];
    const n = i + 1;
    const isLast = i === buckets.length - 1;
    if (b.minDays === null) return fail(`第 ${n} 个区间必须设置下限`);
    if (!isLast && b.maxDays === null) return fail(`第 ${n} 个区间必须设置上限`);
    if (b.maxDays !== null && b.maxDays < b.minDays) {
      return fail(`第 ${n} 个区间的上限不能小于下限`);
    }
    // Checked above for every bucket but the last, and the first has an upper bound.
    const previousMax = buckets[i - 1].maxDays as number;
    if (b.minDays <= previousMax) return fail(`第 ${n} 个区间与上一个区间重叠`);
    if (b.minDays > previousMax + 1) return fail(`第 ${n} 个区间与上一个区间之间有空档`);
  }
  return { ok: true };
}

/** Index of the bucket that holds `days`; throws when the list leaves `days` uncovered. */
export function bucketIndex(days: number, buckets: readonly AgingBucket[]): number {
  for (let i = 0; i < buckets.length; i++) {
    const { minDays, maxDays } = buckets[i];
    if ((minDays === null || days >= minDays) && (maxDays === null || days <= maxDays)) return i;
  }
  throw new RangeError(`no aging bucket holds ${days} days`);
}

const MS_PER_DAY = 86_400_000;

/**
 * Whole days since 1970-01-01 of a YYYY-MM-DD date, counted in UTC so no
 * time zone or DST shift moves it. setUTCFullYear, unlike Date.UTC, does not
 * remap years below 100. (Private so the engine depends on nothing in flux.)
 */
function dayNumber(date: string): number {
  const t = new Date(0);
  t.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(t.getTime() / MS_PER_DAY);
}

/**
 * Aging of one customer as of `asOf`: replays the documents as of that date
 * (later receipts and later voids have not happened) and puts the open amount
 * of each open debit in the bucket of its days — asOf − due date on the 'due'
 * basis (a debit without a due date is due on its date), asOf − document date
 * on the 'document' basis.
 */
export function agingOf(
  docs: readonly ArDoc[],
  asOf: string,
  basis: AgingBasis,
  buckets: readonly AgingBucket[],
): AgingResult {
  const check = validateBuckets(buckets);
  if (!check.ok) throw new RangeError(check.message);

  const state = replay(docs, asOf);
  const docById = new Map<string, ArDoc>();
  for (const doc of docs) docById.set(doc.id, doc);

  const asOfDay = dayNumber(asOf);
  const bucketsFen = buckets.map(() => 0);
  const openItems: AgingOpenItem[] = [];
  for (const [debitId, openFen] of state.openByDebit) {
    if (openFen === 0) continue;
    const doc = docById.get(debitId);
    if (doc === undefined) continue; // cannot happen: replay only reports given documents
    const from = basis === 'due' ? (doc.dueOn ?? doc.docDate) : doc.docDate;
    const days = asOfDay - dayNumber(from);
    const bucket = bucketIndex(days, buckets);
    bucketsFen[bucket] += openFen;
    openItems.push({
      debitId,
      docNo: doc.docNo,
      docDate: doc.docDate,
      dueOn: doc.dueOn,
      openFen,
      days,
      bucket,
    });
  }

  let unappliedFen = 0;
  for (const amount of state.unappliedByCredit.values()) unappliedFen += amount;
  let totalOpen = 0;
  for (const amount of bucketsFen) totalOpen += amount;

  return { bucketsFen, unappliedFen, balanceFen: totalOpen - unappliedFen, openItems };
}
