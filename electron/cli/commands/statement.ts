/**
 * `statement`: reconciliation statements from the command line (issue 8).
 *
 *   statement --db PATH --customer CODE [--from DATE] [--to DATE] --out FILE.pdf [--json]
 *     --json prints exactly {"statementNo","customer":{"code","name"},"from","to","openingFen",
 *     "lines":[{"date","docNo","kind","memo","debitFen","creditFen","balanceFen"}],"closingFen",
 *     "closingInWords","pdf":"FILE.pdf","pages":N} — the same lines and totals as `ledger`.
 *   statement --db PATH --all --from DATE --to DATE --out-dir DIR [--force] [--merged FILE.pdf] [--json]
 *     --json prints exactly {"generated":N,"skipped":N,"failed":[{"customerCode","message"}]}.
 *
 * Both record what they generate in the register. A folder that cannot be
 * written is refused before anything is generated (exit 1, nothing
 * recorded). A batch in which some customers failed still writes the others
 * and exits 1 so a script notices.
 */
import type { CustomerRef } from '../../../shared/api/ledger';
import type { BatchResult, GeneratedStatement } from '../../../shared/api/statements';
import { formatFenPlain } from '../../../shared/money/format';
import { checkFlags, hasFlag, requiredFlag, stringFlag, UsageError } from '../args';
import { printJson, type CliCommand, type CommandEnv } from '../command';

/** Only the documented keys, in the documented order. */
export function statementJson(g: GeneratedStatement, pdf: string) {
  const s = g.statement;
  return {
    statementNo: s.statementNo,
    customer: { code: s.customer.code, name: s.customer.name },
    from: s.periodFrom,
    to: s.periodTo,
    openingFen: s.openingFen,
    lines: g.lines.map((l) => ({
      date: l.date,
      docNo: l.docNo,
      kind: l.kind,
      memo: l.memo,
      debitFen: l.debitFen,
      creditFen: l.creditFen,
      balanceFen: l.balanceFen,
    })),
    closingFen: s.closingFen,
    closingInWords: g.closingInWords,
    pdf,
    pages: s.pages,
  };
}

export const batchJson = (r: BatchResult) => ({
  generated: r.generated,
  skipped: r.skipped,
  failed: r.failed.map((f) => ({ customerCode: f.customerCode, message: f.message })),
});

async function one(env: CommandEnv): Promise<number> {
  checkFlags(env.args, ['customer', 'from', 'to', 'out']);
  const code = requiredFlag(env.args, 'customer');
  const out = requiredFlag(env.args, 'out');
  const rt = await env.runtime();
  const customer = await rt.invoke<CustomerRef>('ledger.customerByCode', { code });
  const generated = await rt.invoke<GeneratedStatement>('statements.generate', {
    customerId: customer.id,
    from: stringFlag(env.args, 'from') ?? null,
    to: stringFlag(env.args, 'to') ?? null,
    outPath: out,
  });
  const s = generated.statement;
  const summary =
    `对账单 ${s.statementNo}：${s.customer.name}（${s.customer.code}） ${s.periodFrom} 至 ${s.periodTo}，` +
    `期末余额 ${formatFenPlain(s.closingFen)}（${generated.closingInWords}），${s.pages} 页 → ${out}　核对码 ${s.verificationCode}`;
  if (env.json) {
    printJson(env.io, statementJson(generated, out));
    env.io.err(summary);
  } else env.io.out(summary);
  return 0;
}

async function all(env: CommandEnv): Promise<number> {
  checkFlags(env.args, ['all', 'from', 'to', 'out-dir', 'force', 'merged']);
  const rt = await env.runtime();
  const merged = stringFlag(env.args, 'merged');
  const result = await rt.invoke<BatchResult>('statements.batch', {
    from: requiredFlag(env.args, 'from'),
    to: requiredFlag(env.args, 'to'),
    outDir: requiredFlag(env.args, 'out-dir'),
    force: hasFlag(env.args, 'force'),
    merged: merged !== undefined,
    mergedPath: merged ?? null,
  });
  const lines = [
    `月结对账 → ${result.outDir}：共 ${result.total} 位客户，生成 ${result.generated}，跳过（已生成）${result.skipped}，失败 ${result.failed.length}`,
    ...result.failed.map((f) => `  失败 ${f.customerCode} ${f.customerName}：${f.message}`),
    ...(result.mergedPath ? [`合并打印文件：${result.mergedPath}（${result.mergedPages} 页）`] : []),
    ...(result.mergedError ? [result.mergedError] : []),
  ];
  if (env.json) {
    printJson(env.io, batchJson(result));
    for (const l of lines) env.io.err(l);
  } else for (const l of lines) env.io.out(l);
  return result.failed.length > 0 || result.mergedError ? 1 : 0;
}

export const statementCommand: CliCommand = {
  words: ['statement'],
  usage:
    'statement --customer CODE [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE.pdf [--json]\n' +
    '  statement --all --from YYYY-MM-DD --to YYYY-MM-DD --out-dir DIR [--force] [--merged FILE.pdf] [--json]',
  summary: '生成客户对账单 PDF 并登记；--all 为月结批量（每位有余额或有业务的客户一份，已生成的跳过，--force 重新生成）',
  async run(env) {
    if (env.rest.length > 0) throw new UsageError(`多余的参数：${env.rest.join(' ')}`);
    if (hasFlag(env.args, 'all')) {
      if (hasFlag(env.args, 'customer') || hasFlag(env.args, 'out')) throw new UsageError('--all 不能与 --customer、--out 同用（批量请用 --out-dir）');
      return all(env);
    }
    return one(env);
  },
};
