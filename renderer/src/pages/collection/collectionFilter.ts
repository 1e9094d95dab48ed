/**
 * Which part of 今日催收 is shown, and the links into it: the dashboard's
 * counts (逾期 n 户, 仅承诺未兑现 m 户) open the list already showing the
 * rows they count, so the number clicked is the number of rows seen. The
 * split is the server's: overdue = something overdue (CollectionList.
 * overdueCustomers), promise = on the list only for a broken promise.
 */
import type { CollectionRow } from '../../../../shared/api/alerts';
import { hashQuery } from '../ledger/hashQuery';

export const COLLECTION_SHOWS = ['all', 'overdue', 'promise'] as const;
export type CollectionShow = (typeof COLLECTION_SHOWS)[number];

export const rowShows = (row: CollectionRow, show: CollectionShow): boolean =>
  show === 'all' || (show === 'overdue' ? row.overdueFen > 0 : row.overdueFen === 0);

export const collectionHref = (show: CollectionShow): string => (show === 'all' ? '/collection' : `/collection?show=${show}`);

/** What a link asked for when the page opened (null: keep the page's own choice). */
export function linkedShow(): CollectionShow | null {
  const v = hashQuery('show');
  return (COLLECTION_SHOWS as readonly string[]).includes(v ?? '') ? (v as CollectionShow) : null;
}
