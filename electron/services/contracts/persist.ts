/**
 * Writing a contract's rows. Callers (create/update, import, demo) have
 * checked the rules and hold the transaction; they also write the audit row.
 */
import { DomainError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import type { ServiceContext } from '../context';
import type { InstallmentDraft, ResolvedLine } from './rules';

export const CONTRACT_TABLES = ['contracts', 'contract_lines', 'contract_installments'] as const;

export interface ContractHeaderValues {
  contractNo: string;
  customerId: string;
  title: string;
  kind: string;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  amountFen: number;
  amountManual: boolean;
  paymentTerms: string;
  rebateTerms: string;
  notes: string;
}

export interface NewContract extends ContractHeaderValues {
  status: 'draft' | 'active' | 'completed' | 'terminated';
  terminatedReason: string | null;
  importBatchId: string | null;
  lines: readonly ResolvedLine[];
  installments: readonly InstallmentDraft[];
}

export function insertContract(ctx: ServiceContext, c: NewContract): string {
  const id = newId();
  const at = ctx.clock.now().toISOString();
  ctx.db.run(
    ctx.db.k.insertInto('contracts').values({
      id,
      contract_no: c.contractNo,
      customer_id: c.customerId,
      title: c.title,
      kind: c.kind,
      signed_on: c.signedOn,
      starts_on: c.startsOn,
      ends_on: c.endsOn,
      amount_fen: c.amountFen,
      amount_manual: c.amountManual ? 1 : 0,
      status: c.status,
      payment_terms: c.paymentTerms,
      rebate_terms: c.rebateTerms,
      notes: c.notes,
      terminated_reason: c.status === 'terminated' ? c.terminatedReason : null,
      reopened_at: null,
      reopen_reason: null,
      import_batch_id: c.importBatchId,
      created_at: at,
      updated_at: at,
      // A contract recorded as already in force (or past it) was activated when it was recorded.
      activated_at: c.status === 'draft' ? null : at,
      completed_at: c.status === 'completed' ? at : null,
      terminated_at: c.status === 'terminated' ? at : null,
    }),
  );
  replaceLines(ctx, id, c.lines);
  replaceInstallments(ctx, id, c.installments);
  return id;
}

export function updateHeader(ctx: ServiceContext, id: string, v: ContractHeaderValues): void {
  ctx.db.run(
    ctx.db.k
      .updateTable('contracts')
      .set({
        contract_no: v.contractNo,
        customer_id: v.customerId,
        title: v.title,
        kind: v.kind,
        signed_on: v.signedOn,
        starts_on: v.startsOn,
        ends_on: v.endsOn,
        amount_fen: v.amountFen,
        amount_manual: v.amountManual ? 1 : 0,
        payment_terms: v.paymentTerms,
        rebate_terms: v.rebateTerms,
        notes: v.notes,
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id),
  );
}

/**
 * Rewrites a contract's child rows (lines or installments) to the given list,
 * numbered 1…n, updating rows in place. A row whose id is given and is one of
 * the contract's keeps that id: other areas may point at it (an invoice at
 * the installment it bills, the ledger's foreign key), so an edit must never
 * delete and recreate a row that still exists. Rows no longer in the list are
 * deleted; if something still points at one, the database refuses and the
 * clerk is told which row it is.
 */
function syncChildRows<R>(
  ctx: ServiceContext,
  table: 'contract_lines' | 'contract_installments',
  contractId: string,
  rows: readonly (R & { id?: string })[],
  write: { update(id: string, row: R, seq: number, at: string): void; insert(id: string, row: R, seq: number, at: string): void },
  rowName: (seq: number) => string,
): void {
  const at = ctx.clock.now().toISOString();
  const existing = ctx.db.all(ctx.db.k.selectFrom(table).select(['id', 'seq']).where('contract_id', '=', contractId));
  const existingIds = new Set(existing.map((r) => r.id));
  const ids: (string | null)[] = [];
  const kept = new Set<string>();
  for (const r of rows) {
    const keep = r.id !== undefined && existingIds.has(r.id) && !kept.has(r.id);
    if (keep && r.id !== undefined) kept.add(r.id);
    ids.push(keep && r.id !== undefined ? r.id : null);
  }
  for (const old of existing) {
    if (kept.has(old.id)) continue;
    try {
      ctx.db.run(ctx.db.k.deleteFrom(table).where('id', '=', old.id));
    } catch (e) {
      if ((e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new DomainError('conflict', `${rowName(old.seq)}已被其他单据引用（如应收单），不能删除；请保留这一行`, table === 'contract_lines' ? 'lines' : 'installments');
      }
      throw e;
    }
  }
  // Kept rows first move out of the way of the (contract_id, seq) unique index, then take their final place.
  const PARKED = 1_000_000;
  ids.forEach((id, i) => {
    if (id !== null) ctx.db.run(ctx.db.k.updateTable(table).set({ seq: PARKED + i }).where('id', '=', id));
  });
  rows.forEach((r, i) => {
    const id = ids[i];
    if (id !== null) write.update(id, r, i + 1, at);
    else write.insert(newId(), r, i + 1, at);
  });
}

const lineValues = (l: ResolvedLine) => ({
  product_id: l.productId,
  description: l.description,
  spec: l.spec,
  unit: l.unit,
  qty_thousandths: l.qtyThousandths,
  unit_price_fen: l.unitPriceFen,
  amount_fen: l.amountFen,
});

const installmentValues = (i: InstallmentDraft) => ({ label: i.label, due_on: i.dueOn, amount_fen: i.amountFen });

export function replaceLines(ctx: ServiceContext, contractId: string, lines: readonly ResolvedLine[]): void {
  syncChildRows(
    ctx,
    'contract_lines',
    contractId,
    lines,
    {
      update: (id, l, seq, at) => ctx.db.run(ctx.db.k.updateTable('contract_lines').set({ ...lineValues(l), seq, updated_at: at }).where('id', '=', id)),
      insert: (id, l, seq, at) =>
        ctx.db.run(
          ctx.db.k
            .insertInto('contract_lines')
            .values({ ...lineValues(l), id, contract_id: contractId, seq, created_at: at, updated_at: at }),
        ),
    },
    (seq) => `第 ${seq} 行明细`,
  );
}

export function replaceInstallments(ctx: ServiceContext, contractId: string, installments: readonly InstallmentDraft[]): void {
  syncChildRows(
    ctx,
    'contract_installments',
    contractId,
    installments,
    {
      update: (id, i, seq, at) =>
        ctx.db.run(ctx.db.k.updateTable('contract_installments').set({ ...installmentValues(i), seq, updated_at: at }).where('id', '=', id)),
      insert: (id, i, seq, at) =>
        ctx.db.run(
          ctx.db.k
            .insertInto('contract_installments')
            .values({ ...installmentValues(i), id, contract_id: contractId, seq, created_at: at, updated_at: at }),
        ),
    },
    (seq) => `第 ${seq} 期付款计划`,
  );
}
