/**
 * A long statement (many pages: header on every page, page x of y) and the
 * `statement` CLI: the documented JSON shapes, the same lines and totals as
 * `ledger`, the register, and refusals that record nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { GeneratedStatement } from '../../../shared/api/statements';
import { addDays } from '../../../shared/dates/calendar';
import { rmbUppercase } from '../../../shared/money/rmbUppercase';
import type { TempRuntime } from '../../helpers/tempRuntime';
import { customer, pdfRaw, post, sha256File, statementRuntime } from './helpers';
import { execFileSync } from 'node:child_process';

let t: TempRuntime;
beforeEach(async () => {
  t = await statementRuntime();
});
afterEach(() => t.cleanup());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (x) => out.push(x), err: (x) => err.push(x) }, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('a long statement', () => {
  it('runs over several pages with the table header and page x of y on each', async () => {
    const c = await customer(t, 'C0001', '长对账单客户');
    for (let i = 0; i < 160; i++) {
      const date = addDays('2026-07-01', Math.floor(i / 2));
      if (i % 5 === 4) await post(t, 'ledger.postReceipt', { customerId: c.id, date, amountFen: 20_000 + i, memo: '银行转账' });
      else await post(t, 'ledger.postInvoice', { customerId: c.id, date, amountFen: 10_000 + i * 7, memo: i % 7 === 0 ? '长摘要：'.repeat(12) + '应在本列内换行' : `第 ${i} 批发货` });
    }
    const out = path.join(t.dir, 'long.pdf');
    const g = await t.rt.invoke<GeneratedStatement>('statements.generate', { customerId: c.id, from: '2026-07-01', to: '2026-11-30', outPath: out });
    expect(g.statement.pages).toBeGreaterThanOrEqual(4);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Pages:\\s+${g.statement.pages}\\b`));
    const pages = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(g.statement.pages);
    pages.forEach((page, i) => {
      // The column titles of the ledger table repeat at the top of every page that continues it.
      if (i < pages.length - 1 || page.includes('YS')) for (const h of ['日期', '单号', '摘要', '应收增加', '收款/减少', '余额']) expect(page).toContain(h);
      if (i > 0) expect(page).toContain('（续）');
    });
    const raw = pdfRaw(out);
    for (let p = 1; p <= g.statement.pages; p++) expect(raw).toContain(`第 ${p} 页 / 共 ${g.statement.pages} 页`);
    for (const line of g.lines) expect(raw).toContain(line.docNo);
    if (process.env.STATEMENT_PNG) execFileSync('pdftoppm', ['-r', '80', '-png', out, path.join(process.env.STATEMENT_PNG, 'long')]);
  });
});

describe('CLI: statement', () => {
  async function seed() {
    const a = await customer(t, 'C0001', '宁波顺达五金批发部');
    await post(t, 'ledger.postOpening', { customerId: a.id, date: '2026-01-01', amountFen: 1_000_000 });
    await post(t, 'ledger.postInvoice', { customerId: a.id, date: '2026-11-03', amountFen: 1_680_32 });
    await post(t, 'ledger.postReceipt', { customerId: a.id, date: '2026-11-18', amountFen: 500_000, memo: '工行转账' });
    const b = await customer(t, 'C0002', '温州新光商行');
    await post(t, 'ledger.postInvoice', { customerId: b.id, date: '2026-11-10', amountFen: 99_00 });
    t.rt.close();
  }

  it('statement --json prints exactly the documented shape, with the same lines and totals as ledger', async () => {
    await seed();
    const out = path.join(t.dir, 'C0001.pdf');
    const r = await cli('statement', '--db', t.dbFile, '--customer', 'c0001', '--from', '2026-11-01', '--to', '2026-11-30', '--out', out, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown> & { lines: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['statementNo', 'customer', 'from', 'to', 'openingFen', 'lines', 'closingFen', 'closingInWords', 'pdf', 'pages']);
    expect(Object.keys(json.customer as object)).toEqual(['code', 'name']);
    expect(Object.keys(json.lines[0])).toEqual(['date', 'docNo', 'kind', 'memo', 'debitFen', 'creditFen', 'balanceFen']);
    expect(json).toMatchObject({ statementNo: 'DZ202611-0001', customer: { code: 'C0001', name: '宁波顺达五金批发部' }, from: '2026-11-01', to: '2026-11-30', pdf: out, pages: 1 });
    const ledger = await cli('ledger', '--db', t.dbFile, '--customer', 'C0001', '--from', '2026-11-01', '--to', '2026-11-30', '--json');
    const l = JSON.parse(ledger.stdout) as Record<string, unknown>;
    expect(json.openingFen).toBe(l.openingFen);
    expect(json.lines).toEqual(l.lines);
    expect(json.closingFen).toBe(l.closingFen);
    expect(json.closingInWords).toBe(rmbUppercase(json.closingFen as number));
    expect(json.closingFen).toBe(1_000_000 + 1_680_32 - 500_000);
    expect(fs.existsSync(out)).toBe(true);
    expect(r.stderr).toContain('DZ202611-0001');

    const plain = await cli('statement', '--db', t.dbFile, '--customer', 'C0002', '--out', path.join(t.dir, 'C0002.pdf'));
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('2026-11-10 至');
  });

  it('statement --all --json: the documented counts; skip unless --force; --merged; the register records every file', async () => {
    await seed();
    const dir = path.join(t.dir, 'month');
    const merged = path.join(t.dir, 'print.pdf');
    const r = await cli('statement', '--db', t.dbFile, '--all', '--from', '2026-11-01', '--to', '2026-11-30', '--out-dir', dir, '--merged', merged, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['generated', 'skipped', 'failed']);
    expect(json).toEqual({ generated: 2, skipped: 0, failed: [] });
    expect(fs.existsSync(merged)).toBe(true);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['C0001_宁波顺达五金批发部_2026-11-01_2026-11-30.pdf', 'C0002_温州新光商行_2026-11-01_2026-11-30.pdf']);

    const again = JSON.parse((await cli('statement', '--db', t.dbFile, '--all', '--from', '2026-11-01', '--to', '2026-11-30', '--out-dir', dir, '--json')).stdout);
    expect(again).toEqual({ generated: 0, skipped: 2, failed: [] });
    const forced = JSON.parse((await cli('statement', '--db', t.dbFile, '--all', '--from', '2026-11-01', '--to', '2026-11-30', '--out-dir', dir, '--force', '--json')).stdout);
    expect(forced).toEqual({ generated: 2, skipped: 0, failed: [] });

    const rt = await import('../../../electron/api/runtime');
    const reopened = await rt.AppRuntime.start({ dbFile: t.dbFile, dataDir: t.dir, actor: { user: 'x', device: 'y' } });
    const rows = reopened.database().sqlite.prepare(`SELECT pdf_sha256, output_path FROM statements WHERE superseded_by IS NULL`).all() as { pdf_sha256: string; output_path: string }[];
    reopened.close();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(sha256File(row.output_path)).toBe(row.pdf_sha256);
  });

  it('an output folder that cannot be written: a clear error, exit 1, nothing recorded', async () => {
    await seed();
    const blocker = path.join(t.dir, 'blocker');
    fs.writeFileSync(blocker, 'x');
    const one = await cli('statement', '--db', t.dbFile, '--customer', 'C0001', '--from', '2026-11-01', '--to', '2026-11-30', '--out', path.join(blocker, 'x.pdf'));
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('无法写入输出文件夹');
    const all = await cli('statement', '--db', t.dbFile, '--all', '--from', '2026-11-01', '--to', '2026-11-30', '--out-dir', path.join(blocker, 'dir'), '--json');
    expect(all.code).toBe(1);
    expect(all.stderr).toContain('无法写入输出文件夹');
    const backwards = await cli('statement', '--db', t.dbFile, '--customer', 'C0001', '--from', '2026-11-30', '--to', '2026-11-01', '--out', path.join(t.dir, 'x.pdf'));
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toContain('结束日期不能早于开始日期');
    const unknown = await cli('statement', '--db', t.dbFile, '--customer', 'NOPE', '--out', path.join(t.dir, 'x.pdf'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('不存在');
    expect((await cli('statement', '--db', t.dbFile, '--all', '--customer', 'C0001', '--from', '2026-11-01', '--to', '2026-11-30')).code).toBe(2);
    const rt = await import('../../../electron/api/runtime');
    const reopened = await rt.AppRuntime.start({ dbFile: t.dbFile, dataDir: t.dir, actor: { user: 'x', device: 'y' } });
    const n = (reopened.database().sqlite.prepare(`SELECT count(*) AS n FROM statements`).get() as { n: number }).n;
    reopened.close();
    expect(n).toBe(0);
  });
});
