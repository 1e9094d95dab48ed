import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractDetail, ContractListRow } from '../../../shared/api/contracts';
import type { Page } from '../../../shared/api/customers';
import type { ExportFile, ImportBatch, ImportCommitResult, ImportReport } from '../../../shared/api/imports';
import { DomainError } from '../../../shared/errors';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { auditRows, count, create, salesContract, seed, type Seed } from './helpers';

let t: TempRuntime;
let s: Seed;
beforeEach(async () => {
  t = await tempRuntime();
  s = await seed(t);
});
afterEach(() => t.cleanup());

const HEADER = '合同号,客户编码,合同名称,合同类型,签订日期,开始日期,结束日期,状态,产品编码,品名,规格,单位,数量,单价,备注,合同金额';
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\r\n'), 'utf8').toString('base64');
const input = (dataBase64: string, fileName = '合同.csv') => ({ kind: 'contracts', fileName, dataBase64 });

async function refused(dataBase64: string): Promise<ImportReport> {
  try {
    await t.rt.invoke('imports.commit', input(dataBase64));
  } catch (e) {
    if (e instanceof DomainError && e.details) return e.details as ImportReport;
    throw e;
  }
  throw new Error('the import was not refused');
}

const byNo = async (no: string) => {
  const page = await t.rt.invoke<Page<ContractListRow>>('contracts.list', { search: no });
  return t.rt.invoke<ContractDetail>('contracts.get', { id: page.rows[0].id });
};

/**
 * Rows 2–5: HT-A has three lines spread over the file (合同号 and 客户编码 on every row, other header cells
 * blank = same as above); HT-B is a framework agreement without lines.
 */
const GOOD = csv(
  'HT-A,C0001,钢材合同,销售合同,2026-11-01,2026-11-01,2027-10-31,生效,P001,,,,2,4150,首批,',
  'HT-B,c0002,框架协议,框架协议,2026/10/8,,,草稿,,,,,,,,"200,000.00"',
  'HT-A,C0001,,,,,,,P002,,,,12,300,,',
  'ht-a,C0001,,,,,,,,运费,,次,1,500.5,,',
);

describe('contract import', () => {
  it('groups rows by 合同号 into contracts with their lines, in one batch', async () => {
    const preview = await t.rt.invoke<ImportReport>('imports.preview', input(GOOD));
    expect(preview).toEqual({ kind: 'contracts', rows: 4, imported: 0, dryRun: true, errors: [], warnings: [] });
    expect(count(t, 'contracts')).toBe(0);

    const result = await t.rt.invoke<ImportCommitResult>('imports.commit', input(GOOD));
    expect(result.report).toEqual({ kind: 'contracts', rows: 4, imported: 4, dryRun: false, errors: [], warnings: [] });
    expect(result.batch).toMatchObject({ kind: 'contracts', fileName: '合同.csv', rows: 4, undoBlockedReason: null });

    const a = await byNo('HT-A');
    expect(a).toMatchObject({ customerCode: 'C0001', title: '钢材合同', kind: 'sales', status: 'active', notes: '首批', importBatchId: result.batch.id });
    expect(a.activatedAt).not.toBeNull();
    expect(a.lines.map((l) => [l.productCode, l.description, l.unit, l.qtyThousandths, l.amountFen])).toEqual([
      ['P001', '螺纹钢', '吨', 2000, 830_000],
      ['P002', '水泥', '吨', 12_000, 360_000],
      [null, '运费', '次', 1000, 50_050],
    ]);
    expect(a.amountFen).toBe(1_240_050);
    const b = await byNo('HT-B');
    expect(b).toMatchObject({ customerCode: 'C0002', kind: 'framework', status: 'draft', amountFen: 20_000_000, amountManual: true, signedOn: '2026-10-08' });
    expect(auditRows(t).filter((r) => r.entity === 'contract').map((r) => r.action)).toEqual(['import', 'import']);
  });

  it('a header value that disagrees with the contract\'s earlier row is an error on the later row', async () => {
    const report = await refused(
      csv(
        'HT-A,C0001,钢材合同,销售合同,2026-11-01,,,草稿,P001,,,,2,4150,,',
        'HT-A,C0001,另一个名称,,,,,,P002,,,,1,300,,',
        'HT-A,C0002,,,,,,,P002,,,,1,300,,',
      ),
    );
    expect(report.errors).toEqual([
      { row: 3, column: '合同名称', message: expect.stringContaining('与第 2 行') },
      { row: 4, column: '客户编码', message: expect.stringContaining('与第 2 行') },
    ]);
    expect(count(t, 'contracts')).toBe(0);
  });

  it('is all-or-nothing: an unknown customer or product code is an error on its row and nothing is written', async () => {
    const report = await refused(
      csv(
        'HT-OK,C0001,好合同,,,,,,P001,,,,1,4150,,',
        'HT-X,C9999,客户不存在,,,,,,P001,,,,1,4150,,',
        'HT-Y,C0002,产品不存在,,,,,,P999,,,,1,10,,',
        'HT-Z,C0002,数量为零,,,,,,P001,,,,0,10,,',
        'HT-W,C0002,单价三位小数,,,,,,,扎丝,,,1,1.005,,',
        'HT-V,C0002,结束早于开始,,,2026-12-01,2026-11-01,,,,,,,,,',
      ),
    );
    expect(report).toMatchObject({ kind: 'contracts', rows: 6, imported: 0, dryRun: false });
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '客户编码'],
      [4, '产品编码'],
      [5, '数量'],
      [6, '单价'],
      [7, '结束日期'],
    ]);
    expect(report.errors[0].message).toContain('C9999');
    expect(count(t, 'contracts')).toBe(0);
    expect(count(t, 'import_batches')).toBe(0);
  });

  it('refuses a number already in use, a 生效 contract without a signing date or lines, and a hand amount on a sales contract', async () => {
    await create(t, salesContract(s, { contractNo: 'HT202611-0001' }));
    const report = await refused(
      csv(
        'ht202611-0001,C0001,重复,,,,,,P001,,,,1,1,,',
        'HT-N,C0001,未签订,,,,,生效,P001,,,,1,1,,',
        'HT-M,C0001,没有明细,销售合同,2026-11-01,,,生效,,,,,,,,',
        'HT-L,C0001,手填金额,销售合同,,,,,,,,,,,,100',
      ),
    );
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '合同号'],
      [3, '签订日期'],
      [4, '数量'],
      [5, '合同金额'],
    ]);
    expect(report.errors[1].message).toContain('生效');
  });

  it('warns (does not refuse) when an informational 金额 disagrees with qty × price; reports unknown columns', async () => {
    const file = Buffer.from(
      ['合同号,客户编码,产品编码,数量,单价,金额,经办人', 'HT-Q,C0001,P001,1.5,0.05,0.07,王五'].join('\n'),
      'utf8',
    ).toString('base64');
    const report = await t.rt.invoke<ImportReport>('imports.preview', input(file));
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([
      { row: null, column: '经办人', message: expect.stringContaining('未知列') },
      { row: 2, column: '金额', message: expect.stringContaining('0.08') },
    ]);
  });

  it('undo removes the batch\'s contracts (audited) while nothing refers to them; contracts block undoing the customers\' import', async () => {
    const { batch } = await t.rt.invoke<ImportCommitResult>('imports.commit', input(GOOD));
    const undone = await t.rt.invoke<ImportBatch>('imports.undo', { batchId: batch.id, reason: '导错了文件' });
    expect(undone.undoneAt).not.toBeNull();
    expect(count(t, 'contracts')).toBe(0);
    expect(count(t, 'contract_lines')).toBe(0);
    expect(auditRows(t).filter((r) => r.entity === 'contract').map((r) => r.action)).toEqual(['import', 'import', 'remove', 'remove']);

    const customers = Buffer.from('客户编码,客户名称\nC0100,杭州新客户有限公司\n', 'utf8').toString('base64');
    const imported = await t.rt.invoke<ImportCommitResult>('imports.commit', { kind: 'customers', fileName: 'c.csv', dataBase64: customers });
    await t.rt.invoke('imports.commit', input(csv('HT-C,C0100,新客户合同,,,,,,P001,,,,1,10,,')));
    const [customerBatch] = (await t.rt.invoke<ImportBatch[]>('imports.batches', { kind: 'customers' })).filter((b) => b.id === imported.batch.id);
    expect(customerBatch.undoBlockedReason).toContain('合同');
    expect(await t.rt.call('imports.undo', { batchId: imported.batch.id, reason: '撤销' })).toMatchObject({ ok: false });
  });

  it('a contract import with an attachment added since cannot be undone', async () => {
    const { batch } = await t.rt.invoke<ImportCommitResult>('imports.commit', input(GOOD));
    const a = await byNo('HT-A');
    await t.rt.invoke('contracts.addAttachment', { contractId: a.id, fileName: 's.pdf', dataBase64: Buffer.from('%PDF-1.4\n').toString('base64') });
    const [listed] = await t.rt.invoke<ImportBatch[]>('imports.batches', { kind: 'contracts' });
    expect(listed.undoBlockedReason).toContain('附件');
    expect(batch.id).toBe(listed.id);
  });

  it('an export re-imports unchanged into another database with the same customers and products', async () => {
    await t.rt.invoke('imports.commit', input(GOOD));
    const c = await create(t, salesContract(s, { contractNo: 'HT202611-0001', paymentTerms: '货到 30 天付款', rebateTerms: '年返 1%' }));
    await t.rt.invoke('contracts.terminate', { id: c.id, reason: '客户取消' });
    const exported = await t.rt.invoke<ExportFile>('contracts.exportXlsx', {});
    const other = await tempRuntime();
    try {
      await seed(other);
      const result = await other.rt.invoke<ImportCommitResult>('imports.commit', input(exported.dataBase64, exported.fileName));
      expect(result.report.errors).toEqual([]);
      expect(result.report.warnings).toEqual([]);
      const shape = async (rt: TempRuntime) => {
        const page = await rt.rt.invoke<Page<ContractListRow>>('contracts.list', { sort: { column: 'contractNo', direction: 'asc' } });
        const details = await Promise.all(page.rows.map((r) => rt.rt.invoke<ContractDetail>('contracts.get', { id: r.id })));
        return details.map((d) => ({
          no: d.contractNo,
          customer: d.customerCode,
          head: [d.title, d.kind, d.status, d.signedOn, d.startsOn, d.endsOn, d.amountFen, d.amountManual, d.paymentTerms, d.rebateTerms, d.notes],
          lines: d.lines.map((l) => [l.productCode, l.description, l.spec, l.unit, l.qtyThousandths, l.unitPriceFen, l.amountFen]),
        }));
      };
      expect(await shape(other)).toEqual(await shape(t));
    } finally {
      other.cleanup();
    }
  });
});
