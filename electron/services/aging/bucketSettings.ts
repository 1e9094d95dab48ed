/**
 * The aging bucket lists, one per basis, under the settings key 'aging'.
 * A list is saved only when validateBuckets accepts it (every whole number
 * of days in exactly one bucket), so every reader can trust what it reads;
 * a refused list leaves the stored settings as they were. Saves and resets
 * are audited like every settings change.
 */
import type { AgingBucketSettings } from '../../../shared/api/aging';
import { DomainError } from '../../../shared/errors';
import {
  DEFAULT_DOCUMENT_BUCKETS,
  DEFAULT_DUE_BUCKETS,
  validateBuckets,
  type AgingBasis,
  type AgingBucket,
} from '../../../shared/receivables/aging';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings/settingsStore';

const KEY = 'aging';

interface StoredAgingSettings {
  due?: AgingBucket[];
  document?: AgingBucket[];
}

const defaultsOf = (basis: AgingBasis): AgingBucket[] =>
  (basis === 'due' ? DEFAULT_DUE_BUCKETS : DEFAULT_DOCUMENT_BUCKETS).map((b) => ({ ...b }));

/** A stored list that no longer validates (hand-edited database) falls back to the default instead of breaking every report. */
function usable(list: AgingBucket[] | undefined): list is AgingBucket[] {
  return Array.isArray(list) && validateBuckets(list).ok;
}

export function agingBucketSettings(ctx: ServiceContext): AgingBucketSettings {
  const stored = readSetting<StoredAgingSettings>(ctx, KEY)?.value ?? {};
  return {
    due: usable(stored.due) ? stored.due : defaultsOf('due'),
    document: usable(stored.document) ? stored.document : defaultsOf('document'),
    dueIsDefault: !usable(stored.due),
    documentIsDefault: !usable(stored.document),
  };
}

export function bucketsFor(ctx: ServiceContext, basis: AgingBasis): AgingBucket[] {
  const s = agingBucketSettings(ctx);
  return basis === 'due' ? s.due : s.document;
}

/**
 * A stable key from the range, for lists typed in the editor: the first
 * bucket is 'current', the open top "over N days" is 'N+', the rest 'min-max'
 * (so the default list keeps the keys of DESIGN §4 and issue 6).
 */
export function bucketKey(b: Pick<AgingBucket, 'minDays' | 'maxDays'>, index: number): string {
  if (index === 0 || b.minDays === null) return 'current';
  if (b.maxDays === null) return `${b.minDays - 1}+`;
  return `${b.minDays}-${b.maxDays}`;
}

function normalized(buckets: readonly AgingBucket[]): AgingBucket[] {
  return buckets.map((b, i) => ({
    key: b.key.trim() === '' ? bucketKey(b, i) : b.key.trim(),
    label: b.label.trim(),
    minDays: b.minDays,
    maxDays: b.maxDays,
  }));
}

function save(ctx: ServiceContext, basis: AgingBasis, next: AgingBucket[] | undefined, action: string): AgingBucketSettings {
  return ctx.db.transaction(() => {
    const stored = readSetting<StoredAgingSettings>(ctx, KEY)?.value ?? {};
    const before = bucketsFor(ctx, basis);
    const value: StoredAgingSettings = { ...stored };
    if (next === undefined) delete value[basis];
    else value[basis] = next;
    writeSetting(ctx, KEY, value);
    recordChange(ctx, {
      entity: 'settings',
      entityId: `${KEY}.${basis}`,
      action,
      before: { buckets: before },
      after: { buckets: next ?? defaultsOf(basis) },
      tables: ['settings'],
    });
    return agingBucketSettings(ctx);
  });
}

export function updateAgingBuckets(ctx: ServiceContext, input: { basis: AgingBasis; buckets: AgingBucket[] }): AgingBucketSettings {
  const next = normalized(input.buckets);
  const check = validateBuckets(next);
  if (!check.ok) throw new DomainError('validation', check.message, 'buckets');
  return save(ctx, input.basis, next, 'update');
}

export function resetAgingBuckets(ctx: ServiceContext, input: { basis: AgingBasis }): AgingBucketSettings {
  return save(ctx, input.basis, undefined, 'reset');
}
