/**
 * `alerts --db PATH [--as-of DATE] [--all] [--json]`: the alerts of a date
 * (default today). --json prints a list of exactly
 * {"kind","key","severity","customerCode","contractNo","docNo","amountFen","days","message"}
 * (null where not applicable; for overdue amountFen is the customer's
 * overdue total and days the days overdue of its oldest item); with --all
 * the snoozed and acknowledged alerts are included and each also carries
 * "state" (active / snoozed / acknowledged). Without --json a readable
 * table goes to stdout.
 */
import type { AlertList, AlertView } from '../../../shared/api/alerts';
import { isIsoDate } from '../../../shared/dates/calendar';
import { formatFenPlain } from '../../../shared/money/format';
import { checkFlags, hasFlag, stringFlag, UsageError } from '../args';
import { printJson, type CliCommand } from '../command';

/** Only the documented keys, in the documented order. */
export function alertJson(a: AlertView, withState: boolean) {
  const base = {
    kind: a.kind,
    key: a.key,
    severity: a.severity,
    customerCode: a.customerCode,
    contractNo: a.contractNo,
    docNo: a.docNo,
    amountFen: a.amountFen,
    days: a.days,
    message: a.message,
  };
  return withState ? { ...base, state: a.state } : base;
}

export const alertsCommand: CliCommand = {
  words: ['alerts'],
  usage: 'alerts --db PATH [--as-of YYYY-MM-DD] [--all] [--json]',
  summary: '预警：按规则计算某日的预警（默认今天）；--all 同时列出已暂缓和已知悉的',
  async run(env) {
    checkFlags(env.args, ['as-of', 'all']);
    if (env.rest.length > 0) throw new UsageError(`多余的参数：${env.rest.join(' ')}`);
    const asOf = stringFlag(env.args, 'as-of') ?? null;
    if (asOf !== null && !isIsoDate(asOf)) throw new UsageError(`--as-of 应为有效日期，格式 YYYY-MM-DD：${asOf}`);
    const all = hasFlag(env.args, 'all');
    const rt = await env.runtime();
    const list = await rt.invoke<AlertList>('alerts.list', { asOf, all });
    if (env.json) {
      printJson(env.io, list.alerts.map((a) => alertJson(a, all)));
      return 0;
    }
    env.io.out(`预警 ${list.asOf}：${list.alerts.length} 条`);
    env.io.out(['类型', '级别', '客户', '合同', '单据', '金额', '天数', '说明', ...(all ? ['状态'] : [])].join('\t'));
    for (const a of list.alerts) {
      const amount = a.amountFen === null ? '' : formatFenPlain(a.amountFen);
      const cells = [a.kind, a.severity, a.customerCode, a.contractNo ?? '', a.docNo ?? '', amount, a.days ?? '', a.message];
      env.io.out([...cells, ...(all ? [a.state] : [])].join('\t'));
    }
    return 0;
  },
};
