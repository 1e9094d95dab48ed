/**
 * The checks after each apply round (issue 12, point 4), in one transaction
 * with capture on, so what they write travels like any other change:
 *
 * - every extra void of a document (voided on two PCs) gets its system void,
 *   identical on every PC (conflicts.ts), and its customer is re-derived;
 * - a confirmed statement of a customer whose documents (or the statement
 *   itself) just arrived from another PC, and whose period the ledger no
 *   longer reproduces, is marked affected — accepted, never refused;
 * - rows that reached a merged customer from a PC that had not yet seen the
 *   merge follow it to the survivor (and undo puts them back);
 * - a customer left with two primary contacts keeps the later one.
 */
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { rederiveCustomer } from '../ledger/rederive';
import { ledgerMatchesStatement } from '../statements/verify';
import { neutraliseExtraVoids, SYNC_AFFECTED_PREFIX } from './conflicts';
import { settleDoublePrimaries } from './doublePrimaries';
import { followMerges } from './mergeCustomers';

export interface Arrived {
  customers: Set<string>;
  statements: Set<string>;
}

interface ConfirmedStatement {
  id: string;
  statement_no: string;
  customer_id: string;
  period_from: string;
  period_to: string;
  opening_fen: number;
  closing_fen: number;
  lines_sha256: string;
}

const CONFIRMED_SQL = `SELECT id, statement_no, customer_id, period_from, period_to, opening_fen, closing_fen, lines_sha256
  FROM statements WHERE status = 'confirmed' AND affected_at IS NULL`;

function markAffectedStatements(ctx: ServiceContext, arrived: Arrived): number {
  if (!arrived.customers.size && !arrived.statements.size) return 0;
  const candidates = (ctx.db.prepare(CONFIRMED_SQL).all() as ConfirmedStatement[]).filter(
    (s) => arrived.customers.has(s.customer_id) || arrived.statements.has(s.id),
  );
  let marked = 0;
  for (const s of candidates) {
    const matches = ledgerMatchesStatement(ctx, {
      customerId: s.customer_id,
      periodFrom: s.period_from,
      periodTo: s.period_to,
      openingFen: s.opening_fen,
      closingFen: s.closing_fen,
      linesSha256: s.lines_sha256,
    });
    if (matches) continue;
    const now = ctx.clock.now().toISOString();
    const reason = `${SYNC_AFFECTED_PREFIX}另一台电脑录入的单据落在客户已确认的对账期间内（截至 ${s.period_to}），账面已与确认的对账单不一致`;
    ctx.db.prepare(`UPDATE statements SET affected_at = ?, affected_reason = ?, updated_at = ? WHERE id = ?`).run(now, reason, now, s.id);
    recordChange(ctx, {
      entity: 'statement',
      entityId: s.id,
      action: 'affected',
      before: { affectedAt: null },
      after: { affectedAt: now, reason, statementNo: s.statement_no },
      tables: ['statements'],
    });
    marked++;
  }
  return marked;
}

export function afterMerge(ctx: ServiceContext, arrived: Arrived): { neutralised: string[]; affected: number } {
  return ctx.db.transaction(() => {
    for (const id of followMerges(ctx)) arrived.customers.add(id);
    settleDoublePrimaries(ctx);
    const neutralised = neutraliseExtraVoids(ctx);
    for (const id of neutralised) rederiveCustomer(ctx, id, { action: 'sync' });
    for (const id of neutralised) arrived.customers.add(id);
    const affected = markAffectedStatements(ctx, arrived);
    return { neutralised, affected };
  });
}
