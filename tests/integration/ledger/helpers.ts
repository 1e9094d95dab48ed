/**
 * Shared set-up of the ledger tests: a real runtime on a temp SQLite file
 * (today is 2026-11-24 in Shanghai), customers created through the customer
 * API, and small readers of what the ledger stored.
 */
import type { CustomerDetail } from '../../../shared/api/customers';
import type { ArDocumentDetail, CustomerLedger, PostResult } from '../../../shared/api/ledger';
import type { MethodName } from '../../../shared/api/contract';
import { DomainError } from '../../../shared/errors';
import type { TempRuntime } from '../../helpers/tempRuntime';

export async function customer(
  t: TempRuntime,
  code: string,
  over: { creditLimitFen?: number | null; paymentTermDays?: number | null; name?: string } = {},
): Promise<CustomerDetail> {
  return t.rt.invoke<CustomerDetail>('customers.create', {
    code,
    name: over.name ?? `测试客户${code}有限公司`,
    creditLimitFen: over.creditLimitFen ?? null,
    paymentTermDays: over.paymentTermDays ?? null,
  });
}

export const post = (t: TempRuntime, method: MethodName, input: Record<string, unknown>) => t.rt.invoke<PostResult>(method, input);

/** The error a call fails with (the test fails if it succeeds). */
export async function refusal(t: TempRuntime, method: MethodName, input: Record<string, unknown>) {
  const r = await t.rt.call(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

export const doc = (t: TempRuntime, id: string) => t.rt.invoke<ArDocumentDetail>('ledger.document', { id });
export const ledger = (t: TempRuntime, customerId: string, from: string | null = null, to: string | null = null) =>
  t.rt.invoke<CustomerLedger>('ledger.customerLedger', { customerId, from, to });

export const sqlite = (t: TempRuntime) => t.rt.database().sqlite;

export const count = (t: TempRuntime, table: string): number =>
  (sqlite(t).prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

export interface StoredAllocation {
  credit_id: string;
  debit_id: string;
  explicit: number;
  amount_fen: number;
  allocated_on: string;
}

export const allocations = (t: TempRuntime, customerId: string): StoredAllocation[] =>
  sqlite(t)
    .prepare(
      `SELECT credit_id, debit_id, explicit, amount_fen, allocated_on FROM ar_allocations WHERE customer_id = ?
       ORDER BY credit_id, debit_id, explicit`,
    )
    .all(customerId) as StoredAllocation[];

export const openOf = (t: TempRuntime, docId: string): number | null =>
  (sqlite(t).prepare(`SELECT open_fen FROM ar_documents WHERE id = ?`).get(docId) as { open_fen: number | null }).open_fen;

export const unappliedOf = (t: TempRuntime, docId: string): number | null =>
  (sqlite(t).prepare(`SELECT unapplied_fen FROM ar_documents WHERE id = ?`).get(docId) as { unapplied_fen: number | null })
    .unapplied_fen;

/** Rows of every table a posting writes, to prove a refusal wrote nothing. */
export const footprint = (t: TempRuntime) =>
  ['ar_documents', 'ar_explicit_targets', 'ar_allocations', 'ar_customer_state', 'audit_log'].map((table) => count(t, table));

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
