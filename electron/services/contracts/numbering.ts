/** The next free contract number of a month (HT202611-0001 style). */
import { sql } from 'kysely';
import { contractNoMonthPrefix, contractNoSeq, formatContractNo } from '../../../shared/contracts/contractNo';
import type { ServiceContext } from '../context';
import { seriesLetter } from '../sync/series';

/** Highest sequence used in the month, considering only numbers of the HT form. */
function highestSeq(ctx: ServiceContext, monthPrefix: string): number {
  const rows = ctx.db.all(
    ctx.db.k
      .selectFrom('contracts')
      .select('contract_no')
      // The prefix is letters and digits only, so it needs no LIKE escaping.
      .where(sql<boolean>`contract_no LIKE ${`${monthPrefix}%`}`),
  );
  let max = 0;
  for (const r of rows) max = Math.max(max, contractNoSeq(r.contract_no, monthPrefix) ?? 0);
  return max;
}

/**
 * Suggested for the signing date (or today). Numbers are given out in the
 * writing transaction, so two saves on this PC never get the same one; two
 * PCs are kept apart by series letters once sync exists (DESIGN §3).
 */
export function nextContractNo(ctx: ServiceContext, signedOn: string | null): string {
  // With LAN sync on, the PC's series letter follows the dash (HT202611-A0001).
  const prefix = contractNoMonthPrefix(signedOn ?? ctx.clock.today()) + seriesLetter(ctx);
  return formatContractNo(prefix, highestSeq(ctx, prefix) + 1);
}

/** Numbers for `count` new contracts of one month, in order (import, demo). */
export function reserveContractNos(ctx: ServiceContext, signedOn: string | null, count: number, taken: Set<string>): string[] {
  // With LAN sync on, the PC's series letter follows the dash (HT202611-A0001).
  const prefix = contractNoMonthPrefix(signedOn ?? ctx.clock.today()) + seriesLetter(ctx);
  let seq = highestSeq(ctx, prefix);
  const out: string[] = [];
  while (out.length < count) {
    const no = formatContractNo(prefix, ++seq);
    if (taken.has(no.toUpperCase())) continue;
    taken.add(no.toUpperCase());
    out.push(no);
  }
  return out;
}

export function contractNoTaken(ctx: ServiceContext, contractNo: string, exceptId: string | null = null): boolean {
  let q = ctx.db.k
    .selectFrom('contracts')
    .select('id')
    .where(sql<boolean>`contract_no = ${contractNo} COLLATE NOCASE`);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  return ctx.db.first(q) !== undefined;
}
