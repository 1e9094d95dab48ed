/**
 * `ledger --db PATH --customer CODE [--from DATE] [--to DATE] [--json]`: the
 * customer ledger (客户往来明细) by §4's period rules. --json prints exactly
 * {"customer":{"code","name"},"from","to","openingFen","lines":[{"date","docNo",
 * "kind","memo","debitFen","creditFen","balanceFen"}],"closingFen"}; without it
 * a readable table goes to stdout.
 */
import type { CustomerLedger, CustomerRef } from '../../../shared/api/ledger';
import { AR_DOC_KIND_LABELS } from '../../../shared/api/ledgerEnums';
import { formatFenPlain } from '../../../shared/money/format';
import { checkFlags, requiredFlag, stringFlag, UsageError } from '../args';
import { printJson, type CliCommand } from '../command';
import { importCommand } from './importExport';

/** Only the documented keys, in the documented order. */
export function ledgerJson(l: CustomerLedger) {
  return {
    customer: { code: l.customer.code, name: l.customer.name },
    from: l.from,
    to: l.to,
    openingFen: l.openingFen,
    lines: l.lines.map((x) => ({
      date: x.date,
      docNo: x.docNo,
      kind: x.kind,
      memo: x.memo,
      debitFen: x.debitFen,
      creditFen: x.creditFen,
      balanceFen: x.balanceFen,
    })),
    closingFen: l.closingFen,
  };
}

const amount = (fen: number): string => (fen === 0 ? '' : formatFenPlain(fen));

export const ledgerCommand: CliCommand = {
  words: ['ledger'],
  usage: 'ledger --db PATH --customer CODE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]',
  summary: '客户往来明细：期初余额、期间内每张单据及余额、期末余额（默认从第一张单据到今天）',
  async run(env) {
    checkFlags(env.args, ['customer', 'from', 'to']);
    if (env.rest.length > 0) throw new UsageError(`多余的参数：${env.rest.join(' ')}`);
    const code = requiredFlag(env.args, 'customer');
    const rt = await env.runtime();
    const customer = await rt.invoke<CustomerRef>('ledger.customerByCode', { code });
    const ledger = await rt.invoke<CustomerLedger>('ledger.customerLedger', {
      customerId: customer.id,
      from: stringFlag(env.args, 'from') ?? null,
      to: stringFlag(env.args, 'to') ?? null,
    });
    if (env.json) {
      printJson(env.io, ledgerJson(ledger));
      return 0;
    }
    env.io.out(`${ledger.customer.name}（${ledger.customer.code}） ${ledger.from} 至 ${ledger.to}`);
    env.io.out(['日期', '单号', '类型', '摘要', '应收增加', '收款/减少', '余额'].join('\t'));
    env.io.out(['', '', '', '期初余额', '', '', formatFenPlain(ledger.openingFen)].join('\t'));
    for (const l of ledger.lines) {
      const kind = AR_DOC_KIND_LABELS[l.kind] + (l.voided ? '（已冲销）' : '');
      env.io.out([l.date, l.docNo, kind, l.memo, amount(l.debitFen), amount(l.creditFen), formatFenPlain(l.balanceFen)].join('\t'));
    }
    env.io.out(['', '', '', '期末余额', formatFenPlain(ledger.totals.debitFen), formatFenPlain(ledger.totals.creditFen), formatFenPlain(ledger.closingFen)].join('\t'));
    return 0;
  },
};

/** `import invoices|receipts|opening FILE`: the customer file's import command over the ledger's import kinds. */
export const ledgerImportCommands: CliCommand[] = [importCommand('invoices'), importCommand('receipts'), importCommand('opening')];
