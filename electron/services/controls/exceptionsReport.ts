/**
 * 例外事项 (issue 13 point 5): the detective control beside the approvals.
 * For a period, every act that can hide receivables theft or needed someone's
 * say — voids, credit notes, write-offs, credit-limit overrides, writes into a
 * locked period (override or exception) and the exceptions granted, entries
 * back-dated more than N days, period re-openings, approvals and rejections —
 * read straight from the audit log, so nothing can be done without appearing
 * here. The boss or the accountant ticks lines as reviewed (已复核).
 */
import { exceptionsDefaultPeriod, type ExceptionLine, type ExceptionRow } from '../../../shared/api/controls';
import type { ExportFile } from '../../../shared/api/imports';
import { addDays } from '../../../shared/dates/calendar';
import { localDateOf } from '../../../shared/dates/clock';
import { DomainError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { writeXlsx } from '../export/writeXlsx';
import { getApprovalSettings } from '../approvals/settings';
import { dayEndUtc, dayStartUtc } from './auditLog';

interface AuditRow {
  id: string;
  at: string;
  user: string;
  user_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  after: string | null;
  authorized_by: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
}

const ENTITIES = `('ar_document', 'lock_exception', 'approval', 'period')`;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v !== null && typeof v === 'object' ? (v as Obj) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The report's actions of one audit row (a back-dated write-off is two lines: write_off and backdated). */
export function classify(row: { entity: string; action: string; at: string }, after: Obj, backdateDays: number): string[] {
  if (row.entity === 'lock_exception') return row.action === 'grant' ? ['lock_exception'] : [];
  if (row.entity === 'approval') return row.action === 'approve' ? ['approval'] : row.action === 'reject' ? ['rejection'] : [];
  if (row.entity === 'period') return row.action === 'reopen' ? ['period_reopen'] : [];
  if (row.entity !== 'ar_document' || typeof after.kind !== 'string') return [];
  const out: string[] = [];
  if (after.kind === 'void') out.push('void');
  if (after.kind === 'credit_note') out.push('credit_note');
  if (after.kind === 'write_off') out.push('write_off');
  if (after.creditLimitOverride) out.push('credit_override');
  if (after.periodLockOverride || after.lockException) out.push('lock_override');
  if (typeof after.date === 'string' && after.date < addDays(localDateOf(new Date(row.at)), -backdateDays)) out.push('backdated');
  return out;
}

function reasonOf(after: Obj): string | null {
  return (
    str(after.voidReason) ??
    str(obj(after.creditLimitOverride)?.reason) ??
    str(obj(after.periodLockOverride)?.reason) ??
    str(obj(after.lockException)?.reason) ??
    str(after.reason) ??
    str(after.note) ??
    str(after.memo)
  );
}

export function exceptionsReport(ctx: ServiceContext, from: string, to: string): ExceptionRow[] {
  const rows = ctx.db
    .prepare(`SELECT a.id, a.at, a.user, a.user_id, a.entity, a.entity_id, a.action, a.after, a.authorized_by, r.reviewed_by, r.reviewed_at
      FROM audit_log a LEFT JOIN exception_reviews r ON r.audit_id = a.id
      WHERE a.at >= ? AND a.at < ? AND a.entity IN ${ENTITIES} ORDER BY a.at, a.id`)
    .all(dayStartUtc(from), dayEndUtc(to)) as AuditRow[];
  const backdateDays = getApprovalSettings(ctx).backdateFlagDays;
  const userName = ctx.db.prepare('SELECT username, role FROM users WHERE id = ?');
  const nameOf = (id: string | null) => (id ? ((userName.get(id) as { username: string } | undefined)?.username ?? id) : null);
  const isBoss = (id: string | null) => !!id && (userName.get(id) as { role: string } | undefined)?.role === 'boss';
  const customerCode = ctx.db.prepare('SELECT code FROM customers WHERE id = ?');
  const codeOf = (id: unknown) => (typeof id === 'string' ? ((customerCode.get(id) as { code: string } | undefined)?.code ?? null) : null);
  const approval = ctx.db.prepare('SELECT customer_id, amount_fen, reason FROM approvals WHERE id = ?');

  const out: ExceptionRow[] = [];
  for (const r of rows) {
    const after = obj(r.after ? JSON.parse(r.after) : null) ?? {};
    const actions = classify(r, after, backdateDays);
    if (!actions.length) continue;
    const req = r.entity === 'approval' ? (approval.get(r.entity_id) as { customer_id: string | null; amount_fen: number | null; reason: string } | undefined) : undefined;
    // Who approved: the boss who authorized it; the decider of a request; the boss himself for his own acts (本人录入并批准).
    const approvedBy = r.entity === 'approval' ? r.user : (nameOf(r.authorized_by) ?? (isBoss(r.user_id) ? r.user : null));
    for (const action of actions) {
      out.push({
        auditId: r.id,
        at: r.at,
        user: r.user,
        action,
        entity: r.entity,
        docNo: str(after.docNo),
        customerCode: codeOf(after.customerId ?? req?.customer_id),
        amountFen: typeof after.amountFen === 'number' ? after.amountFen : (req?.amount_fen ?? null),
        reason: r.entity === 'approval' ? (req?.reason ?? reasonOf(after)) : reasonOf(after),
        approvedBy,
        reviewedBy: nameOf(r.reviewed_by),
        reviewedAt: r.reviewed_at,
      });
    }
  }
  return out;
}

/** The CLI's JSON line: exactly the contract's fields, in its order. */
export const exceptionLine = (r: ExceptionRow): ExceptionLine => ({
  at: r.at,
  user: r.user,
  action: r.action,
  entity: r.entity,
  docNo: r.docNo,
  customerCode: r.customerCode,
  amountFen: r.amountFen,
  reason: r.reason,
  approvedBy: r.approvedBy,
});

export function reviewExceptions(ctx: ServiceContext, auditIds: readonly string[]): { reviewed: number } {
  return ctx.db.transaction(() => {
    let reviewed = 0;
    const exists = ctx.db.prepare('SELECT 1 FROM audit_log WHERE id = ?');
    const insert = ctx.db.prepare('INSERT INTO exception_reviews (id, audit_id, reviewed_by, reviewed_at) VALUES (?, ?, ?, ?) ON CONFLICT (audit_id) DO NOTHING');
    for (const id of new Set(auditIds)) {
      if (!exists.get(id)) throw new DomainError('not_found', `找不到例外事项 ${id}`, 'auditIds');
      const res = insert.run(newId(), id, ctx.actor.userId, ctx.clock.now().toISOString());
      reviewed += res.changes;
    }
    recordChange(ctx, { entity: 'exception_review', entityId: auditIds[0], action: 'review', before: null, after: { auditIds, reviewed }, tables: ['exception_reviews'] });
    return { reviewed };
  });
}

/** The dashboard's "N 条例外未复核": the report's default period, as the exceptions page opens on. */
export function unreviewedCount(ctx: ServiceContext): number {
  const { from, to } = exceptionsDefaultPeriod(ctx.clock.today());
  return new Set(exceptionsReport(ctx, from, to).filter((r) => r.reviewedAt === null).map((r) => r.auditId)).size;
}

const ACTION_LABELS: Record<string, string> = {
  void: '冲销', credit_note: '折让/退货/返利', write_off: '坏账核销', credit_override: '超信用额度', lock_override: '修改锁定期间',
  lock_exception: '开放限时例外', backdated: '补录（倒签）', period_reopen: '反结账', approval: '审批通过', rejection: '审批驳回',
};

export async function exportExceptions(ctx: ServiceContext, from: string, to: string): Promise<ExportFile> {
  const rows = exceptionsReport(ctx, from, to).map((r) => ({ ...r, actionLabel: ACTION_LABELS[r.action] ?? r.action, reviewed: r.reviewedBy ?? '' }));
  const buffer = await writeXlsx([
    {
      name: '例外事项',
      columns: [
        { header: '时间', key: 'at' }, { header: '操作人', key: 'user' }, { header: '事项', key: 'actionLabel' }, { header: '单号', key: 'docNo', kind: 'text' },
        { header: '客户编码', key: 'customerCode', kind: 'text' }, { header: '金额', key: 'amountFen', kind: 'fen' }, { header: '原因', key: 'reason' },
        { header: '批准人', key: 'approvedBy' }, { header: '复核人', key: 'reviewed' },
      ],
      rows,
    },
  ]);
  return { fileName: `例外事项-${from}-${to}.xlsx`, dataBase64: buffer.toString('base64'), rows: rows.length };
}
