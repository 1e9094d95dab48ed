/**
 * The confirmed-period lock (issue 8, point 3). A customer who signs a
 * statement agrees to the balance at its period end; a ledger write dated on
 * or before that end would silently change what they agreed to. So the
 * ledger's single document writer (ledger/insertDocument.ts) asks this guard
 * before every insert — postings, voids, imports and import undos alike:
 *
 *  - a new document dated on or before the end of a confirmed statement's
 *    period (posting, back-dating), or a void of a document dated on or
 *    before it (the signed statement lists that document), is refused with
 *    a 'conflict' error naming the statement, unless
 *  - the caller passes an override with a reason: then the write goes
 *    ahead, the reason is added to the document's audit row, and every
 *    confirmed statement whose period it touches is marked affected
 *    (affected_at/affected_reason, with its own audit row).
 *
 * Only the boss may override (issue 13: the dispatcher's approval rule for
 * `lockOverride`), or a lock exception he granted for the customer lets the
 * write through (period/closedPeriod.ts); the guard itself only needs a reason.
 */
import type { LockOverride, PeriodLockRefusal } from '../../../shared/api/periodLock';
import { AR_DOC_KIND_LABELS } from '../../../shared/api/ledgerEnums';
import { DomainError } from '../../../shared/errors';
import type { DocKind } from '../../../shared/receivables/types';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { activeLockException } from '../period/closedPeriod';

export interface LedgerWrite {
  customerId: string;
  kind: DocKind;
  docNo: string;
  /** The new document's date. */
  date: string;
  /** For a void: the date of the document it reverses. */
  originalDate: string | null;
}

interface ConfirmedRow {
  id: string;
  statement_no: string;
  period_to: string;
  confirmed_on: string;
  affected_at: string | null;
}

// Indexed by statements_confirmed (customer_id, period_to) WHERE status = 'confirmed'.
const COVERING_SQL = `SELECT id, statement_no, period_to, confirmed_on, affected_at FROM statements
  WHERE customer_id = ? AND status = 'confirmed' AND period_to >= ? ORDER BY period_to DESC, statement_no DESC`;
// Whether any does, without the sort COVERING_SQL sets up even when nothing matches (an import asks once per customer).
const ANY_COVERING_SQL = `SELECT 1 FROM statements WHERE customer_id = ? AND status = 'confirmed' AND period_to >= ? LIMIT 1`;

/**
 * Refuses or lets through one ledger write. Returns the note to merge into
 * the document's audit row when an override was used, else null. Must run
 * inside the caller's transaction (the affected marks roll back with it).
 */
export function guardPeriodLock(ctx: ServiceContext, write: LedgerWrite, override: LockOverride): Record<string, unknown> | null {
  const touched = write.originalDate !== null && write.originalDate < write.date ? write.originalDate : write.date;
  if (ctx.db.prepare(ANY_COVERING_SQL).get(write.customerId, touched) === undefined) return null;
  const covering = ctx.db.prepare(COVERING_SQL).all(write.customerId, touched) as ConfirmedRow[];
  if (covering.length === 0) return null;

  const label = `${AR_DOC_KIND_LABELS[write.kind]} ${write.docNo}`;
  const latest = covering[0];
  // Issue 13: the boss's time-boxed lock exception for this customer opens this lock too.
  const exception = override === null ? activeLockException(ctx, write.customerId, touched) : null;
  if (exception) override = { reason: `限时例外：${exception.reason}` };
  if (override === null) {
    const details: PeriodLockRefusal = {
      kind: 'period_locked',
      customerId: write.customerId,
      statementId: latest.id,
      statementNo: latest.statement_no,
      periodTo: latest.period_to,
      confirmedOn: latest.confirmed_on,
      date: touched,
    };
    const what = write.kind === 'void' && touched !== write.date ? `冲销 ${touched} 的单据` : `录入 ${touched} 的单据`;
    throw new DomainError(
      'conflict',
      `客户已于 ${latest.confirmed_on} 确认对账单 ${latest.statement_no}（截至 ${latest.period_to}），` +
        `不能再${what}。如确需修改，请填写原因后强制执行：原因将记录在案，该对账单标记为“确认后有变动”。`,
      'date',
      details,
    );
  }

  const now = ctx.clock.now().toISOString();
  const reason = `${label}（${touched}）：${override.reason}`;
  for (const s of covering) {
    // The first override is what made the confirmation stale; later ones are in the audit trail.
    if (s.affected_at === null) {
      ctx.db.prepare(`UPDATE statements SET affected_at = ?, affected_reason = ?, updated_at = ? WHERE id = ?`).run(now, reason, now, s.id);
    }
    recordChange(ctx, {
      entity: 'statement',
      entityId: s.id,
      action: 'affected',
      before: { affectedAt: s.affected_at },
      after: { affectedAt: s.affected_at ?? now, document: label, date: touched, reason: override.reason },
      tables: ['statements'],
      customerId: write.customerId,
    });
  }
  return { periodLockOverride: { reason: override.reason, statements: covering.map((s) => s.statement_no) } };
}
