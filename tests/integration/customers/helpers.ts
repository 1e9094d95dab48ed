/** Shared bits of the customer-file tests: a runtime on a temp database, valid sample data, audit reads. */
import { computeTaxIdCheckChar } from '../../../shared/validators/taxId';
import type { AppRuntime } from '../../../electron/api/runtime';
import type { CustomerCreateInput, CustomerDetail } from '../../../shared/api/customers';
import { DomainError } from '../../../shared/errors';

export { tempRuntime } from '../../helpers/tempRuntime';

/** A valid 统一社会信用代码 built from a 17-character body. */
export function taxId(body = '91350100M000100Y4'): string {
  return body + computeTaxIdCheckChar(body);
}

/** The same code with a wrong check character. */
export function badTaxId(body = '91350100M000100Y4'): string {
  const right = computeTaxIdCheckChar(body);
  return body + (right === '0' ? '1' : '0');
}

export async function createCustomer(rt: AppRuntime, input: CustomerCreateInput): Promise<CustomerDetail> {
  return rt.invoke<CustomerDetail>('customers.create', input);
}

export async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected the call to be refused');
}

export interface AuditRow {
  entity: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
}

export function auditRows(rt: AppRuntime, entity?: string): AuditRow[] {
  const db = rt.database();
  const sql = `SELECT entity, entity_id, action, before, after FROM audit_log ${entity ? 'WHERE entity = ?' : ''} ORDER BY id`;
  return db.sqlite.prepare(sql).all(...(entity ? [entity] : [])) as AuditRow[];
}

export function count(rt: AppRuntime, table: string): number {
  return (rt.database().sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
