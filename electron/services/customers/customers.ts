/**
 * Customers: create, update, archive/restore, delete (only when nothing
 * refers to the customer), and the lookups behind the form (next code,
 * defaults, filter facets). Every write is one transaction with its audit rows.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  CustomerDefaults,
  CustomerDetail,
  CustomerFacets,
  customerCreateSchema,
  customerUpdateSchema,
} from '../../../shared/api/customers';
import { DomainError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { seriesLetter } from '../sync/series';
import { findReference } from '../references/registry';
import { getReceivablesSettings } from '../settings/receivables';
import { insertContact, listContacts, deleteContactsOf } from './contacts';
import { loadPinyin, pinyinSearchText, pinyinSortKey } from './pinyinInitials';
import { customerFromRow, customerSnapshot, type CustomerRow } from './rows';

export type CustomerCreate = z.output<typeof customerCreateSchema>;
export type CustomerUpdate = z.output<typeof customerUpdateSchema>;

const TABLES = ['customers'] as const;

export function findCustomerRow(ctx: ServiceContext, id: string): CustomerRow | undefined {
  return ctx.db.first(ctx.db.k.selectFrom('customers').selectAll().where('id', '=', id));
}

export function getCustomerRow(ctx: ServiceContext, id: string): CustomerRow {
  const row = findCustomerRow(ctx, id);
  if (!row) throw new DomainError('not_found', '找不到该客户，可能已被删除', 'id');
  return row;
}

/** Archived customers are read-only until restored: nothing new should be booked against them by accident. */
export function assertCustomerActive(row: CustomerRow): void {
  if (row.archived_at !== null) {
    throw new DomainError('validation', `客户“${row.name}”已归档，请先恢复后再修改`, 'customerId');
  }
}

/** The customer using this code (codes are unique ignoring case), if any. */
export function customerWithCode(ctx: ServiceContext, code: string, exceptId: string | null = null): CustomerRow | undefined {
  let q = ctx.db.k.selectFrom('customers').selectAll().where(sql<boolean>`code = ${code} COLLATE NOCASE`);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return ctx.db.first(q.limit(1));
}

/** The non-archived customer with this name, if any. */
export function activeCustomerWithName(ctx: ServiceContext, name: string, exceptId: string | null = null): CustomerRow | undefined {
  let q = ctx.db.k.selectFrom('customers').selectAll().where('name', '=', name).where('archived_at', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return ctx.db.first(q.limit(1));
}

export const codeTakenMessage = (code: string, holder: CustomerRow): string =>
  `客户编码“${code}”已存在（客户“${holder.name}”${holder.archived_at ? '，已归档' : ''}）`;
export const nameTakenMessage = (name: string, holder: CustomerRow): string =>
  `客户名称“${name}”已存在（编码 ${holder.code}），同名客户只能有一个在用`;

function assertCodeFree(ctx: ServiceContext, code: string, exceptId: string | null): void {
  const holder = customerWithCode(ctx, code, exceptId);
  if (holder) throw new DomainError('validation', codeTakenMessage(code, holder), 'code');
}

function assertNameFree(ctx: ServiceContext, name: string, exceptId: string | null): void {
  const holder = activeCustomerWithName(ctx, name, exceptId);
  if (holder) throw new DomainError('validation', nameTakenMessage(name, holder), 'name');
}

/** The non-archived customer registered under this tax id (统一社会信用代码), if any; '' is no tax id. */
export function activeCustomerWithTaxId(ctx: ServiceContext, taxId: string, exceptId: string | null = null): CustomerRow | undefined {
  if (taxId === '') return undefined;
  let q = ctx.db.k.selectFrom('customers').selectAll().where('tax_id', '=', taxId).where('archived_at', 'is', null);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return ctx.db.first(q.limit(1));
}

export const taxIdTakenMessage = (taxId: string, holder: CustomerRow): string =>
  `统一社会信用代码“${taxId}”已被客户“${holder.name}”（编码 ${holder.code}）使用，一个企业只能有一个在用客户`;

/**
 * Since sync (issue 12) these are the only guard on one PC: the unique indexes are gone
 * (migration 0017) so that duplicates created on two PCs offline can both be kept and flagged.
 */
function assertTaxIdFree(ctx: ServiceContext, taxId: string, exceptId: string | null): void {
  const holder = activeCustomerWithTaxId(ctx, taxId, exceptId);
  if (holder) throw new DomainError('validation', taxIdTakenMessage(taxId, holder), 'taxId');
}

export function deleteBlockedReason(ctx: ServiceContext, row: CustomerRow): string | null {
  const ref = findReference(ctx, 'customer', { id: row.id });
  return ref ? `客户“${row.name}”已有 ${ref.count} 条${ref.label}，不能删除；不再往来的客户请归档` : null;
}

export function getCustomer(ctx: ServiceContext, id: string): CustomerDetail {
  const row = getCustomerRow(ctx, id);
  const customer = customerFromRow(row);
  return {
    ...customer,
    contacts: listContacts(ctx, id),
    effectivePaymentTermDays: customer.paymentTermDays ?? getReceivablesSettings(ctx).defaultPaymentTermDays,
    deleteBlockedReason: deleteBlockedReason(ctx, row),
  };
}

export interface InsertCustomerOptions {
  importBatchId?: string | null;
  /** Audit action; imports say 'import' so the history tab tells typed and imported records apart. */
  action?: string;
  /**
   * The caller has already checked code and name against the database in
   * this transaction (an import checks every row before writing any); the
   * unique indexes still guard the insert.
   */
  prechecked?: boolean;
}

/**
 * Inserts one customer (and its first contact) with audit rows, inside the
 * caller's transaction. pinyin-pro must be loaded (await loadPinyin()). The
 * batch loaders (import, demo) call this per record so every record obeys
 * the same checks and is audited like a typed one.
 */
export function insertCustomer(ctx: ServiceContext, input: CustomerCreate, opts: InsertCustomerOptions = {}): string {
  if (!opts.prechecked) {
    assertCodeFree(ctx, input.code, null);
    assertNameFree(ctx, input.name, null);
    assertTaxIdFree(ctx, input.taxId, null);
  }
  const at = ctx.clock.now().toISOString();
  const row: CustomerRow = {
    id: newId(),
    code: input.code,
    name: input.name,
    short_name: input.shortName,
    pinyin: pinyinSearchText(input.name, input.shortName),
    sort_key: pinyinSortKey(input.name),
    kind: input.kind,
    grade: input.grade,
    region: input.region,
    address: input.address,
    tax_id: input.taxId,
    bank_name: input.bankName,
    bank_account: input.bankAccount,
    credit_limit_fen: input.creditLimitFen,
    payment_term_days: input.paymentTermDays,
    salesperson: input.salesperson,
    status: input.status,
    tags: JSON.stringify(input.tags),
    notes: input.notes,
    archived_at: null,
    import_batch_id: opts.importBatchId ?? null,
    created_at: at,
    updated_at: at,
    layer: input.layer,
    visit_interval_days: input.visitIntervalDays,
    merged_into: null,
  };
  ctx.db.run(ctx.db.k.insertInto('customers').values(row));
  recordChange(ctx, {
    entity: 'customer',
    entityId: row.id,
    action: opts.action ?? 'create',
    before: null,
    after: customerSnapshot(customerFromRow(row)),
    tables: TABLES,
    customerId: row.id,
  });
  if (input.contact) insertContact(ctx, row.id, { ...input.contact, isPrimary: true }, opts.action ?? 'create');
  return row.id;
}

export async function createCustomer(ctx: ServiceContext, input: CustomerCreate): Promise<CustomerDetail> {
  await loadPinyin();
  return ctx.db.transaction(() => getCustomer(ctx, insertCustomer(ctx, input)));
}

export async function updateCustomer(ctx: ServiceContext, input: CustomerUpdate): Promise<CustomerDetail> {
  const { id, expectedUpdatedAt, ...changes } = input;
  await loadPinyin();
  return ctx.db.transaction(() => {
    const row = getCustomerRow(ctx, id);
    assertCustomerActive(row);
    if (expectedUpdatedAt && expectedUpdatedAt !== row.updated_at) {
      throw new DomainError('conflict', `客户“${row.name}”已被其他人修改，请重新打开后再保存`, null);
    }
    const before = customerFromRow(row);
    const next = { ...before };
    for (const [key, value] of Object.entries(changes) as [keyof typeof changes, unknown][]) {
      if (value !== undefined) (next as Record<string, unknown>)[key] = value;
    }
    if (JSON.stringify(customerSnapshot(next)) === JSON.stringify(customerSnapshot(before))) return getCustomer(ctx, id);
    if (next.code !== before.code) assertCodeFree(ctx, next.code, id);
    if (next.name !== before.name) assertNameFree(ctx, next.name, id);
    if (next.taxId !== before.taxId) assertTaxIdFree(ctx, next.taxId, id);

    ctx.db.run(
      ctx.db.k
        .updateTable('customers')
        .set({
          code: next.code,
          name: next.name,
          short_name: next.shortName,
          pinyin: pinyinSearchText(next.name, next.shortName),
          sort_key: pinyinSortKey(next.name),
          kind: next.kind,
          grade: next.grade,
          region: next.region,
          address: next.address,
          tax_id: next.taxId,
          bank_name: next.bankName,
          bank_account: next.bankAccount,
          credit_limit_fen: next.creditLimitFen,
          payment_term_days: next.paymentTermDays,
          salesperson: next.salesperson,
          status: next.status,
          tags: JSON.stringify(next.tags),
          notes: next.notes,
          layer: next.layer,
          visit_interval_days: next.visitIntervalDays,
          updated_at: ctx.clock.now().toISOString(),
        })
        .where('id', '=', id),
    );
    recordChange(ctx, {
      entity: 'customer',
      entityId: id,
      action: 'update',
      before: customerSnapshot(before),
      after: customerSnapshot(customerFromRow(getCustomerRow(ctx, id))),
      tables: TABLES,
      customerId: id,
    });
    return getCustomer(ctx, id);
  });
}

function setArchived(ctx: ServiceContext, id: string, archive: boolean, reason: string): CustomerDetail {
  return ctx.db.transaction(() => {
    const row = getCustomerRow(ctx, id);
    if (archive && row.archived_at !== null) throw new DomainError('validation', `客户“${row.name}”已经归档`, 'id');
    if (!archive && row.archived_at === null) throw new DomainError('validation', `客户“${row.name}”没有归档，无需恢复`, 'id');
    // Restoring brings the name back into use, where it must be unique again.
    if (!archive) assertNameFree(ctx, row.name, id);
    if (!archive) assertTaxIdFree(ctx, row.tax_id, id);
    const at = ctx.clock.now().toISOString();
    ctx.db.run(ctx.db.k.updateTable('customers').set({ archived_at: archive ? at : null, updated_at: at }).where('id', '=', id));
    recordChange(ctx, {
      entity: 'customer',
      entityId: id,
      action: archive ? 'archive' : 'restore',
      before: customerSnapshot(customerFromRow(row)),
      after: { ...customerSnapshot(customerFromRow(getCustomerRow(ctx, id))), reason },
      tables: TABLES,
      customerId: id,
    });
    return getCustomer(ctx, id);
  });
}

export const archiveCustomer = (ctx: ServiceContext, id: string, reason: string): CustomerDetail => setArchived(ctx, id, true, reason);
export const restoreCustomer = (ctx: ServiceContext, id: string, reason: string): CustomerDetail => setArchived(ctx, id, false, reason);

/**
 * Removes a customer and its contacts, with audit rows, inside the caller's
 * transaction. Callers check references first (deleteCustomer, import undo).
 */
export function removeCustomer(ctx: ServiceContext, row: CustomerRow, reason: string): void {
  deleteContactsOf(ctx, row.id, reason);
  ctx.db.run(ctx.db.k.deleteFrom('customers').where('id', '=', row.id));
  recordChange(ctx, {
    entity: 'customer',
    entityId: row.id,
    action: 'delete',
    before: customerSnapshot(customerFromRow(row)),
    after: { reason },
    tables: TABLES,
  });
}

export function deleteCustomer(ctx: ServiceContext, id: string, reason: string): { id: string; deleted: true } {
  return ctx.db.transaction(() => {
    const row = getCustomerRow(ctx, id);
    const blocked = deleteBlockedReason(ctx, row);
    if (blocked) throw new DomainError('validation', blocked, 'id');
    removeCustomer(ctx, row, reason);
    return { id, deleted: true as const };
  });
}

const DEFAULT_CODE_PREFIX = 'C';
const DEFAULT_CODE_DIGITS = 4;

/**
 * The next free code in the office's own series: the prefix of the most
 * recently added customer's code (C, KH-, …), numbered one above the largest
 * number in use with that prefix, zero-padded like it. C0001 for an empty file.
 */
export function nextCustomerCode(ctx: ServiceContext): string {
  const latest = ctx.db.first(ctx.db.k.selectFrom('customers').select('code').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1));
  let m = latest ? /^(.*?)(\d+)$/.exec(latest.code) : null;
  let prefix = m ? m[1] : DEFAULT_CODE_PREFIX;
  // With LAN sync on, this PC's codes carry its series letter before the digits (CA0001):
  // continue this PC's own latest series code, else the office's prefix plus the letter.
  const series = seriesLetter(ctx);
  if (series) {
    const own = ctx.db.first(
      ctx.db.k.selectFrom('customers').select('code').where(sql<boolean>`code GLOB ${`*${series}[0-9]*`}`).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1),
    );
    const o = own ? new RegExp(`^(.*${series})(\\d+)$`).exec(own.code) : null;
    if (o) m = o;
    prefix = o ? o[1] : `${prefix}${series}`;
    if (!o) m = null;
  }
  let digits = m ? Math.max(m[2].length, 1) : DEFAULT_CODE_DIGITS;
  const rows = ctx.db.all(
    ctx.db.k.selectFrom('customers').select('code').where(sql<boolean>`substr(code, 1, ${prefix.length}) = ${prefix} COLLATE NOCASE`),
  );
  let max = 0;
  for (const { code } of rows) {
    const rest = code.slice(prefix.length);
    if (/^\d+$/.test(rest)) {
      max = Math.max(max, Number(rest));
      digits = Math.max(digits, rest.length);
    }
  }
  let n = max + 1;
  let code = `${prefix}${String(n).padStart(digits, '0')}`;
  // A code like "C0012A" cannot collide with digits-only suffixes, but stay safe against odd data.
  while (customerWithCode(ctx, code)) code = `${prefix}${String(++n).padStart(digits, '0')}`;
  return code;
}

/**
 * Codes for customers that arrive without one (an import's blank 客户编码):
 * the office's series as nextCustomerCode continues it, numbered past every
 * code already on file and past `alsoTaken` (the codes the same file brings),
 * so a blank row never takes a code another row of the file spells out.
 */
export function customerCodeSeries(ctx: ServiceContext, alsoTaken: readonly string[] = []): () => string {
  const m = /^(.*?)(\d+)$/.exec(nextCustomerCode(ctx))!;
  const prefix = m[1];
  const digits = m[2].length;
  let n = Number(m[2]);
  const lowerPrefix = prefix.toLowerCase();
  for (const code of alsoTaken) {
    const lower = code.toLowerCase();
    const rest = lower.slice(prefix.length);
    if (lower.startsWith(lowerPrefix) && /^\d+$/.test(rest)) n = Math.max(n, Number(rest) + 1);
  }
  const taken = new Set(alsoTaken.map((c) => c.toLowerCase()));
  return () => {
    let code = `${prefix}${String(n++).padStart(digits, '0')}`;
    while (taken.has(code.toLowerCase()) || customerWithCode(ctx, code)) code = `${prefix}${String(n++).padStart(digits, '0')}`;
    taken.add(code.toLowerCase());
    return code;
  };
}

export function customerDefaults(ctx: ServiceContext): CustomerDefaults {
  return { code: nextCustomerCode(ctx), paymentTermDays: getReceivablesSettings(ctx).defaultPaymentTermDays, status: 'active' };
}

/** Distinct values for the list's filter dropdowns, from customers in use. */
export function customerFacets(ctx: ServiceContext): CustomerFacets {
  const distinct = (column: 'region' | 'salesperson'): string[] =>
    ctx.db
      .all(
        ctx.db.k
          .selectFrom('customers')
          .select(column)
          .distinct()
          .where('archived_at', 'is', null)
          .where(column, '<>', '')
          .orderBy(column),
      )
      .map((r) => r[column]);
  const tags = ctx.db.all(
    sql<{ tag: string }>`SELECT DISTINCT j.value AS tag FROM customers c, json_each(c.tags) j
      WHERE c.archived_at IS NULL ORDER BY j.value`.compile(ctx.db.k),
  );
  return { regions: distinct('region'), salespeople: distinct('salesperson'), tags: tags.map((t) => t.tag) };
}
