/**
 * Creating and editing contracts. One transaction per call: rows, then the
 * audit row with the before/after snapshots.
 *
 * Editing an active contract: only the header text (title, payment and
 * rebate terms, notes) may change while it is in force. Anything that was
 * agreed — number, customer, kind, dates, lines, amount, schedule — is
 * refused with a message pointing to contracts.reopen (back to draft, with a
 * reason, audited); after the edit contracts.activate puts it back in force.
 * We chose this over amendments (补充协议) because the history then reads as
 * plainly as the office works: reopened because …, changed lines …, activated.
 */
import type { z } from 'zod';
import type { ContractDetail, ContractKind, contractCreateSchema, contractUpdateSchema } from '../../../shared/api/contracts';
import { DomainError } from '../../../shared/errors';
import { noteChangedCustomer, recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { findContractRow, getContract, toDetail } from './load';
import { contractNoTaken, nextContractNo } from './numbering';
import { CONTRACT_TABLES, insertContract, replaceInstallments, replaceLines, updateHeader, type ContractHeaderValues } from './persist';
import { findContractReference } from './references';
import {
  checkInstallments,
  checkPeriod,
  resolveAmount,
  resolveLines,
  throwFirst,
  type ContractProblem,
  type InstallmentDraft,
  type LineDraft,
  type ProductFacts,
  type ResolvedLine,
} from './rules';
import { contractSnapshot } from './snapshot';

type CreateInput = z.output<typeof contractCreateSchema>;
type UpdateInput = z.output<typeof contractUpdateSchema>;
type LineInput = CreateInput['lines'][number];
type InstallmentInput = CreateInput['installments'][number];

export function loadProductFacts(ctx: ServiceContext, ids: Iterable<string>): Map<string, ProductFacts> {
  const unique = [...new Set(ids)];
  const out = new Map<string, ProductFacts>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = ctx.db.all(
      ctx.db.k
        .selectFrom('products')
        .select(['id', 'code', 'name', 'spec', 'unit', 'archived_at'])
        .where('id', 'in', unique.slice(i, i + 500)),
    );
    for (const p of rows) out.set(p.id, { id: p.id, code: p.code, name: p.name, spec: p.spec, unit: p.unit, archived: p.archived_at !== null });
  }
  return out;
}

/** The customer a contract is (re)assigned to must exist and be in use. */
function checkCustomer(ctx: ServiceContext, customerId: string): void {
  const c = ctx.db.first(ctx.db.k.selectFrom('customers').select(['code', 'archived_at']).where('id', '=', customerId));
  if (!c) throw new DomainError('validation', '找不到该客户，请重新选择', 'customerId');
  if (c.archived_at !== null) throw new DomainError('validation', `客户 ${c.code} 已归档，不能签订新合同；请先恢复该客户`, 'customerId');
}

const toLineDraft = (l: LineInput): LineDraft => ({
  id: l.id,
  productId: l.productId,
  description: l.description,
  spec: l.spec,
  unit: l.unit,
  qtyThousandths: l.qty,
  unitPriceFen: l.unitPrice,
});

const toInstallmentDraft = (i: InstallmentInput): InstallmentDraft => ({ id: i.id, label: i.label, dueOn: i.dueOn, amountFen: i.amount });

export function createContract(ctx: ServiceContext, input: CreateInput): ContractDetail {
  return ctx.db.transaction(() => {
    checkCustomer(ctx, input.customerId);
    const drafts = input.lines.map(toLineDraft);
    const products = loadProductFacts(ctx, drafts.flatMap((l) => (l.productId ? [l.productId] : [])));
    const resolved = resolveLines(drafts, products);
    const amount = resolveAmount(input.kind, resolved.lines, input.amount);
    const installments = input.installments.map(toInstallmentDraft);
    throwFirst([
      ...checkPeriod(input.startsOn, input.endsOn),
      ...resolved.problems,
      ...amount.problems,
      ...checkInstallments(amount.amountFen, installments),
    ]);

    const contractNo = input.contractNo || nextContractNo(ctx, input.signedOn);
    if (contractNoTaken(ctx, contractNo)) throw new DomainError('conflict', `合同号 ${contractNo} 已被使用，请换一个`, 'contractNo');

    const id = insertContract(ctx, {
      contractNo,
      customerId: input.customerId,
      title: input.title,
      kind: input.kind,
      signedOn: input.signedOn,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      amountFen: amount.amountFen,
      amountManual: amount.amountManual,
      paymentTerms: input.paymentTerms,
      rebateTerms: input.rebateTerms,
      notes: input.notes,
      status: 'draft',
      terminatedReason: null,
      importBatchId: null,
      lines: resolved.lines,
      installments,
    });
    const after = getContract(ctx, id);
    recordChange(ctx, { entity: 'contract', entityId: id, action: 'create', before: null, after: contractSnapshot(after), tables: CONTRACT_TABLES, customerId: after.customerId });
    return after;
  });
}

/** Fields fixed once a contract is in force, with the name a clerk knows them by. */
const AGREED_FIELDS = {
  contractNo: '合同号',
  customerId: '客户',
  kind: '合同类型',
  signedOn: '签订日期',
  startsOn: '开始日期',
  endsOn: '结束日期',
  // Lines before the amount: a line edit changes the amount too, and the line is what the clerk touched.
  lines: '合同明细',
  installments: '付款计划',
  amount: '合同金额',
} as const;
type AgreedField = keyof typeof AGREED_FIELDS;

const lineKey = (l: ResolvedLine) => [l.productId, l.description, l.spec, l.unit, l.qtyThousandths, l.unitPriceFen];
const sameLines = (a: readonly ResolvedLine[], b: readonly ResolvedLine[]) =>
  JSON.stringify(a.map(lineKey)) === JSON.stringify(b.map(lineKey));
const installmentKey = (i: InstallmentDraft) => [i.label, i.dueOn, i.amountFen];
const sameInstallments = (a: readonly InstallmentDraft[], b: readonly InstallmentDraft[]) =>
  JSON.stringify(a.map(installmentKey)) === JSON.stringify(b.map(installmentKey));

export function updateContract(ctx: ServiceContext, input: UpdateInput): ContractDetail {
  return ctx.db.transaction(() => {
    const row = findContractRow(ctx, input.id);
    if (!row) throw new DomainError('not_found', '找不到该合同（可能已被撤销导入）', 'id');
    if (input.expectedUpdatedAt != null && input.expectedUpdatedAt !== row.updated_at) {
      throw new DomainError('conflict', '该合同已被其他人修改，请刷新后重新编辑', 'expectedUpdatedAt');
    }
    const current = toDetail(ctx, row);
    const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);

    const kind: ContractKind = pick(input.kind, current.kind);
    const customerId = pick(input.customerId, current.customerId);
    const signedOn = pick(input.signedOn, current.signedOn);
    const startsOn = pick(input.startsOn, current.startsOn);
    const endsOn = pick(input.endsOn, current.endsOn);
    // '' keeps the number: an empty field on an edit form means "unchanged", not "give me a new one".
    const contractNo = input.contractNo ? input.contractNo : current.contractNo;

    const currentLines: ResolvedLine[] = current.lines.map((l) => ({ ...l }));
    const currentInstallments: InstallmentDraft[] = current.installments.map((i) => ({ id: i.id, label: i.label, dueOn: i.dueOn, amountFen: i.amountFen }));
    let lines = currentLines;
    const problems: ContractProblem[] = [...checkPeriod(startsOn, endsOn)];
    if (input.lines !== undefined) {
      const drafts = input.lines.map(toLineDraft);
      const products = loadProductFacts(ctx, drafts.flatMap((l) => (l.productId ? [l.productId] : [])));
      const keep = new Set(current.lines.flatMap((l) => (l.productId ? [l.productId] : [])));
      const resolved = resolveLines(drafts, products, keep);
      lines = resolved.lines;
      problems.push(...resolved.problems);
    }
    const manual = input.amount !== undefined ? input.amount : current.amountManual ? current.amountFen : null;
    const amount = resolveAmount(kind, lines, manual);
    const installments = input.installments !== undefined ? input.installments.map(toInstallmentDraft) : currentInstallments;
    problems.push(...amount.problems, ...checkInstallments(amount.amountFen, installments));

    const changed: Record<AgreedField, boolean> = {
      contractNo: contractNo !== current.contractNo,
      customerId: customerId !== current.customerId,
      kind: kind !== current.kind,
      signedOn: signedOn !== current.signedOn,
      startsOn: startsOn !== current.startsOn,
      endsOn: endsOn !== current.endsOn,
      lines: !sameLines(lines, currentLines),
      installments: !sameInstallments(installments, currentInstallments),
      amount: amount.amountFen !== current.amountFen || amount.amountManual !== current.amountManual,
    };
    const agreedChanges = (Object.keys(changed) as AgreedField[]).filter((f) => changed[f]);
    const header: ContractHeaderValues = {
      contractNo,
      customerId,
      title: pick(input.title, current.title),
      kind,
      signedOn,
      startsOn,
      endsOn,
      amountFen: amount.amountFen,
      amountManual: amount.amountManual,
      paymentTerms: pick(input.paymentTerms, current.paymentTerms),
      rebateTerms: pick(input.rebateTerms, current.rebateTerms),
      notes: pick(input.notes, current.notes),
    };

    if (current.status === 'active' && agreedChanges.length) {
      const names = agreedChanges.map((f) => AGREED_FIELDS[f]).join('、');
      throw new DomainError(
        'conflict',
        `合同已生效，不能直接修改${names}。请先“退回草稿”并填写原因，修改后再重新生效；合同名称、付款条款、返利条款和备注可以直接修改`,
        agreedChanges[0],
      );
    }
    if (current.status === 'completed' || current.status === 'terminated') {
      const textChanged = (['title', 'paymentTerms', 'rebateTerms'] as const).find((f) => header[f] !== current[f]);
      const field = agreedChanges[0] ?? textChanged;
      if (field) {
        throw new DomainError('conflict', `合同已${current.status === 'completed' ? '完成' : '终止'}，只能修改备注`, field);
      }
    }
    throwFirst(problems);

    if (changed.contractNo) {
      if (!current.contractNoEditable) {
        throw new DomainError('conflict', '合同号在合同首次生效后不能修改（它已印在签署的合同上）', 'contractNo');
      }
      if (contractNoTaken(ctx, contractNo, current.id)) throw new DomainError('conflict', `合同号 ${contractNo} 已被使用，请换一个`, 'contractNo');
    }
    if (changed.customerId) {
      checkCustomer(ctx, customerId);
      const ref = findContractReference(ctx, { id: current.id });
      if (ref) throw new DomainError('conflict', `该合同已有 ${ref.count} 条${ref.label}，不能改到其他客户名下`, 'customerId');
    }

    const textChanged = (['title', 'paymentTerms', 'rebateTerms', 'notes'] as const).some((f) => header[f] !== current[f]);
    // Saving an unchanged form writes nothing: no empty audit rows, updatedAt stays.
    if (!agreedChanges.length && !textChanged) return current;

    updateHeader(ctx, current.id, header);
    if (changed.lines) replaceLines(ctx, current.id, lines);
    if (changed.installments) replaceInstallments(ctx, current.id, installments);
    const after = getContract(ctx, current.id);
    recordChange(ctx, {
      entity: 'contract',
      entityId: current.id,
      action: 'update',
      before: contractSnapshot(current),
      after: contractSnapshot(after),
      tables: CONTRACT_TABLES,
      customerId: after.customerId,
    });
    // Moved to another customer: the one it left changed too.
    if (current.customerId !== after.customerId) noteChangedCustomer(ctx, current.customerId);
    return after;
  });
}
