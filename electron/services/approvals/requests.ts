/**
 * 提交审批: a clerk's act saved as a pending request (no effect on any
 * balance: it lives only in this table) that the boss approves or rejects
 * later, on any PC. The request is the exact call — method and canonical
 * JSON payload — and its sha256; approval executes that payload only if the
 * stored payload still hashes to what the boss saw, and the act itself runs
 * through the dispatcher again, so every rule is re-checked at execution.
 */
/** Node's crypto, loaded on first use: a command that never hashes (a read-only query) does not load it at start. */
const crypto = () => process.getBuiltinModule('node:crypto');
import type { ApprovalDto, ApprovalRequirement, ApprovalStatusDto } from '../../../shared/api/controls';
import { DomainError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import type { ApprovalsTable } from '../../../db/tables/users';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { getApprovalSettings } from './settings';

/** JSON with object keys sorted at every level: the same content always gives the same text and hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const payloadHash = (method: string, payload: string): string => crypto().createHash('sha256').update(`${method}\n${payload}`).digest('hex');

type Row = ApprovalsTable & { requested_by_name: string | null; decided_by_name: string | null };
const SELECT = `SELECT a.*, r.display_name AS requested_by_name, d.display_name AS decided_by_name FROM approvals a
  LEFT JOIN users r ON r.id = a.requested_by LEFT JOIN users d ON d.id = a.decided_by`;

const statusOf = (ctx: ServiceContext, r: ApprovalsTable): ApprovalStatusDto =>
  r.status === 'pending' && r.expires_at <= ctx.clock.now().toISOString() ? 'expired' : r.status;

const dto = (ctx: ServiceContext, r: Row): ApprovalDto => ({
  id: r.id,
  method: r.method,
  payload: JSON.parse(r.payload),
  payloadSha256: r.payload_sha256,
  act: r.act,
  summary: r.summary,
  customerId: r.customer_id,
  amountFen: r.amount_fen,
  reason: r.reason,
  requestedBy: r.requested_by_name ?? r.requested_by,
  requestedAt: r.requested_at,
  expiresAt: r.expires_at,
  status: statusOf(ctx, r),
  decidedBy: r.decided_by_name ?? r.decided_by,
  decidedAt: r.decided_at,
  decisionNote: r.decision_note,
});

export const findApproval = (ctx: ServiceContext, id: string): Row | undefined => ctx.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as Row | undefined;

export function getApproval(ctx: ServiceContext, id: string): ApprovalDto {
  const r = findApproval(ctx, id);
  if (!r) throw new DomainError('not_found', '找不到该审批申请', 'id');
  return dto(ctx, r);
}

/** Deciders see every request; everyone else their own. */
export function listApprovals(ctx: ServiceContext, status: ApprovalStatusDto | 'all', seesAll: boolean): ApprovalDto[] {
  const rows = (seesAll
    ? ctx.db.prepare(`${SELECT} ORDER BY a.requested_at DESC LIMIT 500`).all()
    : ctx.db.prepare(`${SELECT} WHERE a.requested_by = ? ORDER BY a.requested_at DESC LIMIT 500`).all(ctx.actor.userId ?? '')) as Row[];
  return rows.map((r) => dto(ctx, r)).filter((a) => status === 'all' || a.status === status);
}

export function createRequest(ctx: ServiceContext, method: string, params: unknown, requirement: ApprovalRequirement, reason: string): ApprovalDto {
  if (!ctx.actor.userId) throw new DomainError('conflict', '尚未创建用户，无需审批', null);
  const payload = canonicalJson(params);
  const now = ctx.clock.now();
  const expires = new Date(now.getTime() + getApprovalSettings(ctx).requestExpiryDays * 86_400_000).toISOString();
  const id = newId();
  return ctx.db.transaction(() => {
    ctx.db
      .prepare(`INSERT INTO approvals (id, method, payload, payload_sha256, act, summary, customer_id, amount_fen, reason, requested_by, requested_at, expires_at, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`)
      .run(id, method, payload, payloadHash(method, payload), requirement.act, requirement.summary, requirement.customerId, requirement.amountFen, reason, ctx.actor.userId, now.toISOString(), expires);
    recordChange(ctx, { entity: 'approval', entityId: id, action: 'request', before: null, after: { method, act: requirement.act, summary: requirement.summary, reason }, tables: ['approvals'] });
    return getApproval(ctx, id);
  });
}

/** Refuses a decision that must not be taken; returns the pending row otherwise. Writes nothing. */
export function checkDecidable(ctx: ServiceContext, id: string, seenSha256: string | null): Row {
  const r = findApproval(ctx, id);
  if (!r) throw new DomainError('not_found', '找不到该审批申请', 'id');
  const status = statusOf(ctx, r);
  if (status === 'expired') throw new DomainError('conflict', `该申请已于 ${r.expires_at.slice(0, 10)} 过期，请申请人重新提交`, 'id');
  if (status !== 'pending') throw new DomainError('conflict', '该申请已处理，不能再审批', 'id');
  if (r.requested_by === ctx.actor.userId) throw new DomainError('forbidden', '不能审批自己提交的申请', 'id');
  if (seenSha256 !== null) {
    const actual = payloadHash(r.method, r.payload);
    if (actual !== r.payload_sha256 || seenSha256 !== r.payload_sha256) {
      throw new DomainError('conflict', '申请内容与审批时看到的不一致（可能已被改动），不能执行；请申请人重新提交', 'payloadSha256');
    }
  }
  return r;
}

export function decide(ctx: ServiceContext, id: string, status: 'approved' | 'rejected' | 'withdrawn' | 'failed', note: string): ApprovalDto {
  return ctx.db.transaction(() => {
    const at = ctx.clock.now().toISOString();
    const changed = ctx.db
      .prepare(`UPDATE approvals SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ? AND (status = 'pending' OR (? = 'failed' AND status = 'approved'))`)
      .run(status, ctx.actor.userId ?? null, at, note, id, status);
    if (changed.changes === 0) throw new DomainError('conflict', '该申请已处理，不能再审批', 'id');
    const r = findApproval(ctx, id)!;
    recordChange(ctx, { entity: 'approval', entityId: id, action: status === 'approved' ? 'approve' : status === 'rejected' ? 'reject' : status, before: { status: 'pending' }, after: { status, note, summary: r.summary, reason: r.reason, amountFen: r.amount_fen }, tables: ['approvals'] });
    return dto(ctx, r);
  });
}

export function withdraw(ctx: ServiceContext, id: string): ApprovalDto {
  const r = findApproval(ctx, id);
  if (!r) throw new DomainError('not_found', '找不到该审批申请', 'id');
  if (r.requested_by !== ctx.actor.userId) throw new DomainError('forbidden', '只能撤回自己提交的申请', 'id');
  if (r.status !== 'pending') throw new DomainError('conflict', '该申请已处理，不能撤回', 'id');
  return decide(ctx, id, 'withdrawn', '');
}
