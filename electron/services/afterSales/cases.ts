/**
 * 售后与投诉: the case register. Every write goes through recordChange and
 * adds a row to the case's timeline (after_sales_events, insert-only), so
 * the customer timeline shows who did what when. Status moves forward along
 * CASE_TRANSITIONS; a closed case is final.
 */
import type { z } from 'zod';
import type {
  AfterSalesCase,
  CaseDetail,
  CaseEvent,
  caseCreateSchema,
  caseLinkSchema,
  caseNoteSchema,
  caseStatusSchema,
  caseUpdateSchema,
} from '../../../shared/api/evaluation';
import { addDays, diffDays } from '../../../shared/dates/calendar';
import { CASE_STATUS_LABELS, CASE_TRANSITIONS, isCaseOpen, type CaseStatus, type CaseType } from '../../../shared/evaluation/enums';
import { DomainError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import type { AfterSalesCasesTable } from '../../../db/tables/afterSales';
import { getCustomerRow } from '../customers/customers';
import { getEvaluationSettings } from '../evaluation/settings';

/** A case as CASE_SELECT reads it: the stored row (`k.*`) and the names it points to. */
export interface CaseRow extends AfterSalesCasesTable {
  customer_code: string;
  customer_name: string;
  product_name: string | null;
  contract_no: string | null;
  credit_note_no: string | null;
  credit_note_fen: number | null;
}

export const CASE_SELECT = `SELECT k.*, c.code AS customer_code, c.name AS customer_name, p.name AS product_name, ct.contract_no AS contract_no,
    d.doc_no AS credit_note_no, d.amount_fen AS credit_note_fen
  FROM after_sales_cases k JOIN customers c ON c.id = k.customer_id
  LEFT JOIN products p ON p.id = k.product_id LEFT JOIN contracts ct ON ct.id = k.contract_id LEFT JOIN ar_documents d ON d.id = k.credit_note_id`;

export function caseFromRow(r: CaseRow, asOf: string): AfterSalesCase {
  const status = r.status as CaseStatus;
  const endOn = r.resolved_on ?? r.closed_on ?? asOf;
  return {
    id: r.id,
    caseNo: r.case_no,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    type: r.type as CaseType,
    productId: r.product_id,
    productName: r.product_name,
    contractId: r.contract_id,
    contractNo: r.contract_no,
    description: r.description,
    receivedOn: r.received_on,
    promisedOn: r.promised_on,
    owner: r.owner,
    status,
    resolution: r.resolution,
    feedback: r.feedback,
    creditNoteId: r.credit_note_id,
    creditNoteNo: r.credit_note_no,
    creditNoteFen: r.credit_note_fen,
    resolvedOn: r.resolved_on,
    closedOn: r.closed_on,
    ageDays: Math.max(0, diffDays(endOn < asOf ? endOn : asOf, r.received_on)),
    overdue: isCaseOpen(status) && r.promised_on < asOf,
    updatedAt: r.updated_at,
  };
}

interface EventRow {
  id: string;
  case_id: string;
  case_no: string;
  on_date: string;
  at: string;
  user: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string;
}

const eventFromRow = (r: EventRow): CaseEvent => ({
  id: r.id,
  caseId: r.case_id,
  caseNo: r.case_no,
  onDate: r.on_date,
  at: r.at,
  user: r.user,
  action: r.action as CaseEvent['action'],
  fromStatus: r.from_status as CaseStatus | null,
  toStatus: r.to_status as CaseStatus | null,
  note: r.note,
});

const EVENTS_SQL = `SELECT e.*, k.case_no FROM after_sales_events e JOIN after_sales_cases k ON k.id = e.case_id`;

/** Every case event of a customer, newest first (the customer timeline). */
export function customerCaseEvents(ctx: ServiceContext, customerId: string): CaseEvent[] {
  return (ctx.db.prepare(`${EVENTS_SQL} WHERE e.customer_id = ? ORDER BY e.on_date DESC, e.at DESC, e.id DESC`).all(customerId) as EventRow[]).map(eventFromRow);
}

function caseRow(ctx: ServiceContext, id: string): CaseRow {
  const row = ctx.db.prepare(`${CASE_SELECT} WHERE k.id = ?`).get(id) as CaseRow | undefined;
  if (!row) throw new DomainError('not_found', '找不到该售后单', 'id');
  return row;
}

export function getCase(ctx: ServiceContext, id: string): CaseDetail {
  const row = caseRow(ctx, id);
  const events = (ctx.db.prepare(`${EVENTS_SQL} WHERE e.case_id = ? ORDER BY e.at, e.id`).all(id) as EventRow[]).map(eventFromRow);
  return { ...caseFromRow(row, ctx.clock.today()), events };
}

function addEvent(ctx: ServiceContext, c: { id: string; customer_id: string }, e: Pick<CaseEvent, 'action' | 'fromStatus' | 'toStatus' | 'note'> & { onDate: string }): void {
  ctx.db.run(
    ctx.db.k.insertInto('after_sales_events').values({
      id: newId(),
      case_id: c.id,
      customer_id: c.customer_id,
      on_date: e.onDate,
      at: ctx.clock.now().toISOString(),
      user: ctx.actor.user,
      action: e.action,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      note: e.note,
    }),
  );
}

/** SH + received month + a 4-digit sequence per month (SH202611-0001). */
function nextCaseNo(ctx: ServiceContext, receivedOn: string): string {
  const prefix = `SH${receivedOn.slice(0, 4)}${receivedOn.slice(5, 7)}-`;
  const r = ctx.db.prepare(`SELECT max(case_no) AS last FROM after_sales_cases WHERE case_no LIKE ?`).get(`${prefix}%`) as { last: string | null };
  const n = r.last === null ? 1 : Number(r.last.slice(prefix.length)) + 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}

function checkReferences(ctx: ServiceContext, customerId: string, productId: string | null | undefined, contractId: string | null | undefined): void {
  if (productId) {
    if (!ctx.db.prepare(`SELECT 1 FROM products WHERE id = ?`).get(productId)) throw new DomainError('validation', '找不到所选产品', 'productId');
  }
  if (contractId) {
    const c = ctx.db.prepare(`SELECT customer_id FROM contracts WHERE id = ?`).get(contractId) as { customer_id: string } | undefined;
    if (!c) throw new DomainError('validation', '找不到所选合同', 'contractId');
    if (c.customer_id !== customerId) throw new DomainError('validation', '所选合同不属于该客户', 'contractId');
  }
}

const snapshot = (c: AfterSalesCase) => {
  const { ageDays: _a, overdue: _o, updatedAt: _u, customerCode: _cc, customerName: _cn, productName: _p, contractNo: _n, creditNoteNo: _d, creditNoteFen: _f, ...rest } = c;
  return rest;
};

export function createCase(ctx: ServiceContext, input: z.output<typeof caseCreateSchema>): CaseDetail {
  return ctx.db.transaction(() => {
    const customer = getCustomerRow(ctx, input.customerId);
    if (customer.archived_at !== null) throw new DomainError('validation', `客户“${customer.name}”已归档，请先恢复后再登记售后`, 'customerId');
    checkReferences(ctx, input.customerId, input.productId, input.contractId);
    const promisedOn = input.promisedOn ?? addDays(input.receivedOn, getEvaluationSettings(ctx).caseResponseDays);
    const id = newId();
    const at = ctx.clock.now().toISOString();
    ctx.db.run(
      ctx.db.k.insertInto('after_sales_cases').values({
        id,
        case_no: nextCaseNo(ctx, input.receivedOn),
        customer_id: input.customerId,
        type: input.type,
        product_id: input.productId,
        contract_id: input.contractId,
        description: input.description,
        received_on: input.receivedOn,
        promised_on: promisedOn,
        owner: input.owner,
        status: 'open',
        resolution: '',
        feedback: '',
        credit_note_id: null,
        resolved_on: null,
        closed_on: null,
        created_at: at,
        updated_at: at,
      }),
    );
    addEvent(ctx, { id, customer_id: input.customerId }, { action: 'created', fromStatus: null, toStatus: 'open', note: input.description, onDate: input.receivedOn });
    const detail = getCase(ctx, id);
    recordChange(ctx, { entity: 'after_sales_case', entityId: id, action: 'create', before: null, after: snapshot(detail), tables: ['after_sales_cases', 'after_sales_events'], customerId: input.customerId });
    return detail;
  });
}

export function updateCase(ctx: ServiceContext, input: z.output<typeof caseUpdateSchema>): CaseDetail {
  return ctx.db.transaction(() => {
    const before = getCase(ctx, input.id);
    if (before.status === 'closed') throw new DomainError('conflict', `售后单 ${before.caseNo} 已关闭，不能再修改`, 'id');
    const receivedOn = input.receivedOn ?? before.receivedOn;
    const promisedOn = input.promisedOn ?? before.promisedOn;
    if (promisedOn < receivedOn) throw new DomainError('validation', `承诺答复日期（${promisedOn}）不能早于受理日期（${receivedOn}）`, 'promisedOn');
    checkReferences(ctx, before.customerId, input.productId, input.contractId);
    const { id: _id, ...fields } = input;
    const set: Record<string, unknown> = { updated_at: ctx.clock.now().toISOString() };
    const columns: Record<string, string> = {
      type: 'type',
      productId: 'product_id',
      contractId: 'contract_id',
      description: 'description',
      receivedOn: 'received_on',
      promisedOn: 'promised_on',
      owner: 'owner',
      resolution: 'resolution',
      feedback: 'feedback',
    };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && columns[k]) set[columns[k]] = v;
    ctx.db.run(ctx.db.k.updateTable('after_sales_cases').set(set).where('id', '=', input.id));
    addEvent(ctx, { id: input.id, customer_id: before.customerId }, { action: 'edited', fromStatus: null, toStatus: null, note: '', onDate: ctx.clock.today() });
    const after = getCase(ctx, input.id);
    recordChange(ctx, { entity: 'after_sales_case', entityId: input.id, action: 'update', before: snapshot(before), after: snapshot(after), tables: ['after_sales_cases', 'after_sales_events'], customerId: before.customerId });
    return after;
  });
}

export function setCaseStatus(ctx: ServiceContext, input: z.output<typeof caseStatusSchema>): CaseDetail {
  return ctx.db.transaction(() => {
    const before = getCase(ctx, input.id);
    const date = input.date ?? ctx.clock.today();
    if (!CASE_TRANSITIONS[before.status].includes(input.status)) {
      throw new DomainError(
        'validation',
        `售后单 ${before.caseNo} 当前为“${CASE_STATUS_LABELS[before.status]}”，不能改为“${CASE_STATUS_LABELS[input.status]}”`,
        'status',
      );
    }
    if (date < before.receivedOn) throw new DomainError('validation', `日期（${date}）不能早于受理日期（${before.receivedOn}）`, 'date');
    const resolution = input.resolution ?? before.resolution;
    if ((input.status === 'resolved' || input.status === 'closed') && resolution.trim() === '' && before.status !== 'resolved') {
      throw new DomainError('validation', '请填写处理结果后再标记为已解决或关闭', 'resolution');
    }
    const set: Record<string, unknown> = { status: input.status, resolution, feedback: input.feedback ?? before.feedback, updated_at: ctx.clock.now().toISOString() };
    if (input.status === 'resolved') set.resolved_on = date;
    if (input.status === 'in_progress') set.resolved_on = null;
    if (input.status === 'closed') {
      set.closed_on = date;
      if (before.resolvedOn === null) set.resolved_on = date;
    }
    ctx.db.run(ctx.db.k.updateTable('after_sales_cases').set(set).where('id', '=', input.id));
    addEvent(ctx, { id: input.id, customer_id: before.customerId }, { action: 'status', fromStatus: before.status, toStatus: input.status, note: input.note, onDate: date });
    const after = getCase(ctx, input.id);
    recordChange(ctx, { entity: 'after_sales_case', entityId: input.id, action: 'status', before: snapshot(before), after: snapshot(after), tables: ['after_sales_cases', 'after_sales_events'], customerId: before.customerId });
    return after;
  });
}

export function linkCreditNote(ctx: ServiceContext, input: z.output<typeof caseLinkSchema>): CaseDetail {
  return ctx.db.transaction(() => {
    const before = getCase(ctx, input.id);
    if (input.creditNoteId !== null) {
      const d = ctx.db.prepare(`SELECT customer_id, kind, doc_no FROM ar_documents WHERE id = ?`).get(input.creditNoteId) as
        | { customer_id: string; kind: string; doc_no: string }
        | undefined;
      if (!d || d.kind !== 'credit_note') throw new DomainError('validation', '只能关联退货/折让（贷项）单据', 'creditNoteId');
      if (d.customer_id !== before.customerId) throw new DomainError('validation', '所选退货/折让单不属于该客户', 'creditNoteId');
    }
    ctx.db.run(ctx.db.k.updateTable('after_sales_cases').set({ credit_note_id: input.creditNoteId, updated_at: ctx.clock.now().toISOString() }).where('id', '=', input.id));
    const after = getCase(ctx, input.id);
    addEvent(ctx, { id: input.id, customer_id: before.customerId }, {
      action: 'credit_note',
      fromStatus: null,
      toStatus: null,
      note: after.creditNoteNo ?? '',
      onDate: ctx.clock.today(),
    });
    recordChange(ctx, { entity: 'after_sales_case', entityId: input.id, action: 'link_credit_note', before: snapshot(before), after: snapshot(after), tables: ['after_sales_cases', 'after_sales_events'], customerId: before.customerId });
    return getCase(ctx, input.id);
  });
}

export function addCaseNote(ctx: ServiceContext, input: z.output<typeof caseNoteSchema>): CaseDetail {
  return ctx.db.transaction(() => {
    const c = getCase(ctx, input.id);
    addEvent(ctx, { id: input.id, customer_id: c.customerId }, { action: 'note', fromStatus: null, toStatus: null, note: input.note, onDate: ctx.clock.today() });
    recordChange(ctx, { entity: 'after_sales_case', entityId: input.id, action: 'note', before: null, after: { note: input.note }, tables: ['after_sales_events'], customerId: c.customerId });
    return getCase(ctx, input.id);
  });
}
