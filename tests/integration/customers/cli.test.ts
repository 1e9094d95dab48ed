import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { fixtureDir, gbkCsv, legacyXls, readXlsxRows, utf8BomCsv, type FixtureDir } from './fixtures';

let files: FixtureDir;
beforeEach(() => {
  files = fixtureDir();
});
afterEach(() => files.remove());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), errLines: err };
}

const REPORT_KEYS = ['kind', 'rows', 'imported', 'dryRun', 'errors', 'warnings'];
const good = () => gbkCsv([['客户编码', '客户名称', '信用额度', '备注说明'], ['C0001', '北京华东商贸有限公司', '５０，０００'], ['C0002', '重庆山城食品有限公司', '']]);
const bad = () => gbkCsv([['客户编码', '客户名称', '信用额度'], ['C0001', '北京华东商贸有限公司', '5万'], ['C0002', '重庆山城食品有限公司', '']]);

describe('CLI import/export', () => {
  it('success: the report on stdout in exactly the documented shape, a one-line summary on stderr, exit 0', async () => {
    const db = files.path('a.db');
    const r = await cli('import', 'customers', files.write('good.csv', good()), '--db', db, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(REPORT_KEYS);
    expect(report).toEqual({
      kind: 'customers',
      rows: 2,
      imported: 2,
      dryRun: false,
      errors: [],
      warnings: [{ row: null, column: '备注说明', message: '未知列“备注说明”已忽略' }],
    });
    expect(r.errLines).toEqual(['导入客户：共 2 行，已导入 2 行，0 个错误，1 个警告']);
  });

  it('refusal: exit 1, the report still on stdout with --json, nothing written', async () => {
    const db = files.path('b.db');
    const r = await cli('import', 'customers', files.write('bad.csv', bad()), '--db', db, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(REPORT_KEYS);
    expect(report).toMatchObject({ kind: 'customers', rows: 2, imported: 0, dryRun: false });
    expect(report.errors).toEqual([{ row: 2, column: '信用额度', message: expect.stringContaining('万') }]);
    expect(r.errLines).toHaveLength(1);
    expect(r.stderr).toContain('未导入（发现 1 个错误）');
    // Nothing was written: the same file minus the bad cell now imports both rows.
    const again = await cli('import', 'customers', files.write('good.csv', good()), '--db', db, '--json');
    expect(JSON.parse(again.stdout).imported).toBe(2);
  });

  it('without --json the problems are listed on stderr and stdout stays empty', async () => {
    const r = await cli('import', 'customers', files.write('bad.csv', bad()), '--db', files.path('c.db'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('第 2 行［信用额度］');
  });

  it('--dry-run reports, writes nothing, exits 0 (or 1 when the file has errors)', async () => {
    const db = files.path('d.db');
    const dry = await cli('import', 'customers', files.write('good.csv', good()), '--db', db, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ rows: 2, imported: 0, dryRun: true, errors: [] });
    expect(dry.stderr).toContain('试运行');
    const badDry = await cli('import', 'customers', files.write('bad.csv', bad()), '--db', db, '--dry-run', '--json');
    expect(badDry.code).toBe(1);
    expect(JSON.parse(badDry.stdout)).toMatchObject({ dryRun: true, imported: 0 });
    const real = await cli('import', 'customers', files.path('good.csv'), '--db', db, '--json');
    expect(JSON.parse(real.stdout).imported).toBe(2);
  });

  it('a legacy .xls and a missing file are refused with a report (exit 1); usage errors exit 2', async () => {
    const db = files.path('e.db');
    const xls = await cli('import', 'customers', files.write('old.xls', legacyXls()), '--db', db, '--json');
    expect(xls.code).toBe(1);
    expect(JSON.parse(xls.stdout).errors[0]).toMatchObject({ row: 0, column: '文件', message: expect.stringContaining('.xlsx 或 CSV') });
    const missing = await cli('import', 'customers', files.path('nope.csv'), '--db', db, '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).errors[0].message).toContain('文件不存在');
    expect((await cli('import', 'customers', '--db', db)).code).toBe(2);
    expect((await cli('import', 'customers', 'a.csv', '--db', db, '--bogus')).code).toBe(2);
    expect((await cli('export', 'customers', 'out.csv', '--db', db)).code).toBe(2);
  });

  it('export customers writes an .xlsx that imports into an empty database; products too', async () => {
    const db = files.path('f.db');
    await cli('import', 'customers', files.write('good.csv', good()), '--db', db);
    await cli('import', 'products', files.write('p.csv', utf8BomCsv([['产品编码', '产品名称', '单价'], ['P1', '水', '28.00']])), '--db', db);
    const out = files.path('客户.xlsx');
    const r = await cli('export', 'customers', out, '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ kind: 'customers', file: path.resolve(out), rows: 2 });
    expect((await readXlsxRows(fs.readFileSync(out))).length).toBe(3);
    const back = await cli('import', 'customers', out, '--db', files.path('g.db'), '--json');
    expect(JSON.parse(back.stdout)).toMatchObject({ rows: 2, imported: 2, errors: [] });

    const pOut = files.path('产品.xlsx');
    expect((await cli('export', 'products', pOut, '--db', db)).code).toBe(0);
    const pBack = await cli('import', 'products', pOut, '--db', files.path('g.db'), '--json');
    expect(JSON.parse(pBack.stdout)).toMatchObject({ kind: 'products', rows: 1, imported: 1 });
  });
});
