/**
 * Set-up of the alert tests: a real runtime on a temp SQLite file whose
 * clock says 2026-11-24 (Shanghai), customers, documents, contracts and
 * interactions created through the API, and readers of the alerts of a date.
 */
import type { AlertList, AlertView, CollectionList } from '../../../shared/api/alerts';
import type { ContractDetail } from '../../../shared/api/contracts';
import type { CustomerDetail, Interaction } from '../../../shared/api/customers';
import type { PostResult } from '../../../shared/api/ledger';
import type { AlertKind } from '../../../shared/alerts/kinds';
import { addDays } from '../../../shared/dates/calendar';
import type { TempRuntime } from '../../helpers/tempRuntime';

export const TODAY = '2026-11-24';
export const day = (n: number): string => addDays(TODAY, n);

export async function customer(
  t: TempRuntime,
  code: string,
  over: { creditLimitFen?: number | null; paymentTermDays?: number | null; status?: 'active' | 'paused' | 'closed' } = {},
): Promise<CustomerDetail> {
  return t.rt.invoke<CustomerDetail>('customers.create', {
    code,
    name: `预警客户${code}有限公司`,
    creditLimitFen: over.creditLimitFen ?? null,
    paymentTermDays: over.paymentTermDays ?? 0,
    status: over.status ?? 'active',
    contact: { name: `联系人${code}`, mobile: '13800138000' },
  });
}

export const invoice = (t: TempRuntime, customerId: string, date: string, amountFen: number, extra: Record<string, unknown> = {}) =>
  t.rt.invoke<PostResult>('ledger.postInvoice', { customerId, date, dueOn: extra.dueOn ?? date, amountFen, ...extra, override: { reason: '测试' } });

export const receipt = (t: TempRuntime, customerId: string, date: string, amountFen: number) =>
  t.rt.invoke<PostResult>('ledger.postReceipt', { customerId, date, amountFen });

export const interaction = (t: TempRuntime, customerId: string, date: string, extra: Record<string, unknown> = {}) =>
  t.rt.invoke<Interaction>('interactions.create', { customerId, date, channel: 'T', summary: '电话沟通', ...extra });

export async function activeContract(
  t: TempRuntime,
  customerId: string,
  over: { endsOn?: string | null; installments?: { dueOn: string; amount: string; label?: string }[]; amount?: string; contractNo?: string } = {},
): Promise<ContractDetail> {
  const c = await t.rt.invoke<ContractDetail>('contracts.create', {
    customerId,
    contractNo: over.contractNo ?? '',
    kind: 'framework',
    signedOn: '2026-01-05',
    startsOn: '2026-01-05',
    endsOn: over.endsOn ?? null,
    amount: over.amount ?? '1000.00',
    installments: over.installments ?? [],
  });
  return t.rt.invoke<ContractDetail>('contracts.activate', { id: c.id, overrideReason: '测试' });
}

export const alertsOn = async (t: TempRuntime, asOf: string, all = false): Promise<AlertView[]> =>
  (await t.rt.invoke<AlertList>('alerts.list', { asOf, all })).alerts;

export const ofKind = async (t: TempRuntime, kind: AlertKind, asOf: string, all = false): Promise<AlertView[]> =>
  (await alertsOn(t, asOf, all)).filter((a) => a.kind === kind);

export const collection = (t: TempRuntime, asOf: string | null = null) => t.rt.invoke<CollectionList>('collection.today', { asOf });

/** The error a call fails with (the test fails if it succeeds). */
export async function refusal(t: TempRuntime, method: Parameters<TempRuntime['rt']['call']>[0], input: unknown) {
  const r = await t.rt.call(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

export const count = (t: TempRuntime, table: string): number =>
  (t.rt.database().sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
