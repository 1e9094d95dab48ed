/**
 * Shared set-up of the contract tests: a real runtime on a temp SQLite file
 * (today is 2026-11-24 in Shanghai), two customers and two products created
 * through the customer-file API, and small helpers to read what was written.
 */
import type { ContractCreateInput, ContractDetail } from '../../../shared/api/contracts';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { Product } from '../../../shared/api/products';
import type { TempRuntime } from '../../helpers/tempRuntime';

export interface Seed {
  huadong: CustomerDetail;
  hengtong: CustomerDetail;
  rebar: Product;
  cement: Product;
}

export async function seed(t: TempRuntime): Promise<Seed> {
  const huadong = await t.rt.invoke<CustomerDetail>('customers.create', { code: 'C0001', name: '重庆华东商贸有限公司', salesperson: '张伟' });
  const hengtong = await t.rt.invoke<CustomerDetail>('customers.create', { code: 'C0002', name: '北京恒通建材有限公司', salesperson: '李娜' });
  const rebar = await t.rt.invoke<Product>('products.create', { code: 'P001', name: '螺纹钢', spec: 'HRB400 Φ12', unit: '吨', defaultPriceFen: 415000 });
  const cement = await t.rt.invoke<Product>('products.create', { code: 'P002', name: '水泥', spec: 'P.O 42.5', unit: '吨', defaultPriceFen: null });
  return { huadong, hengtong, rebar, cement };
}

/** A sales contract with two lines (¥8,300.00 + ¥3,600.00 = ¥11,900.00), signed 2026-11-20. */
export function salesContract(s: Seed, over: Partial<ContractCreateInput> = {}): ContractCreateInput {
  return {
    customerId: s.huadong.id,
    title: '2026 年第四季度钢材供货合同',
    kind: 'sales',
    signedOn: '2026-11-20',
    startsOn: '2026-11-20',
    endsOn: '2027-03-31',
    lines: [
      { productId: s.rebar.id, qty: '2', unitPrice: '4150' },
      { productId: s.cement.id, qty: '12', unitPrice: '300.00' },
    ],
    ...over,
  };
}

export const create = (t: TempRuntime, input: ContractCreateInput) => t.rt.invoke<ContractDetail>('contracts.create', input);

export interface AuditRow {
  entity: string;
  entity_id: string;
  action: string;
  user: string;
  before: string | null;
  after: string | null;
}

export const auditRows = (t: TempRuntime, entityId?: string): AuditRow[] =>
  (entityId
    ? t.rt.database().sqlite.prepare(`SELECT * FROM audit_log WHERE entity_id = ? ORDER BY at, id`).all(entityId)
    : t.rt.database().sqlite.prepare(`SELECT * FROM audit_log ORDER BY at, id`).all()) as AuditRow[];

export const count = (t: TempRuntime, table: string): number =>
  (t.rt.database().sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** A tiny but real PDF header: enough for type sniffing, which reads the first bytes only. */
export const pdfBytes = (body = 'scan'): Buffer => Buffer.from(`%PDF-1.4\n% ${body}\n%%EOF\n`, 'latin1');
export const pngBytes = (): Buffer =>
  Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8ffbf1e000502027fdd6e5c0000000049454e44ae426082',
    'hex',
  );
