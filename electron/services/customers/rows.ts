/** Database rows of the customer file to API objects, and the snapshots the audit log keeps. */
import type { Selectable } from 'kysely';
import type { ContactsTable, CustomersTable, InteractionsTable } from '../../../db/tables/customers';
import type {
  Contact,
  Customer,
  CustomerGrade,
  CustomerKind,
  CustomerStatus,
  Interaction,
  InteractionChannel,
} from '../../../shared/api/customers';
import type { CustomerLayer } from '../../../shared/evaluation/enums';

export type CustomerRow = Selectable<CustomersTable>;
export type ContactRow = Selectable<ContactsTable>;
export type InteractionRow = Selectable<InteractionsTable>;

/** Tags are stored as a JSON array; a damaged value shows as no tags rather than failing the whole list. */
export function parseTags(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

// The CHECK constraints guarantee these columns hold one of the enum values.
export function customerFromRow(r: CustomerRow): Customer {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    pinyin: r.pinyin,
    kind: r.kind as CustomerKind | null,
    grade: r.grade as CustomerGrade | null,
    region: r.region,
    address: r.address,
    taxId: r.tax_id,
    bankName: r.bank_name,
    bankAccount: r.bank_account,
    creditLimitFen: r.credit_limit_fen,
    paymentTermDays: r.payment_term_days,
    salesperson: r.salesperson,
    status: r.status as CustomerStatus,
    tags: parseTags(r.tags),
    notes: r.notes,
    archivedAt: r.archived_at,
    importBatchId: r.import_batch_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    layer: r.layer as CustomerLayer | null,
    visitIntervalDays: r.visit_interval_days,
  };
}

/**
 * What the audit log keeps of a customer: the fields a clerk edits. Derived
 * search columns and timestamps are left out so the history tab shows only
 * real changes ("信用额度 50,000 → 80,000"), not the pinyin recomputed with it.
 */
export function customerSnapshot(c: Customer): Record<string, unknown> {
  const { pinyin: _p, createdAt: _c, updatedAt: _u, ...fields } = c;
  return fields;
}

export function contactFromRow(r: ContactRow): Contact {
  return {
    id: r.id,
    customerId: r.customer_id,
    name: r.name,
    title: r.title,
    mobile: r.mobile,
    phone: r.phone,
    email: r.email,
    wechat: r.wechat,
    isPrimary: r.is_primary === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function contactSnapshot(c: Contact): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...fields } = c;
  return fields;
}

export function interactionFromRow(r: InteractionRow): Interaction {
  return {
    id: r.id,
    customerId: r.customer_id,
    date: r.date,
    channel: r.channel as InteractionChannel,
    summary: r.summary,
    promiseDate: r.promise_date,
    promiseAmountFen: r.promise_amount_fen,
    nextFollowUp: r.next_follow_up,
    satisfaction: r.satisfaction,
    user: r.user,
    createdAt: r.created_at,
  };
}
