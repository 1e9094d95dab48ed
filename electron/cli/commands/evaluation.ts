/**
 * `scorecard --db PATH [--from D] [--to D] [--customer CODE] [--json]`: the
 * customer scorecards (客户评估, issue 14) for a period, by customer code.
 * --json prints a list of exactly {"code","name","salesFen","collectedFen",
 * "collectionRate","avgDaysToPay","overdueFen","salesScore","creditScore",
 * "suggestedGrade","grade","visits","complaints"} (rates as decimals with 4
 * places, scores as integers, visits = T + E + M interactions, complaints =
 * cases received in the period).
 *
 * `salespeople --db PATH [--from D] [--to D] [--json]`: the salesperson
 * performance table; --json prints {"from","to","rows":[…],"totals":{…}}.
 * A date that is not a date is a usage error (exit 2); a period ending
 * before it starts is refused input (exit 1, the API's message).
 */
import type { ScorecardList, SalespersonTable } from '../../../shared/api/evaluation';
import { isIsoDate } from '../../../shared/dates/calendar';
import { formatFenPlain } from '../../../shared/money/format';
import { checkFlags, stringFlag, UsageError } from '../args';
import { printJson, type CliCommand } from '../command';

function dateFlag(value: string | undefined, flag: string): string | null {
  if (value === undefined) return null;
  if (!isIsoDate(value.trim())) throw new UsageError(`--${flag} 应为有效日期，格式 YYYY-MM-DD（收到“${value}”）`);
  return value.trim();
}

const rate = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(2)}%`);

export function scorecardJson(list: ScorecardList) {
  return list.rows.map((r) => ({
    code: r.code,
    name: r.name,
    salesFen: r.salesFen,
    collectedFen: r.collectedFen,
    collectionRate: r.collectionRate,
    avgDaysToPay: r.avgDaysToPay,
    overdueFen: r.overdueFen,
    salesScore: r.salesScore,
    creditScore: r.creditScore,
    suggestedGrade: r.suggestedGrade,
    grade: r.grade,
    visits: r.visits.T + r.visits.E + r.visits.M,
    complaints: r.complaints,
  }));
}

export const scorecardCommand: CliCommand = {
  words: ['scorecard'],
  usage: 'scorecard --db PATH [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--customer CODE] [--json]',
  summary: '客户评估：期间内各客户的销售、回款率、回款天数、逾期、销售能力与信用质量评分和建议等级（默认截至今天的 12 个月）',
  async run(env) {
    checkFlags(env.args, ['from', 'to', 'customer']);
    if (env.rest.length > 0) throw new UsageError(`多余的参数：${env.rest.join(' ')}`);
    const input = {
      from: dateFlag(stringFlag(env.args, 'from'), 'from'),
      to: dateFlag(stringFlag(env.args, 'to'), 'to'),
      customerCode: stringFlag(env.args, 'customer') ?? '',
    };
    const rt = await env.runtime();
    const list = await rt.invoke<ScorecardList>('evaluation.scorecards', input);
    if (env.json) {
      printJson(env.io, scorecardJson(list));
      return 0;
    }
    env.io.out(`客户评估 ${list.from} 至 ${list.to}`);
    env.io.out(['客户编码', '客户名称', '销售额', '回款', '回款率', '平均回款天数', '逾期', '销售能力', '信用质量', '建议等级', '当前等级'].join('\t'));
    for (const r of list.rows) {
      env.io.out(
        [r.code, r.name, formatFenPlain(r.salesFen), formatFenPlain(r.collectedFen), rate(r.collectionRate), r.avgDaysToPay ?? '—', formatFenPlain(r.overdueFen), r.salesScore, r.creditScore, r.suggestedGrade, r.grade ?? '—'].join('\t'),
      );
    }
    return 0;
  },
};

export const salespeopleCommand: CliCommand = {
  words: ['salespeople'],
  usage: 'salespeople --db PATH [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]',
  summary: '业务员业绩：期间内各业务员的客户数、销售、回款、回款率、DSO、逾期、回访和未结投诉',
  async run(env) {
    checkFlags(env.args, ['from', 'to']);
    if (env.rest.length > 0) throw new UsageError(`多余的参数：${env.rest.join(' ')}`);
    const input = { from: dateFlag(stringFlag(env.args, 'from'), 'from'), to: dateFlag(stringFlag(env.args, 'to'), 'to') };
    const rt = await env.runtime();
    const t = await rt.invoke<SalespersonTable>('salespeople.performance', input);
    if (env.json) {
      printJson(env.io, { from: t.from, to: t.to, rows: t.rows, totals: t.totals });
      return 0;
    }
    env.io.out(`业务员业绩 ${t.from} 至 ${t.to}`);
    env.io.out(['业务员', '客户数', '销售额', '回款', '回款率', 'DSO', '逾期', '逾期占比', '已回访/计划', '未结投诉'].join('\t'));
    for (const r of [...t.rows.map((r) => ({ ...r, label: r.salesperson || '（未分配）' })), { ...t.totals, label: '合计' }]) {
      env.io.out(
        [r.label, r.customers, formatFenPlain(r.salesFen), formatFenPlain(r.collectedFen), rate(r.collectionRate), r.dso ?? '—', formatFenPlain(r.overdueFen), rate(r.overdueShare), `${r.visitsDone}/${r.visitsPlanned}`, r.openComplaints].join('\t'),
      );
    }
    return 0;
  },
};
