/**
 * Demo contracts for a share of the demo customers: about 30 / 300 / 3,000
 * at the three sizes, with lines from the demo products and payment
 * schedules (100%, 30/70, 30/60/10). The mix is what a boss should see on
 * the first morning: most in force, some ending within 30 days, some past
 * their end date (expired), some drafts, completed and terminated ones.
 *
 * Every contract passes the same rules as a typed one (line amounts, the
 * schedule adding up, activation rules) and is written with the contract
 * service's insert function and one audit row, in one transaction.
 */
import type { ContractKind, ContractStatus } from '../../../shared/api/contractEnums';
import { splitByPercents } from '../../../shared/contracts/installmentSplit';
import { addDays, addMonths, diffDays } from '../../../shared/dates/calendar';
import { seededRng, type Rng } from '../../../shared/random';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { getContract } from '../contracts/load';
import { nextContractNo } from '../contracts/numbering';
import { CONTRACT_TABLES, insertContract } from '../contracts/persist';
import { activationProblems, checkInstallments, resolveAmount, resolveLines, type InstallmentDraft, type LineDraft, type ProductFacts } from '../contracts/rules';
import { contractSnapshot } from '../contracts/snapshot';

export const DEMO_CONTRACT_COUNTS = { small: 30, medium: 300, large: 3000 } as const;

export interface DemoContractCounts {
  contracts: number;
  lines: number;
  installments: number;
  /** By display status, so the summary shows the mix (active, expired, draft …). */
  byStatus: Record<string, number>;
}

interface DemoProduct extends ProductFacts {
  priceFen: number | null;
}

const TITLES: Readonly<Record<ContractKind, readonly string[]>> = {
  sales: ['购销合同', '供货合同', '采购订单合同', '季度供货合同'],
  framework: ['框架采购协议', '长期供货框架协议', '战略合作框架协议'],
  annual: ['年度经销协议', '区域经销协议', '年度返利协议'],
};
const PAYMENT_TERMS = ['货到 30 天内付款', '款到发货', '月结 60 天', '预付 30%，到货后付清', '每月 25 日对账，次月 10 日前付款'];
const REBATE_TERMS = ['', '', '年度提货满 100 万返 1%', '季度达标返 2%，以货补方式兑现', '全年任务 300 万，完成后返 1.5%'];
const TERMINATION_REASONS = ['客户经营调整，双方协商终止', '客户未按期付款，我方终止供货', '产品停产，合同无法履行'];
const SCHEDULES: readonly { labels: readonly string[]; percents: readonly number[] }[] = [
  { labels: ['全款'], percents: [100] },
  { labels: ['预付款', '到货款'], percents: [30, 70] },
  { labels: ['预付款', '到货款', '质保金'], percents: [30, 60, 10] },
];

/** A deterministic shuffle (Fisher–Yates on the demo RNG). */
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function demoLines(rng: Rng, products: readonly DemoProduct[], count: number): LineDraft[] {
  return shuffled(rng, products)
    .slice(0, count)
    .map((p) => {
      const base = p.priceFen ?? rng.int(20, 500) * 100;
      // Negotiated prices sit a little below the list price, to the jiao.
      const price = Math.max(10, Math.round((base * rng.int(90, 100)) / 1000) * 10);
      // Mostly whole cases; now and then a fractional quantity (kilograms, metres).
      const qty = rng.chance(0.15) ? rng.int(1, 2000) * 500 : rng.int(5, 400) * 1000;
      return { productId: p.id, description: '', spec: '', unit: '', qtyThousandths: qty, unitPriceFen: price };
    });
}

interface Plan {
  kind: ContractKind;
  status: ContractStatus;
  signedOn: string;
  startsOn: string;
  endsOn: string;
}

/** Dates and status of one contract, drawn so that the list shows every situation. */
function plan(rng: Rng, today: string): Plan {
  const r = rng.next();
  const kind: ContractKind = r < 0.7 ? 'sales' : r < 0.85 ? 'framework' : 'annual';
  const months = kind === 'sales' ? rng.int(3, 12) : 12;
  const roll = rng.next();
  let startsOn: string;
  if (roll < 0.1) {
    // Ending within the next 30 days.
    startsOn = addDays(addMonths(addDays(today, rng.int(0, 30)), -months), 1);
  } else if (roll < 0.2) {
    // Signed recently, not yet in force: drafts.
    startsOn = addDays(today, rng.int(-10, 20));
  } else {
    startsOn = addDays(today, -rng.int(0, 540));
  }
  const endsOn = addDays(addMonths(startsOn, months), -1);
  const signedOn = addDays(startsOn, -rng.int(0, 10));
  let status: ContractStatus;
  if (roll >= 0.1 && roll < 0.2) status = 'draft';
  else if (rng.chance(0.03)) status = 'terminated';
  // Most contracts past their end are closed as completed; the rest are left active and show as expired.
  else if (endsOn < today) status = rng.chance(0.65) ? 'completed' : 'active';
  else status = 'active';
  return { kind, status, signedOn, startsOn, endsOn };
}

export function generateDemoContracts(ctx: ServiceContext, seed: number, size: keyof typeof DEMO_CONTRACT_COUNTS): DemoContractCounts {
  // An RNG of our own: the customer step may change without reshuffling every contract.
  const rng = seededRng((seed ^ 0x4854) >>> 0);
  const today = ctx.clock.today();
  const counts: DemoContractCounts = { contracts: 0, lines: 0, installments: 0, byStatus: {} };
  return ctx.db.transaction(() => {
    const customers = ctx.db.all(
      ctx.db.k.selectFrom('customers').select('id').where('archived_at', 'is', null).where('status', '=', 'active').orderBy('code'),
    );
    const products: DemoProduct[] = ctx.db
      .all(
        ctx.db.k
          .selectFrom('products')
          .select(['id', 'code', 'name', 'spec', 'unit', 'default_price_fen'])
          .where('archived_at', 'is', null)
          .orderBy('code'),
      )
      .map((p) => ({ id: p.id, code: p.code, name: p.name, spec: p.spec, unit: p.unit, archived: false, priceFen: p.default_price_fen }));
    if (customers.length === 0 || products.length === 0) return counts;
    const productsById = new Map(products.map((p) => [p.id, p]));
    // About two in five customers have contracts; a few of them several.
    const signing = shuffled(rng, customers).slice(0, Math.max(1, Math.ceil(customers.length * 0.4)));

    for (let i = 0; i < DEMO_CONTRACT_COUNTS[size]; i++) {
      const customer = i < signing.length ? signing[i] : rng.pick(signing);
      const p = plan(rng, today);
      const withoutLines = p.kind === 'framework' && rng.chance(0.5);
      const resolved = resolveLines(withoutLines ? [] : demoLines(rng, products, rng.int(1, Math.min(5, products.length))), productsById);
      const manual = withoutLines ? rng.int(5, 200) * 1_000_000 : null;
      const amount = resolveAmount(p.kind, resolved.lines, manual);
      let installments: InstallmentDraft[] = [];
      if (amount.amountFen > 0 && rng.chance(0.7)) {
        const schedule = rng.pick(SCHEDULES);
        const split = splitByPercents(amount.amountFen, schedule.percents);
        if (split.ok) {
          const span = Math.max(1, diffDays(p.endsOn, p.startsOn));
          installments = split.amountsFen.map((fen, k) => ({
            label: schedule.labels[k],
            dueOn: k === 0 ? addDays(p.startsOn, 7) : addDays(p.startsOn, Math.round((span * k) / (schedule.labels.length - 1 || 1))),
            amountFen: fen,
          }));
        }
      }
      const problems = [
        ...resolved.problems,
        ...amount.problems,
        ...checkInstallments(amount.amountFen, installments),
        ...(p.status === 'draft' || p.status === 'terminated'
          ? []
          : activationProblems({ ...p, lineCount: resolved.lines.length, amountFen: amount.amountFen, installments })),
      ];
      // The generator is code: a rule it breaks is a bug here, not bad demo data to keep.
      if (problems.length) throw new Error(`demo contract breaks a rule: ${problems[0].field}: ${problems[0].message}`);

      const id = insertContract(ctx, {
        contractNo: nextContractNo(ctx, p.signedOn),
        customerId: customer.id,
        title: `${p.startsOn.slice(0, 4)} 年${rng.pick(TITLES[p.kind])}`,
        kind: p.kind,
        signedOn: p.signedOn,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        amountFen: amount.amountFen,
        amountManual: amount.amountManual,
        paymentTerms: rng.pick(PAYMENT_TERMS),
        rebateTerms: p.kind === 'sales' ? '' : rng.pick(REBATE_TERMS),
        notes: '',
        status: p.status,
        terminatedReason: p.status === 'terminated' ? rng.pick(TERMINATION_REASONS) : null,
        importBatchId: null,
        lines: resolved.lines,
        installments,
      });
      const detail = getContract(ctx, id);
      recordChange(ctx, { entity: 'contract', entityId: id, action: 'create', before: null, after: contractSnapshot(detail), tables: CONTRACT_TABLES });
      counts.contracts++;
      counts.lines += detail.lines.length;
      counts.installments += detail.installments.length;
      counts.byStatus[detail.displayStatus] = (counts.byStatus[detail.displayStatus] ?? 0) + 1;
    }
    return counts;
  });
}
