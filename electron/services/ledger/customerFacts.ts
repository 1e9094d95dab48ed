/**
 * What the ledger needs to know about a customer (limit, 账期, archive
 * state), due-date resolution (§4) and the ledger settings kept under the
 * 'receivables' settings key next to the default 账期 (issue 3).
 */
import type { CustomerArSummary, CustomerRef, LedgerSettings } from '../../../shared/api/ledger';
import type { CreditLimitMode } from '../../../shared/api/ledgerEnums';
import { addDays } from '../../../shared/dates/calendar';
import { DomainError } from '../../../shared/errors';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { getReceivablesSettings } from '../settings/receivables';
import { readSetting, writeSetting } from '../settings/settingsStore';

export interface LedgerCustomer {
  id: string;
  code: string;
  name: string;
  credit_limit_fen: number | null;
  payment_term_days: number | null;
  status: string;
  archived_at: string | null;
}

const CUSTOMER_SQL = `SELECT id, code, name, credit_limit_fen, payment_term_days, status, archived_at FROM customers WHERE id = ?`;

export function findCustomer(ctx: ServiceContext, id: string): LedgerCustomer | undefined {
  return ctx.db.prepare(CUSTOMER_SQL).get(id) as LedgerCustomer | undefined;
}

export function requireCustomer(ctx: ServiceContext, id: string, field = 'customerId'): LedgerCustomer {
  const c = findCustomer(ctx, id);
  if (!c) throw new DomainError('not_found', '找不到该客户', field);
  return c;
}

export function customerByCode(ctx: ServiceContext, code: string): CustomerRef {
  const c = ctx.db.prepare(`SELECT id, code, name FROM customers WHERE code = ? COLLATE NOCASE`).get(code.trim()) as CustomerRef | undefined;
  if (!c) throw new DomainError('not_found', `客户编码“${code}”不存在`, 'code');
  return customerRef(c);
}

export const customerRef = (c: { id: string; code: string; name: string }): CustomerRef => ({ id: c.id, code: c.code, name: c.name });

/** The 账期 an invoice without a due date gets: the customer's own (0 = same day), else the settings default. */
export function effectiveTermDays(ctx: ServiceContext, customer: Pick<LedgerCustomer, 'payment_term_days'>): number {
  return customer.payment_term_days ?? getReceivablesSettings(ctx).defaultPaymentTermDays;
}

/** §4: a given due date stands; otherwise date + 账期. */
export function resolveInvoiceDue(date: string, given: string | null, termDays: number): string {
  return given ?? addDays(date, termDays);
}

// ---------------------------------------------------------------- settings

const SETTINGS_KEY = 'receivables';
const DEFAULT_MODE: CreditLimitMode = 'warn';

export function getLedgerSettings(ctx: ServiceContext): LedgerSettings {
  const stored = readSetting<Record<string, unknown>>(ctx, SETTINGS_KEY)?.value ?? {};
  const mode = stored.creditLimitMode;
  return { creditLimitMode: mode === 'block' || mode === 'warn' ? mode : DEFAULT_MODE };
}

/** Writes only creditLimitMode into the shared 'receivables' object, keeping the other keys (default 账期). */
export function updateLedgerSettings(ctx: ServiceContext, input: LedgerSettings): LedgerSettings {
  return ctx.db.transaction(() => {
    const current = readSetting<Record<string, unknown>>(ctx, SETTINGS_KEY)?.value ?? {};
    const before = getLedgerSettings(ctx);
    if (before.creditLimitMode === input.creditLimitMode) return before;
    writeSetting(ctx, SETTINGS_KEY, { ...current, creditLimitMode: input.creditLimitMode });
    recordChange(ctx, { entity: 'settings', entityId: SETTINGS_KEY, action: 'update', before, after: input, tables: ['settings'] });
    return getLedgerSettings(ctx);
  });
}

// ---------------------------------------------------------------- summary

interface StateRow {
  balance_fen: number;
  open_debit_fen: number;
  unapplied_fen: number;
  last_invoice_on: string | null;
  last_receipt_on: string | null;
  doc_count: number;
}

const STATE_SQL = `SELECT balance_fen, open_debit_fen, unapplied_fen, last_invoice_on, last_receipt_on, doc_count
  FROM ar_customer_state WHERE customer_id = ?`;
const OVERDUE_SQL = `SELECT coalesce(sum(open_fen), 0) AS n FROM ar_documents WHERE customer_id = ? AND open_fen > 0 AND due_on < ?`;

/** The customer's balance now (every posted document), 0 before the first one. */
export function currentBalance(ctx: ServiceContext, customerId: string): number {
  const row = ctx.db.prepare(`SELECT balance_fen FROM ar_customer_state WHERE customer_id = ?`).get(customerId) as
    | { balance_fen: number }
    | undefined;
  return row?.balance_fen ?? 0;
}

export function customerSummary(ctx: ServiceContext, customerId: string): CustomerArSummary {
  const c = requireCustomer(ctx, customerId);
  const s = (ctx.db.prepare(STATE_SQL).get(customerId) as StateRow | undefined) ?? {
    balance_fen: 0,
    open_debit_fen: 0,
    unapplied_fen: 0,
    last_invoice_on: null,
    last_receipt_on: null,
    doc_count: 0,
  };
  const overdue = ctx.db.prepare(OVERDUE_SQL).get(customerId, ctx.clock.today()) as { n: number };
  return {
    customer: {
      ...customerRef(c),
      creditLimitFen: c.credit_limit_fen,
      paymentTermDays: c.payment_term_days,
      effectivePaymentTermDays: effectiveTermDays(ctx, c),
    },
    balanceFen: s.balance_fen,
    openDebitFen: s.open_debit_fen,
    unappliedFen: s.unapplied_fen,
    overdueFen: overdue.n,
    creditAvailableFen: c.credit_limit_fen === null ? null : c.credit_limit_fen - s.balance_fen,
    lastInvoiceOn: s.last_invoice_on,
    lastReceiptOn: s.last_receipt_on,
    docCount: s.doc_count,
  };
}
