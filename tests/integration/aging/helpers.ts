/**
 * Set-up shared by the aging tests: a real runtime on a temp SQLite file
 * (today is 2026-11-24 in Shanghai), customers created through the customer
 * API, postings through the ledger API, and the posted documents read back
 * through the ledger API as plain data for the independent aging.
 */
import type { AgingBucket, AgingOpenItems, AgingReport, AgingReportInput } from '../../../shared/api/aging';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { ArDocumentDetail, DocumentPage, PostResult } from '../../../shared/api/ledger';
import type { MethodName } from '../../../shared/api/contract';
import type { TempRuntime } from '../../helpers/tempRuntime';
import type { PlainDoc } from './simpleAging';

export const TODAY = '2026-11-24';

/** The default list of DESIGN §4, written out here rather than imported. */
export const DEFAULT_LIST: AgingBucket[] = [
  { key: 'current', label: '未到期', minDays: null, maxDays: 0 },
  { key: '1-30', label: '1-30天', minDays: 1, maxDays: 30 },
  { key: '31-60', label: '31-60天', minDays: 31, maxDays: 60 },
  { key: '61-90', label: '61-90天', minDays: 61, maxDays: 90 },
  { key: '91-180', label: '91-180天', minDays: 91, maxDays: 180 },
  { key: '181-365', label: '181-365天', minDays: 181, maxDays: 365 },
  { key: '365+', label: '365天以上', minDays: 366, maxDays: null },
];

export interface CustomerOptions {
  name?: string;
  paymentTermDays?: number | null;
  grade?: 'A' | 'B' | 'C' | 'D' | null;
  kind?: 'distributor' | 'retail' | 'end_user' | 'agent' | null;
  region?: string;
  salesperson?: string;
}

export function customer(t: TempRuntime, code: string, o: CustomerOptions = {}): Promise<CustomerDetail> {
  return t.rt.invoke<CustomerDetail>('customers.create', {
    code,
    name: o.name ?? `账龄测试${code}有限公司`,
    paymentTermDays: o.paymentTermDays ?? null,
    grade: o.grade ?? null,
    kind: o.kind ?? null,
    region: o.region ?? '',
    salesperson: o.salesperson ?? '',
  });
}

export const post = (t: TempRuntime, method: MethodName, input: Record<string, unknown>) => t.rt.invoke<PostResult>(method, input);

export const report = (t: TempRuntime, input: AgingReportInput = {}) => t.rt.invoke<AgingReport>('aging.report', input);

export const openItems = (t: TempRuntime, input: { customerId: string; asOf?: string | null; basis?: 'due' | 'document'; bucket?: number | null }) =>
  t.rt.invoke<AgingOpenItems>('aging.openItems', input);

export interface PostedDoc extends PlainDoc {
  customerId: string;
}

/** Every posted document as plain data, explicit allocations included (read through the ledger API). */
export async function postedDocs(t: TempRuntime): Promise<PostedDoc[]> {
  const out: PostedDoc[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await t.rt.invoke<DocumentPage>('ledger.documents', { offset, limit: 1000 });
    for (const d of page.rows) {
      let targets: PlainDoc['targets'] = [];
      if (d.side === 'credit' && d.kind !== 'void') {
        const detail = await t.rt.invoke<ArDocumentDetail>('ledger.document', { id: d.id });
        targets = detail.explicitTargets.map((x) => ({ debitId: x.debitId, amountFen: x.amountFen }));
      }
      out.push({ id: d.id, customerId: d.customerId, kind: d.kind, side: d.side, docNo: d.docNo, date: d.date, dueOn: d.dueOn, amountFen: d.amountFen, voidsId: d.voidsId, targets });
    }
    if (offset + page.rows.length >= page.total) break;
  }
  return out;
}

export const docsOf = (docs: readonly PostedDoc[], customerId: string): PostedDoc[] => docs.filter((d) => d.customerId === customerId);

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
