/**
 * `aging --db PATH --as-of DATE [--basis due|document] [filters] --json`:
 * exactly the JSON of issue 6, filters narrowing the customers, and usage
 * errors (exit 2, nothing on stdout) for an as-of that is not a date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { readTableFile } from '../../../electron/services/import/readTable';
import type { ExportFile } from '../../../shared/api/imports';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, DEFAULT_LIST, post } from './helpers';

let t: TempRuntime;
beforeAll(async () => {
  t = await tempRuntime();
  const a = await customer(t, 'C0001', { name: '重庆华东商贸有限公司', grade: 'A', region: '西南', salesperson: '王海', paymentTermDays: 30 });
  const b = await customer(t, 'C0002', { name: '北京恒通建材有限公司', grade: 'B', region: '华北', salesperson: '李娜', paymentTermDays: 30 });
  await customer(t, 'C0003', { name: '无往来客户' });
  const paid = await customer(t, 'C0004', { name: '已结清客户', grade: 'A' });
  await post(t, 'ledger.postInvoice', { customerId: a.id, date: '2026-05-10', amountFen: 123_400 });
  await post(t, 'ledger.postInvoice', { customerId: a.id, date: '2026-06-20', amountFen: 50_000 });
  await post(t, 'ledger.postReceipt', { customerId: b.id, date: '2026-06-01', amountFen: 20_000 });
  await post(t, 'ledger.postInvoice', { customerId: paid.id, date: '2026-01-10', amountFen: 7_000 });
  await post(t, 'ledger.postReceipt', { customerId: paid.id, date: '2026-02-10', amountFen: 7_000 });
});
afterAll(() => t.cleanup());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (x) => out.push(x), err: (x) => err.push(x) }, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('CLI and export: aging', () => {
  it('--json prints exactly the documented object', async () => {
    const r = await cli('aging', '--db', t.dbFile, '--as-of', '2026-06-30', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      asOf: '2026-06-30',
      basis: 'due',
      buckets: DEFAULT_LIST,
      customers: [
        // 123,400 due 2026-06-09 (21 days), 50,000 due 2026-07-20 (not yet due).
        { code: 'C0001', name: '重庆华东商贸有限公司', balanceFen: 173_400, unappliedFen: 0, bucketsFen: [50_000, 123_400, 0, 0, 0, 0, 0] },
        { code: 'C0002', name: '北京恒通建材有限公司', balanceFen: -20_000, unappliedFen: 20_000, bucketsFen: [0, 0, 0, 0, 0, 0, 0] },
      ],
      totals: { balanceFen: 153_400, unappliedFen: 20_000, bucketsFen: [50_000, 123_400, 0, 0, 0, 0, 0] },
    });
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['asOf', 'basis', 'buckets', 'customers', 'totals']);
  });

  it('as of a date before the later documents, and on the document basis', async () => {
    const early = JSON.parse((await cli('aging', '--db', t.dbFile, '--as-of', '2026-05-31', '--json')).stdout);
    expect(early.customers).toEqual([{ code: 'C0001', name: '重庆华东商贸有限公司', balanceFen: 123_400, unappliedFen: 0, bucketsFen: [123_400, 0, 0, 0, 0, 0, 0] }]);
    const doc = JSON.parse((await cli('aging', '--db', t.dbFile, '--as-of', '2026-06-30', '--basis', 'document', '--json')).stdout);
    expect(doc.basis).toBe('document');
    expect(doc.buckets[0].label).toBe('当期');
    // 2026-05-10 is 51 days old, 2026-06-20 ten days.
    expect(doc.customers[0].bucketsFen).toEqual([0, 50_000, 123_400, 0, 0, 0, 0]);
  });

  it('--grade, --salesperson and --region narrow the customers', async () => {
    const json = async (...flags: string[]) => JSON.parse((await cli('aging', '--db', t.dbFile, '--as-of', '2026-06-30', ...flags, '--json')).stdout);
    expect((await json('--grade', 'B')).customers.map((c: { code: string }) => c.code)).toEqual(['C0002']);
    expect((await json('--grade', 'A,B')).customers).toHaveLength(2);
    expect((await json('--salesperson', '王海')).customers.map((c: { code: string }) => c.code)).toEqual(['C0001']);
    const north = await json('--region', '华北');
    expect(north.customers.map((c: { code: string }) => c.code)).toEqual(['C0002']);
    expect(north.totals).toEqual({ balanceFen: -20_000, unappliedFen: 20_000, bucketsFen: [0, 0, 0, 0, 0, 0, 0] });
  });

  it('without --json prints a readable table to stdout', async () => {
    const r = await cli('aging', '--db', t.dbFile, '--as-of', '2026-06-30');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('账龄分析 截止 2026-06-30（按到期日）');
    expect(r.stdout).toContain('C0001\t重庆华东商贸有限公司\t500.00\t1,234.00');
    expect(r.stdout).toContain('合计\t2 户');
  });

  it('the .xlsx export: one row per customer as the report, bucket columns as configured, a totals row', async () => {
    const file = await t.rt.invoke<ExportFile>('aging.exportXlsx', { asOf: '2026-06-30', sort: { column: 'code', direction: 'asc' } });
    expect(file.fileName).toBe('账龄分析-按到期日-2026-06-30.xlsx');
    expect(file.rows).toBe(2);
    const read = await readTableFile(Buffer.from(file.dataBase64, 'base64'), file.fileName);
    // The title block (issue 16) sits above the header: report name, as-of date, basis, generated at.
    const h = read.rows.findIndex((r) => r[0] === '客户编码');
    expect(read.rows.slice(0, h).map((r) => r[0])).toEqual(['账龄分析表', '截止日期：2026-06-30', '账龄基准：按到期日', '生成时间：2026-11-24 10:00', undefined]);
    const table = { rows: read.rows.slice(h) };
    expect(table.rows[0]).toEqual(['客户编码', '客户名称', '等级', '类型', '地区', '业务员', ...DEFAULT_LIST.map((b) => b.label), '预收（未核销）', '余额', '其中逾期']);
    expect(table.rows[1]).toEqual(['C0001', '重庆华东商贸有限公司', 'A', null, '西南', '王海', 500, 1234, 0, 0, 0, 0, 0, 0, 1734, 1234]);
    expect(table.rows[2]).toEqual(['C0002', '北京恒通建材有限公司', 'B', null, '华北', '李娜', 0, 0, 0, 0, 0, 0, 0, 200, -200, 0]);
    expect(table.rows[3]).toEqual([null, '合计（2 户）', null, null, null, null, 500, 1234, 0, 0, 0, 0, 0, 200, 1534, 1234]);
  });

  it('an as-of that is not a date, an unknown basis or grade: usage error, exit 2, nothing on stdout', async () => {
    for (const bad of ['2026-02-30', '2026/06/30', 'yesterday', '']) {
      const r = await cli('aging', '--db', t.dbFile, `--as-of=${bad}`, '--json');
      expect(r.code, bad).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('--as-of 应为有效日期，格式 YYYY-MM-DD');
    }
    expect((await cli('aging', '--db', t.dbFile, '--basis', 'age', '--json')).code).toBe(2);
    expect((await cli('aging', '--db', t.dbFile, '--grade', 'E', '--json')).code).toBe(2);
    expect((await cli('aging', '--db', t.dbFile, '--as-of')).code).toBe(2);
  });
});
