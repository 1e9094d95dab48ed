/**
 * `scorecard` and `salespeople` (issue 14): exactly the documented JSON
 * fields (rates as decimals with 4 places, scores as integers), --customer,
 * usage errors (exit 2) and refused input (exit 1), and the .xlsx export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { readTableFile } from '../../../electron/services/import/readTable';
import type { ExportFile } from '../../../shared/api/imports';
import type { CustomerDetail } from '../../../shared/api/customers';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';

let t: TempRuntime;
beforeAll(async () => {
  t = await tempRuntime();
  const mk = (code: string, salesperson: string, grade: string) =>
    t.rt.invoke<CustomerDetail>('customers.create', { code, name: `命令行客户${code}`, salesperson, grade, paymentTermDays: 30, layer: 'key' });
  const a = await mk('C0001', '王海', 'B');
  const b = await mk('C0002', '李娜', 'C');
  await t.rt.invoke('ledger.postInvoice', { customerId: a.id, date: '2026-03-01', amountFen: 300_000 });
  await t.rt.invoke('ledger.postReceipt', { customerId: a.id, date: '2026-03-31', amountFen: 100_000 });
  await t.rt.invoke('ledger.postInvoice', { customerId: b.id, date: '2026-05-01', amountFen: 70_000 });
  await t.rt.invoke('interactions.create', { customerId: a.id, date: '2026-04-01', channel: 'M', summary: '拜访' });
  await t.rt.invoke('interactions.create', { customerId: a.id, date: '2026-04-02', channel: 'O', summary: '其他' });
  await t.rt.invoke('cases.create', { customerId: b.id, type: 'service', description: '安装慢', receivedOn: '2026-05-03' });
  t.rt.close();
});
afterAll(() => t.cleanup());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (x) => out.push(x), err: (x) => err.push(x) }, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('CLI: scorecard', () => {
  it('--json prints exactly the documented fields', async () => {
    const r = await cli('scorecard', '--db', t.dbFile, '--from', '2026-01-01', '--to', '2026-06-30', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map((x) => Object.keys(x))).toEqual(
      Array(2).fill(['code', 'name', 'salesFen', 'collectedFen', 'collectionRate', 'avgDaysToPay', 'overdueFen', 'salesScore', 'creditScore', 'suggestedGrade', 'grade', 'visits', 'complaints']),
    );
    expect(rows[0]).toMatchObject({
      code: 'C0001',
      salesFen: 300_000,
      collectedFen: 100_000,
      collectionRate: 0.3333,
      avgDaysToPay: 30,
      // Due 2026-03-31, 200,000 still open on 2026-06-30.
      overdueFen: 200_000,
      grade: 'B',
      visits: 1,
      complaints: 0,
    });
    expect(rows[1]).toMatchObject({ code: 'C0002', collectionRate: 0, avgDaysToPay: null, complaints: 1, grade: 'C' });
    for (const row of rows) {
      expect(Number.isInteger(row.salesScore)).toBe(true);
      expect(Number.isInteger(row.creditScore)).toBe(true);
      expect(['A', 'B', 'C', 'D']).toContain(row.suggestedGrade);
    }
  });

  it('--customer narrows to one code; an unknown code and a reversed period are refused (1), a bad date is usage (2)', async () => {
    const one = await cli('scorecard', '--db', t.dbFile, '--customer', 'C0002', '--json');
    expect(JSON.parse(one.stdout).map((x: { code: string }) => x.code)).toEqual(['C0002']);
    const unknown = await cli('scorecard', '--db', t.dbFile, '--customer', 'NOPE', '--json');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('找不到客户编码“NOPE”');
    const reversed = await cli('scorecard', '--db', t.dbFile, '--from', '2026-06-01', '--to', '2026-05-01', '--json');
    expect(reversed.code).toBe(1);
    expect(reversed.stderr).toContain('不能早于开始日期');
    const bad = await cli('scorecard', '--db', t.dbFile, '--from', '2026-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
  });
});

describe('CLI: salespeople', () => {
  it('--json prints rows per salesperson and totals', async () => {
    const r = await cli('salespeople', '--db', t.dbFile, '--from', '2026-01-01', '--to', '2026-06-30', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['from', 'to', 'rows', 'totals']);
    expect(out.rows.map((x: { salesperson: string; salesFen: number }) => [x.salesperson, x.salesFen])).toEqual([
      ['王海', 300_000],
      ['李娜', 70_000],
    ]);
    // (100,000) ÷ (300,000 + 70,000)
    expect(out.totals).toMatchObject({ customers: 2, salesFen: 370_000, collectedFen: 100_000, collectionRate: 0.2703, visitsDone: 1, openComplaints: 1 });
    // 重点 every 30 days, 181 days: 6 planned each.
    expect(out.totals.visitsPlanned).toBe(12);
  });

  it('exports the table as .xlsx with a totals row', async () => {
    const t2 = await tempRuntime({ dbFile: t.dbFile });
    try {
      const file = await t2.rt.invoke<ExportFile>('salespeople.exportXlsx', { from: '2026-01-01', to: '2026-06-30' });
      expect(file.fileName).toBe('业务员业绩_2026-01-01_2026-06-30.xlsx');
      const table = await readTableFile(Buffer.from(file.dataBase64, 'base64'), file.fileName);
      expect(table.rows[0].slice(0, 4)).toEqual(['业务员', '客户数', '有往来客户数', '销售额']);
      expect(table.rows.slice(1).map((r) => r[0])).toEqual(['王海', '李娜', '合计']);
      expect(table.rows[3][3]).toBe(3700);
    } finally {
      t2.rt.close();
    }
  });
});
