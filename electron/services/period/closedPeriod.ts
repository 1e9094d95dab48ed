/**
 * Period close (结账, issue 13 point 4). One "closed through" date (a synced
 * setting): a ledger write that touches a date on or before it — a posting,
 * an import, a back-dated entry, or a void of a document dated then — is
 * refused with a clear message, never silently re-dated. Moving the date
 * forward is the accountant's or the boss's; moving it back (反结账) or
 * letting one customer through for a while (a lock exception) is the boss's,
 * with a reason. The confirmed-statement lock (statements/periodLock.ts)
 * honours the same exceptions, so both locks open by one mechanism.
 */
import type { LockExceptionsTable } from '../../../db/tables/users';
import type { LockExceptionDto, PeriodState } from '../../../shared/api/controls';
import { DomainError, validationError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings/settingsStore';

export const CLOSED_THROUGH_KEY = 'period.closedThrough';

export const getClosedThrough = (ctx: ServiceContext): string | null => readSetting<string | null>(ctx, CLOSED_THROUGH_KEY)?.value ?? null;

/** A lock_exceptions row (e.*) with its customer and granting user joined. */
interface ExceptionRow extends LockExceptionsTable {
  code: string;
  name: string;
  granted_by_name: string | null;
}

const EXCEPTION_SELECT = `SELECT e.*, c.code, c.name, u.display_name AS granted_by_name FROM lock_exceptions e
  JOIN customers c ON c.id = e.customer_id LEFT JOIN users u ON u.id = e.granted_by`;

const exceptionDto = (ctx: ServiceContext, r: ExceptionRow): LockExceptionDto => ({
  id: r.id,
  customerId: r.customer_id,
  customerCode: r.code,
  customerName: r.name,
  throughDate: r.through_date,
  reason: r.reason,
  grantedBy: r.granted_by_name ?? r.granted_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  active: r.revoked_at === null && r.expires_at > ctx.clock.now().toISOString(),
});

export function periodState(ctx: ServiceContext): PeriodState {
  const rows = ctx.db.prepare(`${EXCEPTION_SELECT} ORDER BY e.created_at DESC LIMIT 100`).all() as ExceptionRow[];
  return { closedThrough: getClosedThrough(ctx), exceptions: rows.map((r) => exceptionDto(ctx, r)) };
}

/** The active exception that lets this customer write on `date`, if any. */
export function activeLockException(ctx: ServiceContext, customerId: string, date: string): { id: string; reason: string } | null {
  const row = ctx.db
    .prepare(`SELECT id, reason FROM lock_exceptions WHERE customer_id = ? AND revoked_at IS NULL AND expires_at > ? AND through_date >= ?
      ORDER BY expires_at DESC LIMIT 1`)
    .get(customerId, ctx.clock.now().toISOString(), date) as { id: string; reason: string } | undefined;
  return row ?? null;
}

function setClosedThrough(ctx: ServiceContext, action: string, next: string | null, reason: string | null): PeriodState {
  return ctx.db.transaction(() => {
    const before = getClosedThrough(ctx);
    writeSetting(ctx, CLOSED_THROUGH_KEY, next);
    recordChange(ctx, { entity: 'period', entityId: CLOSED_THROUGH_KEY, action, before: { closedThrough: before }, after: { closedThrough: next, reason }, tables: ['settings'] });
    return periodState(ctx);
  });
}

export function closePeriod(ctx: ServiceContext, through: string): PeriodState {
  if (through > ctx.clock.today()) throw validationError('through', `结账日期 ${through} 不能晚于今天（${ctx.clock.today()}）`);
  const current = getClosedThrough(ctx);
  if (current !== null && through < current) {
    throw new DomainError('conflict', `已结账至 ${current}；要退回到 ${through}，请由老板反结账并填写原因`, 'through');
  }
  return setClosedThrough(ctx, 'close', through, null);
}

export function reopenPeriod(ctx: ServiceContext, through: string | null, reason: string): PeriodState {
  const current = getClosedThrough(ctx);
  if (current === null) throw new DomainError('conflict', '尚未结账，无需反结账', 'through');
  if (through !== null && through >= current) throw validationError('through', `反结账的日期必须早于当前结账日期 ${current}`);
  return setClosedThrough(ctx, 'reopen', through, reason);
}

/** End of the business day in the office time zone (Asia/Shanghai has no daylight saving). */
const endOfBusinessDay = (today: string): string => new Date(`${today}T23:59:59.999+08:00`).toISOString();

export function grantLockException(ctx: ServiceContext, input: { customerId: string; throughDate: string; reason: string; hours: number | null }): LockExceptionDto {
  return ctx.db.transaction(() => {
    const c = ctx.db.prepare('SELECT id FROM customers WHERE id = ?').get(input.customerId);
    if (!c) throw new DomainError('not_found', '找不到该客户', 'customerId');
    const now = ctx.clock.now();
    const expires = input.hours === null ? endOfBusinessDay(ctx.clock.today()) : new Date(now.getTime() + input.hours * 3_600_000).toISOString();
    const id = newId();
    const row = { id, customer_id: input.customerId, through_date: input.throughDate, reason: input.reason, granted_by: ctx.actor.userId ?? ctx.actor.user, created_at: now.toISOString(), expires_at: expires };
    ctx.db
      .prepare(`INSERT INTO lock_exceptions (id, customer_id, through_date, reason, granted_by, created_at, expires_at) VALUES (@id, @customer_id, @through_date, @reason, @granted_by, @created_at, @expires_at)`)
      .run(row);
    recordChange(ctx, { entity: 'lock_exception', entityId: id, action: 'grant', before: null, after: { customerId: input.customerId, throughDate: input.throughDate, reason: input.reason, expiresAt: expires }, tables: ['lock_exceptions'] });
    return exceptionDto(ctx, ctx.db.prepare(`${EXCEPTION_SELECT} WHERE e.id = ?`).get(id) as ExceptionRow);
  });
}

export function revokeLockException(ctx: ServiceContext, id: string): LockExceptionDto {
  return ctx.db.transaction(() => {
    const row = ctx.db.prepare(`${EXCEPTION_SELECT} WHERE e.id = ?`).get(id) as ExceptionRow | undefined;
    if (!row) throw new DomainError('not_found', '找不到该例外', 'id');
    if (row.revoked_at !== null) throw new DomainError('conflict', '该例外已撤销', 'id');
    const at = ctx.clock.now().toISOString();
    ctx.db.prepare('UPDATE lock_exceptions SET revoked_at = ?, revoked_by = ? WHERE id = ?').run(at, ctx.actor.userId ?? null, id);
    recordChange(ctx, { entity: 'lock_exception', entityId: id, action: 'revoke', before: { revokedAt: null }, after: { revokedAt: at }, tables: ['lock_exceptions'] });
    return exceptionDto(ctx, { ...row, revoked_at: at });
  });
}

/**
 * The closed-period guard, asked by the ledger's single document writer for
 * every insert. Returns the audit note when an exception let the write through.
 */
export function guardClosedPeriod(
  ctx: ServiceContext,
  write: { customerId: string; date: string; originalDate: string | null; label: string },
  // A bulk writer (an import) reads the date once per transaction instead of once per document.
  closed: string | null = getClosedThrough(ctx),
): Record<string, unknown> | null {
  if (closed === null) return null;
  const touched = write.originalDate !== null && write.originalDate < write.date ? write.originalDate : write.date;
  if (touched > closed) return null;
  const exception = activeLockException(ctx, write.customerId, touched);
  if (exception) return { lockException: { id: exception.id, reason: exception.reason } };
  throw new DomainError(
    'conflict',
    `已结账至 ${closed}，不能录入或冲销 ${touched} 的单据（${write.label}）。单据日期不会被自动改动；如确需修改，请老板为该客户开放一个限时例外，或反结账。`,
    'date',
    { kind: 'period_closed', closedThrough: closed, date: touched, customerId: write.customerId },
  );
}
