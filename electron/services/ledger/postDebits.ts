/**
 * Posting debit documents: invoices (应收单/发货), openings (期初, either
 * sign) and refunds of prepayments (退款). Each runs in one transaction:
 * checks, insert with audit row, re-derivation of the customer.
 */
import type { z } from 'zod';
import type { PostResult, postInvoiceSchema, postOpeningSchema, postRefundSchema } from '../../../shared/api/ledger';
import { DomainError, validationError } from '../../../shared/errors';
import { formatFen } from '../../../shared/money/format';
import { replay } from '../../../shared/receivables/replay';
import { bossAuthorized, type ServiceContext } from '../context';
import { creditLimitExcess, enforceCreditLimit } from './creditLimit';
import { effectiveTermDays, requireCustomer, resolveInvoiceDue, type LedgerCustomer } from './customerFacts';
import { loadCustomerDocs } from './docRows';
import { insertDocument } from './insertDocument';
import { chooseDocNo, finishPosting, publicResult } from './posting';


interface ContractFacts {
  id: string;
  contract_no: string;
  customer_id: string;
  status: string;
  amount_fen: number;
}

/** Contract and installment of an invoice: they must exist, belong together and to the customer, and be in force. */
function checkContract(
  ctx: ServiceContext,
  customer: LedgerCustomer,
  contractId: string,
  installmentId: string | null,
  contractLineId: string | null,
  amountFen: number,
  warnings: string[],
): void {
  const c = ctx.db.prepare(`SELECT id, contract_no, customer_id, status, amount_fen FROM contracts WHERE id = ?`).get(contractId) as
    | ContractFacts
    | undefined;
  if (!c) throw new DomainError('not_found', '找不到该合同', 'contractId');
  if (c.customer_id !== customer.id) throw validationError('contractId', `合同 ${c.contract_no} 不属于客户 ${customer.name}`);
  if (c.status === 'draft') throw validationError('contractId', `合同 ${c.contract_no} 尚未生效，不能按此合同开应收单`);
  if (c.status === 'terminated') throw validationError('contractId', `合同 ${c.contract_no} 已终止，不能再按此合同开应收单`);
  if (c.status === 'completed') warnings.push(`合同 ${c.contract_no} 已标记为完成`);

  const invoiced = ctx.db
    .prepare(
      `SELECT coalesce(sum(d.amount_fen), 0) AS n FROM ar_documents d
       WHERE d.contract_id = ? AND d.kind = 'invoice' AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = d.id)`,
    )
    .get(contractId) as { n: number };
  if (invoiced.n + amountFen > c.amount_fen) {
    warnings.push(`按合同 ${c.contract_no} 累计开单 ${formatFen(invoiced.n + amountFen)}，超过合同金额 ${formatFen(c.amount_fen)}`);
  }
  if (contractLineId !== null) {
    const line = ctx.db.prepare(`SELECT contract_id FROM contract_lines WHERE id = ?`).get(contractLineId) as { contract_id: string } | undefined;
    if (!line) throw new DomainError('not_found', '找不到该合同行', 'contractLineId');
    if (line.contract_id !== contractId) throw validationError('contractLineId', `所选合同行不属于合同 ${c.contract_no}`);
  }

  if (installmentId === null) return;
  const inst = ctx.db
    .prepare(`SELECT id, contract_id, seq, label, amount_fen FROM contract_installments WHERE id = ?`)
    .get(installmentId) as { id: string; contract_id: string; seq: number; label: string; amount_fen: number } | undefined;
  if (!inst) throw new DomainError('not_found', '找不到该付款计划', 'installmentId');
  if (inst.contract_id !== contractId) throw validationError('installmentId', `所选付款计划不属于合同 ${c.contract_no}`);
  const onInstallment = ctx.db
    .prepare(
      `SELECT coalesce(sum(d.amount_fen), 0) AS n FROM ar_documents d
       WHERE d.installment_id = ? AND d.kind = 'invoice' AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = d.id)`,
    )
    .get(installmentId) as { n: number };
  if (onInstallment.n + amountFen > inst.amount_fen) {
    const name = inst.label || `第 ${inst.seq} 期`;
    warnings.push(`付款计划“${name}”累计开单 ${formatFen(onInstallment.n + amountFen)}，超过该期金额 ${formatFen(inst.amount_fen)}`);
  }
}

export function postInvoice(ctx: ServiceContext, input: z.output<typeof postInvoiceSchema>): PostResult {
  return ctx.db.transaction(() => {
    const customer = requireCustomer(ctx, input.customerId);
    if (customer.archived_at !== null) {
      throw new DomainError('conflict', `客户 ${customer.name}（${customer.code}）已归档，不能再开应收单；请先恢复该客户`, 'customerId');
    }
    const warnings: string[] = [];
    if (customer.status !== 'active') warnings.push(`客户 ${customer.name} 的状态为${customer.status === 'paused' ? '暂停' : '关闭'}`);
    if (input.contractId !== null) checkContract(ctx, customer, input.contractId, input.installmentId, input.contractLineId, input.amountFen, warnings);

    const docNo = chooseDocNo(ctx, 'invoice', input.docNo, input.date);
    const dueOn = resolveInvoiceDue(input.date, input.dueOn, effectiveTermDays(ctx, customer));
    const override = enforceCreditLimit(
      creditLimitExcess(ctx, customer, input.amountFen),
      customer,
      input.override?.reason ?? null,
      '本单',
      'override',
      bossAuthorized(ctx),
    );
    const row = insertDocument(
      ctx,
      {
        customerId: customer.id,
        kind: 'invoice',
        side: 'debit',
        docNo,
        docDate: input.date,
        dueOn,
        amountFen: input.amountFen,
        contractId: input.contractId,
        contractLineId: input.contractLineId,
        installmentId: input.installmentId,
        vatInvoiceNo: input.vatInvoiceNo,
        vatInvoiceDate: input.vatInvoiceDate,
        memo: input.memo,
      },
      {
        action: 'post',
        note: override ? { creditLimitOverride: { reason: input.override?.reason ?? '', ...override } } : undefined,
        lockOverride: input.lockOverride,
      },
    );
    return publicResult(finishPosting(ctx, row, { action: 'post_invoice', creditLimit: override, warnings }));
  });
}

export function postOpening(ctx: ServiceContext, input: z.output<typeof postOpeningSchema>): PostResult {
  return ctx.db.transaction(() => {
    const customer = requireCustomer(ctx, input.customerId);
    const debit = input.amountFen > 0;
    const docNo = chooseDocNo(ctx, 'opening', input.docNo, input.date);
    const row = insertDocument(
      ctx,
      {
        customerId: customer.id,
        kind: 'opening',
        side: debit ? 'debit' : 'credit',
        docNo,
        docDate: input.date,
        // §4: an opening row without a due date is due on its date; a prepayment has none.
        dueOn: debit ? (input.dueOn ?? input.date) : null,
        amountFen: Math.abs(input.amountFen),
        memo: input.memo,
      },
      { action: 'post', lockOverride: input.lockOverride },
    );
    return publicResult(finishPosting(ctx, row, { action: 'post_opening' }));
  });
}

export function postRefund(ctx: ServiceContext, input: z.output<typeof postRefundSchema>): PostResult {
  return ctx.db.transaction(() => {
    const customer = requireCustomer(ctx, input.customerId);
    if (input.method === 'acceptance_bill') throw validationError('method', '退款不能用承兑汇票方式');
    const warnings: string[] = [];
    // A refund returns a prepayment. Paying back more than is unapplied on that date is
    // allowed (it is then owed like any debit) but is almost always a typing mistake.
    let unapplied = 0;
    for (const v of replay(loadCustomerDocs(ctx, customer.id), input.date).unappliedByCredit.values()) unapplied += v;
    if (input.amountFen > unapplied) {
      warnings.push(`退款金额 ${formatFen(input.amountFen)} 超过该客户在 ${input.date} 的预收余额 ${formatFen(unapplied)}，差额将记为客户欠款`);
    }
    const docNo = chooseDocNo(ctx, 'refund', input.docNo, input.date);
    const row = insertDocument(
      ctx,
      {
        customerId: customer.id,
        kind: 'refund',
        side: 'debit',
        docNo,
        docDate: input.date,
        // Money paid back is not sold on credit: due at once.
        dueOn: input.date,
        amountFen: input.amountFen,
        method: input.method,
        reference: input.reference,
        memo: input.memo,
      },
      { action: 'post', lockOverride: input.lockOverride },
    );
    return publicResult(finishPosting(ctx, row, { action: 'post_refund', warnings }));
  });
}
