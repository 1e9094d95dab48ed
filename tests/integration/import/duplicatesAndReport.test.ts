import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from '../../../electron/services/import/duplicates';
import { mapImportRows } from '../../../electron/services/import/mapRows';
import {
  buildImportReport,
  importRefusedError,
  summarizeReport,
  type ImportReport,
} from '../../../electron/services/import/report';
import { DomainError } from '../../../shared/errors';
import { testColumns } from './helpers';

describe('findDuplicateKeys', () => {
  it('reports each repeat on the later row, naming the first occurrence', () => {
    const mapped = mapImportRows(
      {
        source: 'csv',
        rows: [
          ['客户档案'],
          ['客户编码', '客户名称'],
          ['C0001', '甲'],
          ['C0002', '乙'],
          ['', '无编码'],
          ['C0001', '丙'],
          ['', '无编码 2'],
          ['C0001', '丁'],
          ['c0002', '戊'],
        ],
      },
      testColumns,
    );
    expect(findDuplicateKeys(mapped.rows, 'code', '客户编码')).toEqual([
      { row: 6, column: '客户编码', message: '客户编码“C0001”与第 3 行重复' },
      { row: 8, column: '客户编码', message: '客户编码“C0001”与第 3 行重复' },
    ]);
    expect(findDuplicateKeys(mapped.rows, 'code', '客户编码', { normalize: (s) => s.toUpperCase() })).toContainEqual({
      row: 9,
      column: '客户编码',
      message: '客户编码“c0002”与第 4 行重复',
    });
  });

  it('treats a number cell and the same text as one key', () => {
    const rows = [
      { rowNumber: 2, values: { code: 123 } },
      { rowNumber: 3, values: { code: '123' } },
    ];
    expect(findDuplicateKeys(rows, 'code', '产品编码')).toEqual([
      { row: 3, column: '产品编码', message: '产品编码“123”与第 2 行重复' },
    ]);
  });
});

describe('import report', () => {
  const base: ImportReport = { kind: 'customers', rows: 120, imported: 120, dryRun: false, errors: [], warnings: [] };
  const warning = { row: null, column: '负责人', message: '未知列“负责人”已忽略' };

  it('summarizes success, refusal and dry runs in one line', () => {
    expect(summarizeReport({ ...base, warnings: [warning, warning] })).toBe('导入客户：共 120 行，已导入 120 行，0 个错误，2 个警告');
    const refused = buildImportReport({
      ...base,
      errors: [
        { row: 9, column: '信用额度', message: 'x' },
        { row: 3, column: '客户编码', message: 'y' },
        { row: 3, column: '客户名称', message: '必填' },
      ],
    });
    expect(refused.imported).toBe(0);
    expect(refused.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '客户编码'],
      [3, '客户名称'],
      [9, '信用额度'],
    ]);
    expect(summarizeReport(refused)).toBe('导入客户：共 120 行，未导入（发现 3 个错误）');
    const dry = buildImportReport({ ...base, dryRun: true });
    expect(dry.imported).toBe(0);
    expect(summarizeReport(dry)).toBe('导入客户（试运行）：共 120 行，校验通过，可导入 120 行（未写入数据库），0 个错误，0 个警告');
    expect(summarizeReport({ ...refused, dryRun: true, warnings: [warning] })).toBe(
      '导入客户（试运行）：共 120 行，未导入（发现 3 个错误），1 个警告',
    );
    expect(summarizeReport({ ...base, kind: 'products', imported: 5, rows: 5 })).toBe('导入产品：共 5 行，已导入 5 行，0 个错误，0 个警告');
  });

  it('serializes to exactly the shape of issue 3', () => {
    const report = buildImportReport({
      kind: 'customers',
      rows: 2,
      imported: 2,
      dryRun: false,
      errors: [{ row: 3, column: '信用额度', message: '金额格式不正确' }],
      warnings: [warning],
    });
    expect(JSON.parse(JSON.stringify(report))).toEqual({
      kind: 'customers',
      rows: 2,
      imported: 0,
      dryRun: false,
      errors: [{ row: 3, column: '信用额度', message: '金额格式不正确' }],
      warnings: [{ row: null, column: '负责人', message: '未知列“负责人”已忽略' }],
    });
    const error = importRefusedError(report);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.toData()).toEqual({ code: 'validation', field: 'file', message: summarizeReport(report), details: report });
  });
});
