import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { addDays } from '../../../shared/dates/calendar';
import { systemClock } from '../../../shared/dates/clock';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { create, salesContract, seed } from './helpers';

// The CLI runs on the real clock, so the data is dated around the real today.
const today = systemClock().today();
let t: TempRuntime;

beforeEach(async () => {
  t = await tempRuntime({ clock: systemClock() });
  const s = await seed(t);
  const soon = await create(t, salesContract(s, { contractNo: 'HT-SOON', signedOn: addDays(today, -30), startsOn: addDays(today, -30), endsOn: addDays(today, 12) }));
  await t.rt.invoke('contracts.activate', { id: soon.id });
  await create(t, salesContract(s, { contractNo: 'HT-LATER', customerId: s.hengtong.id, kind: 'annual', startsOn: addDays(today, -1), endsOn: addDays(today, 200), lines: [{ description: '服务费', qty: '1', unitPrice: '99.99' }] }));
  t.rt.close();
});
afterEach(() => t.cleanup());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (x) => out.push(x), err: (x) => err.push(x) }, {});
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('CLI: contracts and import contracts', () => {
  it('contracts --json lists every contract with its amount, in the documented fields', async () => {
    const r = await cli('contracts', '--db', t.dbFile, '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0])).toEqual([
      'contractNo',
      'customerCode',
      'customerName',
      'title',
      'kind',
      'status',
      'displayStatus',
      'signedOn',
      'startsOn',
      'endsOn',
      'amountFen',
    ]);
    expect(rows[0]).toMatchObject({ contractNo: 'HT-LATER', customerCode: 'C0002', kind: 'annual', status: 'draft', amountFen: 9999 });
    expect(rows[1]).toMatchObject({ contractNo: 'HT-SOON', customerCode: 'C0001', customerName: '重庆华东商贸有限公司', status: 'active', displayStatus: 'active', amountFen: 1_190_000 });
    expect(r.stderr).toContain('共 2 份合同');
  });

  it('--customer CODE and --ending-within DAYS narrow the list; bad values are usage errors or refusals', async () => {
    const mine = JSON.parse((await cli('contracts', '--db', t.dbFile, '--customer', 'c0002', '--json')).stdout) as { contractNo: string }[];
    expect(mine.map((c) => c.contractNo)).toEqual(['HT-LATER']);
    const ending = JSON.parse((await cli('contracts', '--db', t.dbFile, '--ending-within', '30', '--json')).stdout) as { contractNo: string }[];
    expect(ending.map((c) => c.contractNo)).toEqual(['HT-SOON']);
    expect((await cli('contracts', '--db', t.dbFile, '--ending-within', 'soon')).code).toBe(2);
    const unknown = await cli('contracts', '--db', t.dbFile, '--customer', 'C9999', '--json');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('C9999');
    const human = await cli('contracts', '--db', t.dbFile);
    expect(human.stdout.split('\n')[1]).toContain('HT-SOON');
  });

  it('import contracts prints the report on stdout, on success, on a dry run and when refused', async () => {
    const file = path.join(t.dir, '合同.csv');
    fs.writeFileSync(file, '\ufeff合同号,客户编码,产品编码,数量,单价\nHT-NEW,C0001,P001,1,4150\nHT-NEW,C0001,P002,2,300\n');
    const dry = await cli('import', 'contracts', file, '--db', t.dbFile, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ kind: 'contracts', rows: 2, imported: 0, dryRun: true, errors: [], warnings: [] });
    const done = await cli('import', 'contracts', file, '--db', t.dbFile, '--json');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toEqual({ kind: 'contracts', rows: 2, imported: 2, dryRun: false, errors: [], warnings: [] });

    const bad = path.join(t.dir, 'bad.csv');
    fs.writeFileSync(bad, '合同号,客户编码,产品编码,数量,单价\nHT-BAD,C0001,P001,1,4150\nHT-BAD2,C4040,P001,1,4150\n');
    const refused = await cli('import', 'contracts', bad, '--db', t.dbFile, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual({
      kind: 'contracts',
      rows: 2,
      imported: 0,
      dryRun: false,
      errors: [{ row: 3, column: '客户编码', message: expect.stringContaining('C4040') }],
      warnings: [],
    });
    const list = JSON.parse((await cli('contracts', '--db', t.dbFile, '--json')).stdout) as { contractNo: string }[];
    expect(list.map((c) => c.contractNo)).toEqual(['HT-LATER', 'HT-NEW', 'HT-SOON']);
  });

  it('export contracts writes an .xlsx that the import reads back', async () => {
    const out = path.join(t.dir, 'contracts.xlsx');
    const r = await cli('export', 'contracts', out, '--db', t.dbFile, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'contracts', rows: 3 });
    const dry = await cli('import', 'contracts', out, '--db', t.dbFile, '--dry-run', '--json');
    // Same numbers exist already: every contract is reported, which proves the file was read as contracts.
    expect(JSON.parse(dry.stdout).errors.map((e: { column: string }) => e.column)).toEqual(['合同号', '合同号']);
  });
});
