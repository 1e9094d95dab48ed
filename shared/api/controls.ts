/**
 * Approvals (审批), period close (结账), the exceptions report (例外事项) and
 * the audit log viewer (issue 13, points 3–6).
 */
import { z } from 'zod';
import { addDays } from '../dates/calendar';
import { optionalText, requiredText } from '../schemas/fields';
import { businessDate as isoDate } from './customers';
import { method } from './define';
import type { ExportFile } from './imports';

/**
 * The exceptions report's default period: the last 30 days through today. One
 * definition, so the page's opening view and the dashboard's unreviewed count
 * (exceptions.unreviewedCount) always count the same lines.
 */
export const EXCEPTIONS_DEFAULT_DAYS = 30;
export const exceptionsDefaultPeriod = (today: string): { from: string; to: string } => ({ from: addDays(today, -EXCEPTIONS_DEFAULT_DAYS), to: today });

export const reasonField = (label = '原因') => requiredText(label, 200);

/** What the dispatcher says when an act needs the boss (error code 'approval_required', in `details`). */
export interface ApprovalRequirement {
  kind: 'approval_required';
  /** write_off, credit_note, void, lock_override, credit_terms, credit_block. */
  act: string;
  /** One line the boss reads before typing his password: what exactly he authorizes. */
  summary: string;
  customerId: string | null;
  amountFen: number | null;
}

export type ApprovalStatusDto = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'failed' | 'expired';

export interface ApprovalDto {
  id: string;
  method: string;
  payload: unknown;
  payloadSha256: string;
  act: string;
  summary: string;
  customerId: string | null;
  amountFen: number | null;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  status: ApprovalStatusDto;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string;
}

const call = {
  method: requiredText('操作', 100),
  params: z.record(z.string(), z.unknown(), { error: '操作内容格式不正确' }),
};

export interface ApprovalSettings {
  /** Credit notes up to this amount need no approval (default 0: every one does). */
  clerkCreditNoteLimitFen: number;
  requestExpiryDays: number;
  backdateFlagDays: number;
  idleLockMinutes: number;
}

export const approvalSettingsSchema = z.object({
  clerkCreditNoteLimitFen: z.number({ error: '文员折让限额必须是金额（分）' }).int().min(0, { error: '文员折让限额不能为负' }),
  requestExpiryDays: z.number({ error: '申请有效天数必须是数字' }).int().min(1).max(365, { error: '申请有效天数在 1–365 之间' }),
  backdateFlagDays: z.number({ error: '补录天数必须是数字' }).int().min(1).max(365, { error: '补录天数在 1–365 之间' }),
  idleLockMinutes: z.number({ error: '闲置锁定分钟数必须是数字' }).int().min(1).max(240, { error: '闲置锁定分钟数在 1–240 之间' }),
});

export interface LockExceptionDto {
  id: string;
  customerId: string;
  customerCode: string;
  customerName: string;
  throughDate: string;
  reason: string;
  grantedBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  active: boolean;
}

export interface PeriodState {
  /** Documents dated on or before it are refused (null: nothing closed). */
  closedThrough: string | null;
  exceptions: LockExceptionDto[];
}

export interface AuditEntryDto {
  id: string;
  at: string;
  user: string;
  device: string;
  channel: string | null;
  entity: string;
  entityId: string;
  action: string;
  authorizedBy: string | null;
  approvalId: string | null;
  /** Field by field: the fields whose value differs, with both values (JSON-decoded). */
  changes: { field: string; before: unknown; after: unknown }[];
}

export const auditFilterSchema = z.object({
  from: isoDate('开始日期').nullable().default(null),
  to: isoDate('结束日期').nullable().default(null),
  user: optionalText('用户', 50),
  entity: optionalText('对象', 50),
  entityId: optionalText('对象编号', 40),
  action: optionalText('动作', 50),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});

/** One line of the exceptions report; the CLI's --json prints exactly these fields (plus nothing). */
export interface ExceptionLine {
  at: string;
  user: string;
  action: string;
  entity: string;
  docNo: string | null;
  customerCode: string | null;
  amountFen: number | null;
  reason: string | null;
  approvedBy: string | null;
}

export interface ExceptionRow extends ExceptionLine {
  auditId: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

const periodSchema = z
  .object({ from: isoDate('开始日期'), to: isoDate('结束日期') })
  .refine((v) => v.from <= v.to, { error: '开始日期不能晚于结束日期', path: ['to'] });

export const controlMethods = {
  /** 当面授权: the boss types his password on this screen; the act runs as the caller, authorized_by the boss. */
  'approvals.authorizeInPlace': method<unknown>()(
    z.object({ ...call, authorizer: requiredText('授权人', 50), password: z.string({ error: '请填写授权人密码' }).min(1, { error: '请填写授权人密码' }) }),
    [],
  ),
  /** 提交审批: saved as pending (no effect on any balance) until the boss decides. */
  'approvals.request': method<ApprovalDto>()(z.object({ ...call, reason: reasonField('申请原因') }), []),
  'approvals.list': method<ApprovalDto[]>()(
    z.object({ status: z.enum(['pending', 'approved', 'rejected', 'withdrawn', 'failed', 'expired', 'all']).default('all') }),
    ['approvals', 'users'],
  ),
  /** The hash of what the boss saw: the stored payload must still match it. */
  'approvals.approve': method<ApprovalDto>()(
    z.object({ id: requiredText('申请', 40), payloadSha256: z.string().regex(/^[0-9a-f]{64}$/, { error: '审批内容校验码不正确' }), note: optionalText('审批意见', 200) }),
    [],
  ),
  'approvals.reject': method<ApprovalDto>()(z.object({ id: requiredText('申请', 40), note: reasonField('驳回原因') }), []),
  'approvals.withdraw': method<ApprovalDto>()(z.object({ id: requiredText('申请', 40) }), []),
  'approvals.settings': method<ApprovalSettings>()(z.object({}), ['settings']),
  'approvals.updateSettings': method<ApprovalSettings>()(approvalSettingsSchema, []),

  'period.get': method<PeriodState>()(z.object({}), ['settings', 'lock_exceptions', 'customers']),
  /** 结账: move the closed-through date forward (never into the future). */
  'period.close': method<PeriodState>()(z.object({ through: isoDate('结账日期') }), []),
  /** 反结账: move it back (or clear it), boss only, with a reason. */
  'period.reopen': method<PeriodState>()(z.object({ through: isoDate('结账日期').nullable(), reason: reasonField('反结账原因') }), []),
  /** A time-boxed exception for one customer through a date (default: until the end of today). */
  'period.grantException': method<LockExceptionDto>()(
    z.object({
      customerId: requiredText('客户', 40),
      throughDate: isoDate('例外截至日期'),
      reason: reasonField('例外原因'),
      hours: z.number().int().min(1).max(24 * 14).nullable().default(null),
    }),
    [],
  ),
  'period.revokeException': method<LockExceptionDto>()(z.object({ id: requiredText('例外', 40) }), []),

  'audit.list': method<{ rows: AuditEntryDto[]; total: number }>()(auditFilterSchema, ['audit_log', 'users']),
  'audit.exportXlsx': method<ExportFile>()(auditFilterSchema, []),

  'exceptions.report': method<ExceptionRow[]>()(periodSchema, ['audit_log', 'exception_reviews', 'users', 'approvals']),
  'exceptions.review': method<{ reviewed: number }>()(z.object({ auditIds: z.array(z.string().min(1)).min(1, { error: '请选择要复核的事项' }).max(1000) }), []),
  'exceptions.exportXlsx': method<ExportFile>()(periodSchema, []),
  'exceptions.unreviewedCount': method<{ count: number }>()(z.object({}), ['audit_log', 'exception_reviews']),
};
