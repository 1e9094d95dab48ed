/**
 * Which acts need the boss (issue 13 point 3, ROLES-NOTES §4.2): the routes
 * by which receivables theft is hidden. One rule per method, reading the
 * already validated input and fresh data; the dispatcher asks before running
 * the handler and refuses with 'approval_required' unless the caller is the
 * boss or carries his authorization (当面授权 / an approved request).
 */
import type { ApprovalRequirement } from '../../../shared/api/controls';
import type { MethodName } from '../../../shared/api/contract';
import { AR_DOC_KIND_LABELS } from '../../../shared/api/ledgerEnums';
import { localDateOf } from '../../../shared/dates/clock';
import { formatFen } from '../../../shared/money/format';
import type { DocKind } from '../../../shared/receivables/types';
import type { ServiceContext } from '../context';
import { getLedgerSettings } from '../ledger/customerFacts';
import { getApprovalSettings } from './settings';

type Rule = (ctx: ServiceContext, input: Record<string, unknown>) => ApprovalRequirement | null;

interface CustomerFact {
  id: string;
  code: string;
  name: string;
  credit_limit_fen: number | null;
  payment_term_days: number | null;
}
const customer = (ctx: ServiceContext, id: unknown) =>
  ctx.db.prepare('SELECT id, code, name, credit_limit_fen, payment_term_days FROM customers WHERE id = ?').get(String(id)) as CustomerFact | undefined;
const docFact = (ctx: ServiceContext, id: unknown) =>
  ctx.db.prepare('SELECT id, customer_id, kind, doc_no, doc_date, amount_fen, created_by, created_at FROM ar_documents WHERE id = ?').get(String(id)) as
    | { id: string; customer_id: string; kind: DocKind; doc_no: string; doc_date: string; amount_fen: number; created_by: string; created_at: string }
    | undefined;

const need = (act: string, summary: string, customerId: string | null, amountFen: number | null): ApprovalRequirement => ({
  kind: 'approval_required',
  act,
  summary,
  customerId,
  amountFen,
});
const who = (c: CustomerFact | undefined) => (c ? `客户 ${c.name}（${c.code}）` : '客户');

/** Writing into a confirmed statement's period by override is the boss's call. */
const lockOverride: Rule = (ctx, input) => {
  const o = input.lockOverride as { reason: string } | null | undefined;
  if (!o) return null;
  const c = customer(ctx, input.customerId ?? docFact(ctx, input.docId ?? input.debitId)?.customer_id);
  return need('lock_override', `修改已确认对账期间的单据：${who(c)}，原因：${o.reason}`, c?.id ?? null, (input.amountFen as number) ?? null);
};

/** Posting past a credit-limit block (the override reason is there, but block mode refuses the clerk). */
const creditBlock: Rule = (ctx, input) => {
  const o = input.override as { reason: string } | null | undefined;
  if (!o) return null;
  if (getLedgerSettings(ctx).creditLimitMode !== 'block') return null;
  const c = customer(ctx, input.customerId);
  return need('credit_block', `超出信用额度过账（禁止超额模式）：${who(c)} ${formatFen(Number(input.amountFen))}，原因：${o.reason}`, c?.id ?? null, Number(input.amountFen));
};

/** The contract and period of a rebate target, for the approval's summary (amounts come from the sheet at execution). */
const rebateAct = (ctx: ServiceContext, input: Record<string, unknown>, act: string, label: string): ApprovalRequirement => {
  const t = ctx.db
    .prepare(
      `SELECT t.period_from, t.period_to, k.contract_no, k.customer_id FROM rebate_targets t JOIN contracts k ON k.id = t.contract_id WHERE t.id = ?`,
    )
    .get(String(input.targetId)) as { period_from: string; period_to: string; contract_no: string; customer_id: string } | undefined;
  const c = customer(ctx, t?.customer_id);
  const payout = input.as === 'cash' ? '现金支付' : '冲抵货款';
  return need(act, `${label}（${payout}）：${who(c)}，合同 ${t?.contract_no ?? ''}，期间 ${t?.period_from ?? ''}~${t?.period_to ?? ''}`, c?.id ?? null, null);
};

const first = (...rules: Rule[]): Rule => (ctx, input) => {
  for (const r of rules) {
    const hit = r(ctx, input);
    if (hit) return hit;
  }
  return null;
};

export const approvalRules: Partial<Record<MethodName, Rule>> = {
  'ledger.postWriteOff': (ctx, input) => {
    const target = docFact(ctx, input.debitId);
    const c = customer(ctx, target?.customer_id);
    return need('write_off', `坏账核销 ${formatFen(Number(input.amountFen))}：${who(c)}，核销 ${target?.doc_no ?? ''}`, c?.id ?? null, Number(input.amountFen));
  },
  'ledger.postCreditNote': first(lockOverride, (ctx, input) => {
    const limit = getApprovalSettings(ctx).clerkCreditNoteLimitFen;
    const amount = Number(input.amountFen);
    if (amount <= limit) return null;
    const c = customer(ctx, input.customerId);
    return need('credit_note', `折让/退货/返利 ${formatFen(amount)}（超过文员限额 ${formatFen(limit)}）：${who(c)}`, c?.id ?? null, amount);
  }),
  'ledger.void': first(lockOverride, (ctx, input) => {
    const original = docFact(ctx, input.docId);
    if (!original) return null; // the service says "not found"
    const ownToday = original.created_by === ctx.actor.user && localDateOf(new Date(original.created_at)) === ctx.clock.today();
    if (ownToday) return null;
    const c = customer(ctx, original.customer_id);
    return need(
      'void',
      `冲销${AR_DOC_KIND_LABELS[original.kind]} ${original.doc_no}（${original.doc_date}，${formatFen(original.amount_fen)}）：${who(c)}，原因：${String(input.reason ?? '')}`,
      c?.id ?? null,
      original.amount_fen,
    );
  }),
  'ledger.postInvoice': first(lockOverride, creditBlock),
  'ledger.postReceipt': lockOverride,
  'ledger.postRefund': lockOverride,
  'ledger.postOpening': lockOverride,
  // Issue 15: a rebate settlement or adjustment posts money to the customer's favour: the boss's say.
  'rebates.settle': first(lockOverride, (ctx, input) => rebateAct(ctx, input, 'rebate_settle', '返利结算')),
  'rebates.adjust': first(lockOverride, (ctx, input) => rebateAct(ctx, input, 'rebate_adjust', '返利调整')),
  'customers.update': (ctx, input) => {
    const c = customer(ctx, input.id);
    if (!c) return null;
    const limit = input.creditLimitFen as number | null | undefined;
    const term = input.paymentTermDays as number | null | undefined;
    // A higher limit (or none at all) loosens credit; a changed 账期 either way changes every due date.
    const raised = limit !== undefined && c.credit_limit_fen !== null && (limit === null || limit > c.credit_limit_fen);
    const termChanged = term !== undefined && term !== c.payment_term_days;
    if (!raised && !termChanged) return null;
    const parts = [
      raised ? `信用额度 ${formatFen(c.credit_limit_fen ?? 0)} → ${limit === null ? '不限' : formatFen(limit!)}` : '',
      termChanged ? `账期 ${c.payment_term_days ?? '默认'} → ${term ?? '默认'} 天` : '',
    ].filter(Boolean);
    return need('credit_terms', `${who(c)}：${parts.join('，')}`, c.id, raised && limit !== null ? limit! : null);
  },
};

/** The boss decides for himself (his own acts land on the exceptions report instead). */
export function approvalRequirement(ctx: ServiceContext, method: MethodName, input: unknown): ApprovalRequirement | null {
  if (!ctx.actor.userId || ctx.actor.role === 'boss' || ctx.actor.authorizedBy) return null;
  const rule = approvalRules[method];
  return rule ? rule(ctx, (input ?? {}) as Record<string, unknown>) : null;
}
