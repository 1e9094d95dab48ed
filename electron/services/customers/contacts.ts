/**
 * Contacts of a customer. Exactly one is primary whenever there are any: the
 * first one added becomes primary, choosing another demotes the old one, and
 * deleting the primary promotes the oldest remaining contact. (The database
 * allows at most one primary; the "at least one" half is kept here.)
 */
import type { z } from 'zod';
import type { Contact, contactFieldsSchema, contactUpdateSchema } from '../../../shared/api/customers';
import { DomainError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { contactFromRow, contactSnapshot, type ContactRow, type CustomerRow } from './rows';

export type ContactFields = z.output<typeof contactFieldsSchema>;
export type ContactUpdate = z.output<typeof contactUpdateSchema>;

const TABLES = ['contacts'] as const;

/** Primary first, then in the order they were added. */
export function listContacts(ctx: ServiceContext, customerId: string): Contact[] {
  return ctx.db
    .all(
      ctx.db.k
        .selectFrom('contacts')
        .selectAll()
        .where('customer_id', '=', customerId)
        .orderBy('is_primary', 'desc')
        .orderBy('created_at')
        .orderBy('id'),
    )
    .map(contactFromRow);
}

function getContactRow(ctx: ServiceContext, id: string): ContactRow {
  const row = ctx.db.first(ctx.db.k.selectFrom('contacts').selectAll().where('id', '=', id));
  if (!row) throw new DomainError('not_found', '找不到该联系人，可能已被删除', 'id');
  return row;
}

/** The customer must exist and be in use: archived customers are read-only. */
function activeCustomer(ctx: ServiceContext, customerId: string): CustomerRow {
  const row = ctx.db.first(ctx.db.k.selectFrom('customers').selectAll().where('id', '=', customerId));
  if (!row) throw new DomainError('not_found', '找不到该客户，可能已被删除', 'customerId');
  if (row.archived_at !== null) throw new DomainError('validation', `客户“${row.name}”已归档，请先恢复后再修改联系人`, 'customerId');
  return row;
}

function setPrimaryFlag(ctx: ServiceContext, row: ContactRow, primary: boolean, action: string): void {
  if ((row.is_primary === 1) === primary) return;
  ctx.db.run(
    ctx.db.k
      .updateTable('contacts')
      .set({ is_primary: primary ? 1 : 0, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', row.id),
  );
  recordChange(ctx, {
    entity: 'contact',
    entityId: row.id,
    action,
    before: contactSnapshot(contactFromRow(row)),
    after: contactSnapshot(contactFromRow(getContactRow(ctx, row.id))),
    tables: TABLES,
  });
}

function currentPrimary(ctx: ServiceContext, customerId: string): ContactRow | undefined {
  return ctx.db.first(ctx.db.k.selectFrom('contacts').selectAll().where('customer_id', '=', customerId).where('is_primary', '=', 1));
}

/** Inside the caller's transaction; used by customer create and imports too. */
export function insertContact(ctx: ServiceContext, customerId: string, fields: ContactFields, action = 'create'): string {
  const existing = currentPrimary(ctx, customerId);
  const primary = fields.isPrimary || !existing;
  if (primary && existing) setPrimaryFlag(ctx, existing, false, 'unset_primary');
  const at = ctx.clock.now().toISOString();
  const row: ContactRow = {
    id: newId(),
    customer_id: customerId,
    name: fields.name,
    title: fields.title,
    mobile: fields.mobile,
    phone: fields.phone,
    email: fields.email,
    wechat: fields.wechat,
    is_primary: primary ? 1 : 0,
    created_at: at,
    updated_at: at,
  };
  ctx.db.run(ctx.db.k.insertInto('contacts').values(row));
  recordChange(ctx, { entity: 'contact', entityId: row.id, action, before: null, after: contactSnapshot(contactFromRow(row)), tables: TABLES });
  return row.id;
}

export function createContact(ctx: ServiceContext, customerId: string, fields: ContactFields): Contact {
  return ctx.db.transaction(() => {
    activeCustomer(ctx, customerId);
    return contactFromRow(getContactRow(ctx, insertContact(ctx, customerId, fields)));
  });
}

export function updateContact(ctx: ServiceContext, input: ContactUpdate): Contact {
  const { id, ...changes } = input;
  return ctx.db.transaction(() => {
    const row = getContactRow(ctx, id);
    activeCustomer(ctx, row.customer_id);
    const before = contactFromRow(row);
    const next = { ...before };
    for (const [key, value] of Object.entries(changes) as [keyof typeof changes, unknown][]) {
      if (value !== undefined) (next as Record<string, unknown>)[key] = value;
    }
    if (JSON.stringify(contactSnapshot(next)) === JSON.stringify(contactSnapshot(before))) return before;
    ctx.db.run(
      ctx.db.k
        .updateTable('contacts')
        .set({
          name: next.name,
          title: next.title,
          mobile: next.mobile,
          phone: next.phone,
          email: next.email,
          wechat: next.wechat,
          updated_at: ctx.clock.now().toISOString(),
        })
        .where('id', '=', id),
    );
    const after = contactFromRow(getContactRow(ctx, id));
    recordChange(ctx, { entity: 'contact', entityId: id, action: 'update', before: contactSnapshot(before), after: contactSnapshot(after), tables: TABLES });
    return after;
  });
}

function removeContact(ctx: ServiceContext, row: ContactRow, reason: string | null): void {
  ctx.db.run(ctx.db.k.deleteFrom('contacts').where('id', '=', row.id));
  recordChange(ctx, {
    entity: 'contact',
    entityId: row.id,
    action: 'delete',
    before: contactSnapshot(contactFromRow(row)),
    after: reason ? { reason } : null,
    tables: TABLES,
  });
}

export function deleteContact(ctx: ServiceContext, id: string): { id: string; deleted: true } {
  return ctx.db.transaction(() => {
    const row = getContactRow(ctx, id);
    activeCustomer(ctx, row.customer_id);
    removeContact(ctx, row, null);
    if (row.is_primary === 1) {
      const successor = ctx.db.first(
        ctx.db.k.selectFrom('contacts').selectAll().where('customer_id', '=', row.customer_id).orderBy('created_at').orderBy('id').limit(1),
      );
      if (successor) setPrimaryFlag(ctx, successor, true, 'set_primary');
    }
    return { id, deleted: true as const };
  });
}

export function setPrimaryContact(ctx: ServiceContext, id: string): Contact[] {
  return ctx.db.transaction(() => {
    const row = getContactRow(ctx, id);
    activeCustomer(ctx, row.customer_id);
    const existing = currentPrimary(ctx, row.customer_id);
    // Demote first: the partial unique index allows one primary at any moment.
    if (existing && existing.id !== id) setPrimaryFlag(ctx, existing, false, 'unset_primary');
    setPrimaryFlag(ctx, getContactRow(ctx, id), true, 'set_primary');
    return listContacts(ctx, row.customer_id);
  });
}

/** Removes every contact of a customer being deleted (inside the caller's transaction). */
export function deleteContactsOf(ctx: ServiceContext, customerId: string, reason: string): void {
  const rows = ctx.db.all(ctx.db.k.selectFrom('contacts').selectAll().where('customer_id', '=', customerId));
  for (const row of rows) removeContact(ctx, row, reason);
}
