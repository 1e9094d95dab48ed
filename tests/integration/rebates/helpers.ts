/**
 * Set-up of the rebate tests: a runtime whose clock the test moves (periods
 * must end before they can be settled), customers, an active annual
 * distribution agreement, and targets saved through the API.
 */
import type { ContractDetail } from '../../../shared/api/contracts';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { PostResult } from '../../../shared/api/ledger';
import type { RebateProgressRow, RebateTargetDto, SaveTargetInput } from '../../../shared/api/rebates';
import { localDateOf, type Clock } from '../../../shared/dates/clock';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

export interface MovableClock extends Clock {
  set(date: string): void;
}

/** Noon in Shanghai of the given day, changeable while the runtime runs. */
export function movableClock(date: string): MovableClock {
  let at = new Date(`${date}T04:00:00Z`);
  return {
    now: () => new Date(at.getTime()),
    today: () => localDateOf(at),
    set(d: string) {
      at = new Date(`${d}T04:00:00Z`);
    },
  };
}

export async function rebateRuntime(today = '2026-06-30'): Promise<{ t: TempRuntime; clock: MovableClock }> {
  const clock = movableClock(today);
  const t = await tempRuntime({ clock });
  // Statements (the 返利 line's check) need the letterhead's company name (issue 16).
  await t.rt.invoke('settings.updateCompany', { companyName: '杭州明远商贸有限公司' });
  return { t, clock };
}

export const customer = (t: TempRuntime, code: string, paymentTermDays: number | null = 30) =>
  t.rt.invoke<CustomerDetail>('customers.create', { code, name: `测试客户${code}有限公司`, paymentTermDays });

const ONE_LINE = [{ description: '全年进货（框架数量）', unit: '批', qty: '1', unitPrice: '1000000' }];

export async function annualContract(t: TempRuntime, customerId: string, startsOn = '2026-01-01', endsOn = '2026-12-31', lines = ONE_LINE): Promise<ContractDetail> {
  const k = await t.rt.invoke<ContractDetail>('contracts.create', {
    customerId,
    title: '2026 年度经销协议',
    kind: 'annual',
    signedOn: startsOn,
    startsOn,
    endsOn,
    lines,
  });
  return t.rt.invoke<ContractDetail>('contracts.activate', { id: k.id });
}

export const saveTarget = (t: TempRuntime, input: SaveTargetInput) => t.rt.invoke<RebateTargetDto>('rebates.saveTarget', input);

export const progress = async (t: TempRuntime, contractId: string, asOf: string | null = null) =>
  t.rt.invoke<RebateProgressRow[]>('rebates.contractTargets', { contractId, asOf });

export const invoice = (t: TempRuntime, customerId: string, contractId: string | null, date: string, amountFen: number, dueOn: string | null = null) =>
  t.rt.invoke<PostResult>('ledger.postInvoice', { customerId, contractId, date, amountFen, dueOn });

export async function refusal(t: TempRuntime, method: Parameters<TempRuntime['rt']['call']>[0], input: unknown) {
  const r = await t.rt.call(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

export const sqlite = (t: TempRuntime) => t.rt.database().sqlite;
export const count = (t: TempRuntime, table: string): number => (sqlite(t).prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
