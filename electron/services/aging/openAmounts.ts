/**
 * Whether anything is dated after a date: when nothing is, no void can
 * cross it and the stored full replay (and the open spans) are the state as
 * of that date.
 */
import type { ServiceContext } from '../context';

/** The latest document date in the ledger (null when empty): read from the date index, one step. */
export function latestDocDate(ctx: ServiceContext): string | null {
  const row = ctx.db.prepare(`SELECT max(doc_date) AS d FROM ar_documents`).get() as { d: string | null };
  return row.d;
}
