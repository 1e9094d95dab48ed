import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineImportColumns, normalizeHeaderName, type FilledCell } from '../../../electron/services/import/columns';
import { columnLetter, mapImportRows } from '../../../electron/services/import/mapRows';
import type { Cell, RawTable } from '../../../electron/services/import/readTable';
import { DomainError, validationError } from '../../../shared/errors';
import { testColumns } from './helpers';

const csv = (rows: Cell[][]): RawTable => ({ rows, source: 'csv', encoding: 'utf-8' });

describe('mapImportRows: header', () => {
  it('accepts English aliases in any case, full-width letters, stray spaces and template markers, in any order', () => {
    const table = csv([
      ['ＮＯＴＥＳ', ' *Name ', 'CODE(必填)', '信用 额度'],
      ['VIP', '华东', 'C0001', '100'],
    ]);
    const mapped = mapImportRows(table, testColumns);
    expect(mapped.errors).toEqual([]);
    expect(mapped.warnings).toEqual([]);
    expect(mapped.rows[0].values).toEqual({
      code: 'C0001',
      name: '华东',
      grade: null,
      credit_limit: 10_000,
      signed_on: null,
      notes: 'VIP',
    });
  });

  it('finds the header below title rows, but only within the first five rows', () => {
    const title = (n: number): Cell[][] => Array.from({ length: n }, (_, i) => [`标题 ${i + 1}`]);
    const within = mapImportRows(csv([...title(4), ['客户编码', '客户名称'], ['C1', '甲']]), testColumns);
    expect(within.headerRowNumber).toBe(5);
    expect(within.rows[0].rowNumber).toBe(6);

    const beyond = mapImportRows(csv([...title(5), ['客户编码', '客户名称'], ['C1', '甲']]), testColumns);
    expect(beyond.headerRowNumber).toBeNull();
    expect(beyond.errors).toEqual([
      { row: 1, column: '客户编码', message: '前 5 行中没有找到表头（表头行须包含必填列：客户编码、客户名称）' },
    ]);
  });

  it('reports each missing required column against the row that looks like the header', () => {
    const mapped = mapImportRows(csv([['客户档案'], ['客户编码', '地区', '备注'], ['C1', '华东', '']]), testColumns);
    expect(mapped.errors).toEqual([{ row: 2, column: '客户名称', message: '缺少必填列“客户名称”（英文列名 name）' }]);
    expect(mapped.rows).toEqual([]);
  });

  it('says so when the file has no content at all', () => {
    expect(mapImportRows(csv([]), testColumns).errors).toEqual([{ row: 1, column: '客户编码', message: '文件中没有任何内容' }]);
    expect(mapImportRows(csv([[], ['', ' ']]), testColumns).errors[0].message).toBe('文件中没有任何内容');
  });

  it('warns once per unknown column and per unnamed column holding data', () => {
    const table = csv([
      ['客户编码', '客户名称', '负责人', '负责人', ''],
      ['C1', '甲', '张三', '李四', ''],
      ['C2', '乙', '', '', '多出来的'],
      ['C3', '丙', '', '', '', '更远'],
    ]);
    expect(mapImportRows(table, testColumns).warnings).toEqual([
      { row: null, column: '负责人', message: '未知列“负责人”已忽略' },
      { row: null, column: null, message: '第 E 列没有列名，其中的内容已忽略' },
      { row: null, column: null, message: '第 F 列没有列名，其中的内容已忽略' },
    ]);
  });

  it('refuses a column given twice (Chinese header and alias), since it is unclear which one counts', () => {
    const mapped = mapImportRows(csv([['客户编码', '客户名称', 'code'], ['C1', '甲', 'C9']]), testColumns);
    expect(mapped.errors).toEqual([
      { row: 1, column: '客户编码', message: '“客户编码”列出现了 2 次（第 A、C 列），无法确定使用哪一列' },
    ]);
  });
});

describe('mapImportRows: data rows', () => {
  it('collects every problem of every row with Excel row numbers, skipping blank rows', () => {
    const table = csv([
      ['客户往来单位'],
      ['客户编码', '客户名称', '等级', '信用额度', '签约日期'],
      ['C0001', '甲', 'A', '100', '2026-01-02'],
      ['', '乙', 'E', 'abc', '2026-01-02'],
      [' ', '　', '', '', ''],
      ['C0003', '', 'b', '1.234', 'x'],
      [null, null],
      ['C0004', '丁', 'c', '', ''],
    ]);
    const mapped = mapImportRows(table, testColumns);
    expect(mapped.dataRowCount).toBe(4);
    expect(mapped.errors).toEqual([
      { row: 4, column: '客户编码', message: '必填' },
      { row: 4, column: '等级', message: '等级只能是 A、B、C、D' },
      { row: 4, column: '信用额度', message: '金额格式不正确：“abc”' },
      { row: 6, column: '客户名称', message: '必填' },
      { row: 6, column: '信用额度', message: '金额格式不正确：“1.234”' },
      { row: 6, column: '签约日期', message: '日期格式不正确：“x”' },
    ]);
    expect(mapped.rows.map((r) => [r.rowNumber, r.ok])).toEqual([
      [3, true],
      [4, false],
      [6, false],
      [8, true],
    ]);
    // Cells that parsed are kept on rows with problems, so later checks can still use them.
    expect(mapped.rows[2].values).toMatchObject({ code: 'C0003', name: null, grade: 'B', credit_limit: null });
  });

  it('gives parsers trimmed text with ideographic and no-break spaces made plain, typed cells as read, and never an empty cell', () => {
    const seen: FilledCell[] = [];
    const columns = defineImportColumns([
      { key: 'code', header: '编码', alias: 'code', required: true },
      {
        key: 'raw',
        header: '原值',
        alias: 'raw',
        parse: (cell: FilledCell) => {
          seen.push(cell);
          return { ok: true, value: cell };
        },
      },
    ]);
    const date = new Date(Date.UTC(2026, 0, 31));
    mapImportRows(
      csv([
        ['编码', '原值'],
        ['1', '\u3000 ＡＢ\u3000C\u00a0D\u200b '],
        ['2', 12.5],
        ['3', date],
        ['4', true],
        ['5', '　'],
        ['6', null],
      ]),
      columns,
    );
    expect(seen).toEqual(['ＡＢ C D', 12.5, date, true]);
  });

  it('reports a validation DomainError thrown by a parser as a cell problem, and lets real bugs escape', () => {
    const columns = defineImportColumns([
      { key: 'code', header: '编码', alias: 'code', required: true },
      {
        key: 'tax_id',
        header: '统一社会信用代码',
        alias: 'tax_id',
        parse: (cell: FilledCell) => {
          if (cell === 'boom') throw new TypeError('bug');
          throw validationError('taxId', '统一社会信用代码校验位不正确');
        },
      },
    ]);
    const mapped = mapImportRows(csv([['编码', 'tax_id'], ['1', '91110000X']]), columns);
    expect(mapped.errors).toEqual([{ row: 2, column: '统一社会信用代码', message: '统一社会信用代码校验位不正确' }]);
    expect(() => mapImportRows(csv([['编码', 'tax_id'], ['1', 'boom']]), columns)).toThrow(TypeError);
    expect(() => mapImportRows(csv([['编码', 'tax_id'], ['1', 'boom']]), columns)).not.toThrow(DomainError);
  });

  it('types row values from the column specs', () => {
    const mapped = mapImportRows(csv([['客户编码', '客户名称']]), testColumns);
    const row = mapped.rows[0];
    if (row?.ok) {
      expectTypeOf(row.values.code).toEqualTypeOf<FilledCell>();
      expectTypeOf(row.values.credit_limit).toEqualTypeOf<number | null>();
      expectTypeOf(row.values.grade).toEqualTypeOf<'A' | 'B' | 'C' | 'D' | null>();
      expectTypeOf(row.values.signed_on).toEqualTypeOf<string | null>();
    } else if (row) {
      expectTypeOf(row.values.code).toEqualTypeOf<FilledCell | null>();
    }
  });
});

describe('column helpers', () => {
  it('refuses a spec in which two columns answer to one header name', () => {
    expect(() =>
      defineImportColumns([
        { key: 'a', header: '编码', alias: 'code' },
        { key: 'b', header: 'CODE', alias: 'b' },
      ]),
    ).toThrow(/both answer to header "code"/);
  });

  it('normalizes header names and names columns like Excel', () => {
    expect(normalizeHeaderName('　客户\n编码＊ ')).toBe('客户编码');
    expect(normalizeHeaderName('Credit_Limit')).toBe('credit_limit');
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
