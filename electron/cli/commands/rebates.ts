/**
 * `rebates --db PATH [--as-of D] [--contract NO] [--json]`: the 返利 list.
 * --json prints exactly [{"contractNo","customerCode","periodFrom","periodTo",
 * "basis","baseFen","targetFen","attainment","tier","earnedFen","settledFen",
 * "differenceFen"}] — attainment as a decimal with 4 places (truncated, so
 * 0.99995 never shows as 1.0000), tier as the reached tier's threshold as a
 * decimal (1 for the 100% tier) or null.
 *
 * `rebates settle --db PATH --contract NO --period-to D [--as cash|credit] [--json]`
 * settles the period of that contract ending on D (exit 1 when refused).
 */
import type { RebateListPage, RebateProgressRow, SettleResult } from '../../../shared/api/rebates';
import { DomainError } from '../../../shared/errors';
import { formatFenPlain } from '../../../shared/money/format';
import { formatPpmPercent } from '../../../shared/rebates/policyText';
import { checkFlags, requiredFlag, stringFlag, UsageError } from '../args';
import { printJson, type CliCommand } from '../command';
import { importCommand } from './importExport';

/** ppm → a decimal with at most 4 places, truncated. */
const ppmDecimal = (ppm: number): number => Math.floor(ppm / 100) / 10_000;

export function rebateJson(r: RebateProgressRow) {
  return {
    contractNo: r.contractNo,
    customerCode: r.customer.code,
    periodFrom: r.target.periodFrom,
    periodTo: r.target.periodTo,
    basis: r.target.basis,
    baseFen: r.baseFen,
    targetFen: r.target.targetFen,
    attainment: ppmDecimal(r.attainmentPpm),
    tier: r.tierThresholdPpm === null ? null : ppmDecimal(r.tierThresholdPpm),
    earnedFen: r.earnedFen,
    settledFen: r.settledFen,
    differenceFen: r.differenceFen,
  };
}

export const rebatesCommand: CliCommand = {
  words: ['rebates'],
  usage: 'rebates --db PATH [--as-of YYYY-MM-DD] [--contract NO] [--json]',
  summary: '返利进度：每份合同每个期间的基数、完成率、档位、已得返利、已结算与差额',
  async run(env) {
    checkFlags(env.args, ['as-of', 'contract']);
    if (env.rest.length > 0) throw new UsageError(`多余的参数：${env.rest.join(' ')}`);
    const rt = await env.runtime();
    const page = await rt.invoke<RebateListPage>('rebates.list', {
      asOf: stringFlag(env.args, 'as-of') ?? null,
      contractNo: stringFlag(env.args, 'contract') ?? '',
      limit: 5000,
    });
    if (env.json) {
      printJson(env.io, page.rows.map(rebateJson));
      return 0;
    }
    env.io.out(['合同号', '客户编码', '期间', '基数', '目标', '完成率', '档位', '已得返利', '已结算', '差额'].join('\t'));
    for (const r of page.rows) {
      env.io.out(
        [
          r.contractNo,
          r.customer.code,
          `${r.target.periodFrom}~${r.target.periodTo}`,
          formatFenPlain(r.baseFen),
          formatFenPlain(r.target.targetFen),
          formatPpmPercent(Math.floor(r.attainmentPpm / 100) * 100),
          r.tierThresholdPpm === null ? '-' : formatPpmPercent(r.tierThresholdPpm),
          formatFenPlain(r.earnedFen),
          formatFenPlain(r.settledFen),
          formatFenPlain(r.differenceFen),
        ].join('\t'),
      );
    }
    env.io.err(`共 ${page.total} 个期间；已得未结返利 ${formatFenPlain(page.totals.earnedNotSettledFen)}`);
    return 0;
  },
};

export const rebatesSettleCommand: CliCommand = {
  words: ['rebates', 'settle'],
  usage: 'rebates settle --db PATH --contract NO --period-to YYYY-MM-DD [--as cash|credit] [--json]',
  summary: '返利结算：把合同某期间的返利记入往来账（credit 冲抵货款，默认；cash 现金支付）',
  async run(env) {
    checkFlags(env.args, ['contract', 'period-to', 'as']);
    if (env.rest.length > 0) throw new UsageError(`多余的参数：${env.rest.join(' ')}`);
    const contractNo = requiredFlag(env.args, 'contract');
    const periodTo = requiredFlag(env.args, 'period-to');
    const as = stringFlag(env.args, 'as') ?? 'credit';
    if (as !== 'cash' && as !== 'credit') throw new UsageError('--as 只能是 cash 或 credit');
    const rt = await env.runtime();
    const page = await rt.invoke<RebateListPage>('rebates.list', { contractNo, limit: 5000 });
    const row = page.rows.find((r) => r.target.periodTo === periodTo);
    if (!row) {
      const known = page.rows.map((r) => r.target.periodTo).join('、');
      throw new DomainError('not_found', `合同 ${contractNo} 没有期间止为 ${periodTo} 的返利目标${known ? `（已有期间止：${known}）` : ''}`, 'period-to');
    }
    const r = await rt.invoke<SettleResult>('rebates.settle', { targetId: row.target.id, as });
    const s = r.settlement;
    if (env.json) {
      printJson(env.io, {
        contractNo,
        periodFrom: row.target.periodFrom,
        periodTo,
        as: s.payout,
        amountFen: s.amountFen,
        docNo: s.docNo,
        settledOn: s.settledOn,
        earnedFen: s.earnedFen,
        baseFen: s.baseFen,
      });
    }
    env.io.err(`已结算合同 ${contractNo} 期间 ${row.target.periodFrom}~${periodTo} 返利 ${formatFenPlain(s.amountFen)}（单号 ${s.docNo}）`);
    return 0;
  },
};

export const importRebatePoliciesCommand = importCommand('rebate-policies');
