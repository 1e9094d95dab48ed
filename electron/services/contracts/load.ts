/**
 * Reading contracts back as the API shapes: the list row (contract joined
 * with its customer) and the detail with lines, schedule and attachments.
 * The derived status and days-to-end use the office's today from the clock.
 */
import type { Selectable } from 'kysely';
import type { ContractAttachmentsTable, ContractsTable } from '../../../db/tables/contracts';
import type {
  ContractAttachment,
  ContractDetail,
  ContractInstallment,
  ContractKind,
  ContractLine,
  ContractListRow,
  ContractStatus,
} from '../../../shared/api/contracts';
import { contractDisplayStatus, daysToEnd } from '../../../shared/contracts/status';
import { DomainError } from '../../../shared/errors';
import type { ServiceContext } from '../context';

/**
 * The contract columns plus the customer columns every list row shows.
 * Aliases: `k` contracts, `c` customers (the alias the customer search
 * conditions are written against, so they apply here unchanged).
 */
export function contractRowQuery(ctx: ServiceContext) {
  return ctx.db.k
    .selectFrom('contracts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .selectAll('k')
    .select(['c.code as customer_code', 'c.name as customer_name', 'c.salesperson as customer_salesperson']);
}

export type ContractRow = Selectable<ContractsTable> & {
  customer_code: string;
  customer_name: string;
  customer_salesperson: string;
};

export function toListRow(row: ContractRow, today: string): ContractListRow {
  const status = row.status as ContractStatus;
  return {
    id: row.id,
    contractNo: row.contract_no,
    customerId: row.customer_id,
    customerCode: row.customer_code,
    customerName: row.customer_name,
    salesperson: row.customer_salesperson,
    title: row.title,
    kind: row.kind as ContractKind,
    status,
    displayStatus: contractDisplayStatus(status, row.ends_on, today),
    signedOn: row.signed_on,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    daysToEnd: daysToEnd(row.ends_on, today),
    amountFen: row.amount_fen,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toAttachment(row: Selectable<ContractAttachmentsTable>): ContractAttachment {
  return {
    id: row.id,
    contractId: row.contract_id,
    sha256: row.sha256,
    fileName: row.file_name,
    size: row.size,
    mime: row.mime as ContractAttachment['mime'],
    addedAt: row.added_at,
    addedBy: row.added_by,
    removedAt: row.removed_at,
    removedBy: row.removed_by,
    removedReason: row.removed_reason,
  };
}

export function findContractRow(ctx: ServiceContext, id: string): ContractRow | undefined {
  return ctx.db.first(contractRowQuery(ctx).where('k.id', '=', id));
}

export function loadLines(ctx: ServiceContext, contractId: string): ContractLine[] {
  const rows = ctx.db.all(
    ctx.db.k
      .selectFrom('contract_lines as l')
      .leftJoin('products as p', 'p.id', 'l.product_id')
      .selectAll('l')
      .select('p.code as product_code')
      .where('l.contract_id', '=', contractId)
      .orderBy('l.seq'),
  );
  return rows.map((l) => ({
    id: l.id,
    seq: l.seq,
    productId: l.product_id,
    productCode: l.product_code,
    description: l.description,
    spec: l.spec,
    unit: l.unit,
    qtyThousandths: l.qty_thousandths,
    unitPriceFen: l.unit_price_fen,
    amountFen: l.amount_fen,
  }));
}

export function loadInstallments(ctx: ServiceContext, contractId: string): ContractInstallment[] {
  return ctx.db
    .all(ctx.db.k.selectFrom('contract_installments').selectAll().where('contract_id', '=', contractId).orderBy('seq'))
    .map((i) => ({ id: i.id, seq: i.seq, label: i.label, dueOn: i.due_on, amountFen: i.amount_fen }));
}

export function loadAttachments(ctx: ServiceContext, contractId: string): ContractAttachment[] {
  return ctx.db
    .all(
      ctx.db.k
        .selectFrom('contract_attachments')
        .selectAll()
        .where('contract_id', '=', contractId)
        .orderBy('added_at')
        .orderBy('id'),
    )
    .map(toAttachment);
}

export function toDetail(ctx: ServiceContext, row: ContractRow): ContractDetail {
  const installments = loadInstallments(ctx, row.id);
  return {
    ...toListRow(row, ctx.clock.today()),
    amountManual: row.amount_manual === 1,
    paymentTerms: row.payment_terms,
    rebateTerms: row.rebate_terms,
    notes: row.notes,
    terminatedReason: row.terminated_reason,
    reopenedAt: row.reopened_at,
    reopenReason: row.reopen_reason,
    importBatchId: row.import_batch_id,
    activatedAt: row.activated_at,
    completedAt: row.completed_at,
    terminatedAt: row.terminated_at,
    contractNoEditable: row.status === 'draft' && row.activated_at === null,
    lines: loadLines(ctx, row.id),
    installments,
    attachments: loadAttachments(ctx, row.id),
    installmentsTotalFen: installments.reduce((s, i) => s + i.amountFen, 0),
  };
}

export function getContract(ctx: ServiceContext, id: string): ContractDetail {
  const row = findContractRow(ctx, id);
  if (!row) throw new DomainError('not_found', '找不到该合同（可能已被撤销导入）', 'id');
  return toDetail(ctx, row);
}
