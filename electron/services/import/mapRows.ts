/**
 * Maps a raw table onto an import's column spec: finds the header row, ties
 * each sheet column to a spec column, parses every cell, and collects every
 * problem with the row number Excel shows and the column's Chinese header,
 * so the clerk can fix the whole file in one pass.
 */
import { DomainError } from '../../../shared/errors';
import {
  headerLookup,
  normalizeHeaderName,
  type FilledCell,
  type ImportColumn,
  type ImportRowDraft,
  type ImportRowValues,
} from './columns';
import type { Cell, RawTable } from './readTable';
import type { ImportError, ImportWarning } from './report';

export interface MapImportOptions {
  /** How many top rows may hold the header (offices put titles above it). Default 5. */
  headerSearchRows?: number;
}

export type MappedImportRow<Cols extends readonly ImportColumn[]> =
  | { rowNumber: number; ok: true; values: ImportRowValues<Cols> }
  | { rowNumber: number; ok: false; values: ImportRowDraft<Cols> };

export interface MappedImport<Cols extends readonly ImportColumn[]> {
  /**
   * Every non-blank data row, in file order. Rows with problems are included
   * (ok: false, failed cells null) so that later checks, such as codes
   * already in the database, can still report on them in the same pass.
   */
  rows: MappedImportRow<Cols>[];
  errors: ImportError[];
  warnings: ImportWarning[];
  /** Non-blank rows below the header: the report's `rows`. */
  dataRowCount: number;
  /** Excel row number of the header, or null when none was found. */
  headerRowNumber: number | null;
}

const DEFAULT_HEADER_SEARCH_ROWS = 5;

/**
 * A data cell as parsers receive it: text trimmed, ideographic and no-break
 * spaces made ordinary spaces, zero-width characters (pasted from web pages
 * and chat apps, invisible to the clerk) removed; empty text is null. Other
 * full-width characters are left alone: whether ５０，０００ is an amount is
 * the column parser's decision.
 */
export function normalizeImportCell(cell: Cell): FilledCell | null {
  if (cell === null) return null;
  if (typeof cell !== 'string') return cell;
  const text = cell
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u3000\u00a0]/g, ' ')
    .trim();
  return text === '' ? null : text;
}

/** 0 -> A, 25 -> Z, 26 -> AA: how Excel names a column, for messages about unnamed columns. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const isBlankRow = (row: readonly Cell[] | undefined): boolean =>
  row === undefined || row.every((cell) => normalizeImportCell(cell) === null);

/** The header text as the clerk wrote it, for messages. */
const displayName = (cell: Cell): string => {
  const value = normalizeImportCell(cell);
  return value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
};

interface HeaderMatch {
  /** Spec column index -> sheet column indexes carrying it (more than one is an error). */
  positions: Map<number, number[]>;
  requiredFound: number;
}

function matchHeaderRow(row: readonly Cell[], lookup: Map<string, number>, columns: readonly ImportColumn[]): HeaderMatch {
  const positions = new Map<number, number[]>();
  row.forEach((cell, sheetIndex) => {
    const specIndex = lookup.get(normalizeHeaderName(cell));
    if (specIndex === undefined) return;
    const list = positions.get(specIndex) ?? [];
    list.push(sheetIndex);
    positions.set(specIndex, list);
  });
  let requiredFound = 0;
  for (const specIndex of positions.keys()) if (columns[specIndex].required) requiredFound++;
  return { positions, requiredFound };
}

export function mapImportRows<const Cols extends readonly ImportColumn[]>(
  table: RawTable,
  columns: Cols,
  options: MapImportOptions = {},
): MappedImport<Cols> {
  const lookup = headerLookup(columns);
  const required = columns.filter((c) => c.required);
  const errors: ImportError[] = [];
  const warnings: ImportWarning[] = [];
  const searchRows = Math.min(options.headerSearchRows ?? DEFAULT_HEADER_SEARCH_ROWS, table.rows.length);

  // The header is the first of the top rows naming every required column.
  // Failing that, the row naming the most known columns is taken to be the
  // intended header, and what it lacks is reported against it.
  let headerIndex = -1;
  let header: HeaderMatch | null = null;
  let best: { index: number; match: HeaderMatch } | null = null;
  for (let i = 0; i < searchRows; i++) {
    const match = matchHeaderRow(table.rows[i] ?? [], lookup, columns);
    if (match.positions.size === 0) continue;
    if (match.requiredFound === required.length) {
      headerIndex = i;
      header = match;
      break;
    }
    const better =
      best === null ||
      match.requiredFound > best.match.requiredFound ||
      (match.requiredFound === best.match.requiredFound && match.positions.size > best.match.positions.size);
    if (better) best = { index: i, match };
  }

  if (header === null) {
    const missingHeaders = required.map((c) => c.header);
    if (best !== null) {
      const found = best.match.positions;
      for (const column of required) {
        if (found.has(columns.indexOf(column))) continue;
        errors.push({
          row: best.index + 1,
          column: column.header,
          message: `缺少必填列“${column.header}”（英文列名 ${column.alias}）`,
        });
      }
    } else {
      const needed = missingHeaders.length > 0 ? `必填列：${missingHeaders.join('、')}` : '至少一个可识别的列名';
      errors.push({
        row: 1,
        column: missingHeaders[0] ?? '',
        message:
          table.rows.length === 0 || table.rows.every((row) => isBlankRow(row))
            ? '文件中没有任何内容'
            : `前 ${options.headerSearchRows ?? DEFAULT_HEADER_SEARCH_ROWS} 行中没有找到表头（表头行须包含${needed}）`,
      });
    }
    return { rows: [], errors, warnings, dataRowCount: 0, headerRowNumber: null };
  }

  const headerRowNumber = headerIndex + 1;
  const headerRow = table.rows[headerIndex];

  // Sheet column -> spec column, in sheet order so problems read left to right.
  const used: { sheetIndex: number; column: ImportColumn }[] = [];
  for (const [specIndex, sheetIndexes] of header.positions) {
    const column = columns[specIndex];
    if (sheetIndexes.length > 1) {
      errors.push({
        row: headerRowNumber,
        column: column.header,
        message: `“${column.header}”列出现了 ${sheetIndexes.length} 次（第 ${sheetIndexes.map(columnLetter).join('、')} 列），无法确定使用哪一列`,
      });
    }
    used.push({ sheetIndex: sheetIndexes[0], column });
  }
  used.sort((a, b) => a.sheetIndex - b.sheetIndex);
  const mappedIndexes = new Set([...header.positions.values()].flat());

  const reportedUnknown = new Set<string>();
  headerRow.forEach((cell, sheetIndex) => {
    if (mappedIndexes.has(sheetIndex)) return;
    const name = displayName(cell);
    if (name === '' || reportedUnknown.has(name)) return;
    reportedUnknown.add(name);
    warnings.push({ row: null, column: name, message: `未知列“${name}”已忽略` });
  });

  const rows: MappedImportRow<Cols>[] = [];
  /** Sheet columns without a header name that hold data somewhere: warned about once each. */
  const unnamedWithData = new Set<number>();
  let dataRowCount = 0;

  for (let i = headerIndex + 1; i < table.rows.length; i++) {
    const row = table.rows[i];
    if (isBlankRow(row)) continue;
    dataRowCount++;
    const rowNumber = i + 1;
    const errorsBefore = errors.length;
    const values: Record<string, unknown> = {};
    for (const column of columns) values[column.key] = null;

    for (const { sheetIndex, column } of used) {
      const cell = normalizeImportCell(row[sheetIndex] ?? null);
      if (cell === null) {
        if (column.required) errors.push({ row: rowNumber, column: column.header, message: '必填' });
        continue;
      }
      if (!column.parse) {
        values[column.key] = cell;
        continue;
      }
      const result = runParser(column, cell, rowNumber);
      if (result.ok) values[column.key] = result.value;
      else errors.push({ row: rowNumber, column: column.header, message: result.message });
    }

    row.forEach((cell, sheetIndex) => {
      if (mappedIndexes.has(sheetIndex) || displayName(headerRow[sheetIndex] ?? null) !== '') return;
      if (normalizeImportCell(cell) !== null) unnamedWithData.add(sheetIndex);
    });

    // The value objects are built key by key from the spec above, which is
    // exactly what the mapped types describe; TypeScript cannot follow that.
    rows.push(
      errors.length === errorsBefore
        ? { rowNumber, ok: true, values: values as ImportRowValues<Cols> }
        : { rowNumber, ok: false, values: values as ImportRowDraft<Cols> },
    );
  }

  for (const sheetIndex of [...unnamedWithData].sort((a, b) => a - b)) {
    warnings.push({ row: null, column: null, message: `第 ${columnLetter(sheetIndex)} 列没有列名，其中的内容已忽略` });
  }

  return { rows, errors, warnings, dataRowCount, headerRowNumber };
}

/**
 * Runs one column parser. Shared validators sometimes throw a validation
 * DomainError instead of returning a failure; that is still a problem with
 * this cell, so it is reported like one. Anything else is a bug and escapes.
 */
function runParser(
  column: ImportColumn,
  cell: FilledCell,
  rowNumber: number,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const parse = column.parse;
  if (!parse) return { ok: true, value: cell };
  try {
    return parse(cell, { rowNumber, header: column.header, alias: column.alias });
  } catch (err) {
    if (err instanceof DomainError && err.code === 'validation') return { ok: false, message: err.message };
    throw err;
  }
}
