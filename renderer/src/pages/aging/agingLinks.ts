/**
 * Links into the aging report (`#/aging?salesperson=王海&sort=overdue`): the
 * dashboard's figures open the report already filtered or sorted the way the
 * figure was counted. The router matches the path only, so the page reads
 * these once when it opens.
 */
import type { AgingBasis, AgingSortColumn } from '../../../../shared/api/aging';
import { hashQuery } from '../ledger/hashQuery';

export interface AgingLink {
  asOf?: string;
  basis?: AgingBasis;
  salesperson?: string;
  sort?: AgingSortColumn;
  /** Only customers with something overdue. */
  overdue?: boolean;
}

export function agingHref(link: AgingLink = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(link)) if (v !== undefined && v !== false) q.set(k, v === true ? '1' : String(v));
  const query = q.toString();
  return query ? `/aging?${query}` : '/aging';
}

/** What the current hash asks the report to show (null fields: keep the page's own state). */
export function linkedAging(): AgingLink | null {
  const asOf = hashQuery('asOf');
  const basis = hashQuery('basis');
  const salesperson = hashQuery('salesperson');
  const sort = hashQuery('sort');
  const overdue = hashQuery('overdue');
  if (asOf === null && basis === null && salesperson === null && sort === null && overdue === null) return null;
  return {
    asOf: asOf ?? undefined,
    basis: basis === 'due' || basis === 'document' ? basis : undefined,
    salesperson: salesperson ?? undefined,
    sort: sort !== null && /^(code|name|balance|unapplied|overdue|bucket\d{1,2})$/.test(sort) ? (sort as AgingSortColumn) : undefined,
    overdue: overdue === '1',
  };
}
