/**
 * This PC's series letter (claimed once on the share, issue 12 point 5):
 * automatic numbers carry it, so two PCs numbering offline never collide.
 * '' while sync is off: numbers look exactly as before.
 */
import { readLocal, SYNC_KEYS } from '../../../db/sync/localState';
import type { ServiceContext } from '../context';

export function seriesLetter(ctx: ServiceContext): string {
  return readLocal<string>(ctx.db.sqlite, SYNC_KEYS.series) ?? '';
}
