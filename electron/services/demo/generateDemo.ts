/**
 * Deterministic demo data at three sizes. Each area adds its own generator
 * step here as it lands; every step goes through the same services (or their
 * batch functions) as the UI, so demo data obeys every rule.
 */
import { seededRng, type Rng } from '../../../shared/random';
import type { AppRuntime } from '../../api/runtime';
import { demoCompany } from './demoCompany';
import { generateDemoContracts, type DemoContractCounts } from './demoContracts';
import { generateDemoCustomers, type DemoCustomerCounts } from './demoCustomers';
import { generateDemoLedger, type DemoLedgerCounts } from './demoLedger';

export const DEMO_SIZES = ['small', 'medium', 'large'] as const;
export type DemoSize = (typeof DEMO_SIZES)[number];

export interface DemoOptions {
  size: DemoSize;
  seed: number;
}

export interface DemoSummary {
  size: DemoSize;
  seed: number;
  company: string;
  customers?: DemoCustomerCounts;
  contracts?: DemoContractCounts;
  ledger?: DemoLedgerCounts;
}

export async function generateDemo(rt: AppRuntime, opts: DemoOptions, progress: (msg: string) => void = () => {}): Promise<DemoSummary> {
  const rng: Rng = seededRng(opts.seed);
  progress('公司资料…');
  const company = demoCompany(rng);
  await rt.invoke('settings.updateCompany', company);
  progress('客户、联系人、往来记录和产品…');
  const customers = await generateDemoCustomers(rt.context(), rng, opts.size);
  progress('合同…');
  const contracts = generateDemoContracts(rt.context(), opts.seed, opts.size);
  progress('往来单据…');
  const ledger = generateDemoLedger(rt.context(), opts.seed, opts.size, progress);
  return { size: opts.size, seed: opts.seed, company: company.companyName, customers, contracts, ledger };
}
