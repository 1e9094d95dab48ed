/**
 * `aging --db PATH [--as-of DATE] [--basis due|document] [--grade G] [--kind K]
 * [--salesperson S] [--region R] [--json]`: the aging report (账龄分析, issue 6)
 * of every customer with something open or unapplied, by customer code.
 * --json prints exactly {"asOf","basis","buckets":[{"key","label","minDays",
 * "maxDays"}],"customers":[{"code","name","balanceFen","unappliedFen",
 * "bucketsFen"}],"totals":{"balanceFen","unappliedFen","bucketsFen"}};
 * without it a readable table goes to stdout. A date that is not a date is a
 * usage error (exit 2), checked before the database is opened.
 */
import type { AgingReport } from '../../../shared/api/aging';
import { CUSTOMER_GRADES, CUSTOMER_KINDS } from '../../../shared/api/customerEnums';
import { isIsoDate } from '../../../shared/dates/calendar';
import { formatFenPlain } from '../../../shared/money/format';
import { checkFlags, stringFlag, UsageError } from '../args';
import { printJson, type CliCommand } from '../command';
import { phase } from '../timing';

/** Only the documented keys, in the documented order. */
export function agingJson(r: AgingReport) {
  return {
    asOf: r.asOf,
    basis: r.basis,
    buckets: r.buckets.map((b) => ({ key: b.key, label: b.label, minDays: b.minDays, maxDays: b.maxDays })),
    customers: r.rows.map((c) => ({
      code: c.code,
      name: c.name,
      balanceFen: c.balanceFen,
      unappliedFen: c.unappliedFen,
      bucketsFen: c.bucketsFen,
    })),
    totals: { balanceFen: r.totals.balanceFen, unappliedFen: r.totals.unappliedFen, bucketsFen: r.totals.bucketsFen },
  };
}

/** A comma-separated list of allowed values (`--grade A,B`), checked here so a typo is a usage error. */
function listFlag<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T[] {
  if (value === undefined) return [];
  const items = value.split(/[,，]/).map((v) => v.trim()).filter(Boolean);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) throw new UsageError(`--${flag} 只能是 ${allowed.join('、')}（收到“${item}”）`);
  }
  return items as T[];
}

function asOfFlag(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!isIsoDate(value.trim())) throw new UsageError(`--as-of 应为有效日期，格式 YYYY-MM-DD（收到“${value}”）`);
  return value.trim();
}

export const agingCommand: CliCommand = {
  words: ['aging'],
  usage: 'aging --db PATH [--as-of YYYY-MM-DD] [--basis due|document] [--grade A,B] [--kind K] [--salesperson S] [--region R] [--json]',
  summary: '账龄分析：截止日各客户的未核销金额按账龄区间分列（默认今天、按到期日），含预收与余额合计',
  async run(env) {
    checkFlags(env.args, ['as-of', 'basis', 'grade', 'kind', 'salesperson', 'region']);
    if (env.rest.length > 0) throw new UsageError(`多余的参数：${env.rest.join(' ')}`);
    const asOf = asOfFlag(stringFlag(env.args, 'as-of'));
    const basis = stringFlag(env.args, 'basis') ?? 'due';
    if (basis !== 'due' && basis !== 'document') throw new UsageError(`--basis 只能是 due（按到期日）或 document（按单据日期）`);
    const input = {
      asOf,
      basis,
      grade: listFlag(stringFlag(env.args, 'grade'), CUSTOMER_GRADES, 'grade'),
      kind: listFlag(stringFlag(env.args, 'kind'), CUSTOMER_KINDS, 'kind'),
      salesperson: stringFlag(env.args, 'salesperson') ?? '',
      region: stringFlag(env.args, 'region') ?? '',
      sort: { column: 'code', direction: 'asc' },
    };
    const rt = await env.runtime({ readOnly: true });
    await rt.load('aging.report');
    phase('schemas');
    const report = await rt.invoke<AgingReport>('aging.report', input);
    phase('query');
    if (env.json) {
      printJson(env.io, agingJson(report));
      phase('output');
      return 0;
    }
    const money = (fen: number) => formatFenPlain(fen);
    env.io.out(`账龄分析 截止 ${report.asOf}（${basis === 'due' ? '按到期日' : '按单据日期'}）`);
    env.io.out(['客户编码', '客户名称', ...report.buckets.map((b) => b.label), '预收', '余额'].join('\t'));
    for (const r of report.rows) {
      env.io.out([r.code, r.name, ...r.bucketsFen.map(money), money(r.unappliedFen), money(r.balanceFen)].join('\t'));
    }
    const t = report.totals;
    env.io.out(['合计', `${report.total} 户`, ...t.bucketsFen.map(money), money(t.unappliedFen), money(t.balanceFen)].join('\t'));
    return 0;
  },
};
