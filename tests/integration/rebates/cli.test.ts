/**
 * The CLI contracts of point 6: `rebates --json` (exact keys, attainment and
 * tier as decimals), `rebates settle`, and `import rebate-policies` from GBK
 * CSV, UTF-16 text and .xlsx (all-or-nothing, report on stdout). The CLI runs
 * in-process on the database file the test prepared; its clock is the real
 * one, so the contracts run in 2025 (their periods have ended).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { ContractDetail } from '../../../shared/api/contracts';
import { fixedClock } from '../../../shared/dates/clock';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { fixtureDir, gbkCsv, utf16Tab, xlsxFile, type FixtureDir } from '../customers/fixtures';
import { annualContract, customer, invoice } from './helpers';

let t: TempRuntime;
let files: FixtureDir;
let k1: ContractDetail;
let k2: ContractDetail;
beforeEach(async () => {
  t = await tempRuntime({ clock: fixedClock('2026-01-15T04:00:00Z') });
  files = fixtureDir();
  const a = await customer(t, 'C0001');
  const b = await customer(t, 'C0002');
  k1 = await annualContract(t, a.id, '2025-01-01', '2025-12-31');
  k2 = await annualContract(t, b.id, '2025-01-01', '2025-12-31');
  await invoice(t, a.id, k1.id, '2025-03-01', 85_230_000);
  await invoice(t, b.id, k2.id, '2025-03-01', 60_000_000);
  t.rt.close();
});
afterEach(() => {
  files.remove();
  t.cleanup();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--db', t.dbFile], { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const HEADER = ['合同号', '期间起', '期间止', '基数', '目标金额', '档位', '计算方式', '封顶', '按期回款返利', '备注'];

describe('import rebate-policies', () => {
  it('imports a GBK CSV with the issue columns, then `rebates --json` prints the exact fields', async () => {
    const file = files.write(
      'policies.csv',
      gbkCsv([
        HEADER,
        [k1.contractNo, '2025-01-01', '2025-12-31', '销售', '1,000,000', '80%:1%;100%:2%;120%:3%', '全额累进', '', '', '年度'],
        [k2.contractNo, '2025-01-01', '2025-06-30', '', '500000', '100%:￥5,000', '', '8000', '', ''],
      ]),
    );
    const imported = await cli('import', 'rebate-policies', file, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ kind: 'rebate-policies', rows: 2, imported: 2, dryRun: false, errors: [] });

    const list = await cli('rebates', '--as-of', '2025-12-31', '--json');
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout);
    expect(rows).toEqual([
      {
        contractNo: k2.contractNo,
        customerCode: 'C0002',
        periodFrom: '2025-01-01',
        periodTo: '2025-06-30',
        basis: 'sales',
        baseFen: 60_000_000,
        targetFen: 50_000_000,
        attainment: 1.2,
        tier: 1,
        earnedFen: 500_000,
        settledFen: 0,
        differenceFen: 0,
      },
      {
        contractNo: k1.contractNo,
        customerCode: 'C0001',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        basis: 'sales',
        baseFen: 85_230_000,
        targetFen: 100_000_000,
        attainment: 0.8523,
        tier: 0.8,
        earnedFen: 852_300,
        settledFen: 0,
        differenceFen: 0,
      },
    ]);
    expect(Object.keys(rows[0])).toEqual(['contractNo', 'customerCode', 'periodFrom', 'periodTo', 'basis', 'baseFen', 'targetFen', 'attainment', 'tier', 'earnedFen', 'settledFen', 'differenceFen']);
    const one = JSON.parse((await cli('rebates', '--contract', k1.contractNo, '--json')).stdout);
    expect(one.map((r: { contractNo: string }) => r.contractNo)).toEqual([k1.contractNo]);

    // Settle from the command line; a second time is refused with exit 1.
    const settled = await cli('rebates', 'settle', '--contract', k1.contractNo, '--period-to', '2025-12-31', '--json');
    expect(settled.code).toBe(0);
    expect(JSON.parse(settled.stdout)).toMatchObject({ contractNo: k1.contractNo, as: 'credit', amountFen: 852_300 });
    const twice = await cli('rebates', 'settle', '--contract', k1.contractNo, '--period-to', '2025-12-31');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('不能重复结算');
    const after = JSON.parse((await cli('rebates', '--contract', k1.contractNo, '--json')).stdout);
    expect(after[0]).toMatchObject({ settledFen: 852_300, differenceFen: 0 });
    const wrong = await cli('rebates', 'settle', '--contract', k1.contractNo, '--period-to', '2025-12-31', '--as', 'cheque');
    expect(wrong.code).toBe(2);
  });

  it('refuses the whole file when one row is bad (tiers out of order, zero target, outside the term), writing nothing', async () => {
    const file = files.write(
      'bad.txt',
      utf16Tab([
        HEADER,
        [k1.contractNo, '2025-01-01', '2025-06-30', '销售', '100000', '80%:1%', '', '', '', ''],
        [k2.contractNo, '2025-01-01', '2025-06-30', '回款', '0', '80%:1%', '', '', '', ''],
        [k2.contractNo, '2025-07-01', '2025-12-31', '销售', '100000', '100%:2%;80%:1%', '', '', '', ''],
        [k1.contractNo, '2025-07-01', '2026-03-31', '销售', '100000', '80%:1%', '超额分段', '', '150%', ''],
        ['HT-NONE', '2025-01-01', '2025-06-30', '销售', '100000', '80%:1%', '', '', '', ''],
      ]),
    );
    const r = await cli('import', 'rebate-policies', file, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.imported).toBe(0);
    const messages = report.errors.map((e: { row: number; column: string; message: string }) => `${e.row}|${e.column}|${e.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^3\|目标金额\|.*大于 0/),
        expect.stringMatching(/^4\|档位\|档位顺序不正确/),
        expect.stringMatching(/^5\|按期回款返利\|.*不能超过 100%/),
        expect.stringMatching(/^6\|合同号\|合同号“HT-NONE”不存在/),
      ]),
    );
    const list = JSON.parse((await cli('rebates', '--json')).stdout);
    expect(list).toEqual([]);
  });

  it('reads .xlsx with date and percent-formatted number cells', async () => {
    const file = files.write(
      'policies.xlsx',
      await xlsxFile([HEADER, [k1.contractNo, new Date('2025-01-01T00:00:00Z'), new Date('2025-12-31T00:00:00Z'), '回款', 1000000, '80%:1%;100%:2%', '超额分段', 20000, 0.005, null]], '返利政策'),
    );
    const r = await cli('import', 'rebate-policies', file, '--json');
    expect(r.code).toBe(0);
    const dry = await cli('import', 'rebate-policies', file, '--dry-run', '--json');
    // The same rows again overlap what is now stored.
    expect(JSON.parse(dry.stdout).errors[0].message).toContain('重叠');
    const rows = JSON.parse((await cli('rebates', '--as-of', '2025-12-31', '--json')).stdout);
    expect(rows[0]).toMatchObject({ basis: 'collections', baseFen: 0, targetFen: 100_000_000 });
  });
});
