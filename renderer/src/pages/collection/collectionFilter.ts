/**
 * Links into a part of 今日催收: the dashboard's counts (逾期 n 户,
 * 仅承诺未兑现 m 户) open the list already showing the rows they count, so
 * the number clicked is the number of rows seen. The split is the server's
 * (collection.today's `show`).
 */
import { COLLECTION_SHOWS, type CollectionShow } from '../../../../shared/api/alerts';
import { hashQuery } from '../ledger/hashQuery';

export const collectionHref = (show: CollectionShow): string => (show === 'all' ? '/collection' : `/collection?show=${show}`);

/** What a link asked for when the page opened (null: keep the page's own choice). */
export function linkedShow(): CollectionShow | null {
  const v = hashQuery('show');
  return (COLLECTION_SHOWS as readonly string[]).includes(v ?? '') ? (v as CollectionShow) : null;
}
