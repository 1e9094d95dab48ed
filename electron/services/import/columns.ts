/**
 * Column specs for table imports. Each import (customers, products, …)
 * declares its columns once; mapImportRows does the rest. The value types of
 * a row are inferred from the specs, so an import's code reads
 * `row.values.credit_limit` as `number | null` without casts.
 */
import type { Cell } from './readTable';

/** A cell that is not empty; the only thing a column parser ever receives. */
export type FilledCell = Exclude<Cell, null>;

/** Same shape as shared/result.ts ParseResult, so shared parsers plug in directly. */
export type CellParseResult<V> = { ok: true; value: V } | { ok: false; message: string };

export const parsedCell = <V>(value: V): CellParseResult<V> => ({ ok: true, value });
export const invalidCell = (message: string): CellParseResult<never> => ({ ok: false, message });

export interface ImportCellContext {
  /** Row number as Excel shows it. */
  rowNumber: number;
  /** The column's Chinese header, for messages. */
  header: string;
  alias: string;
}

export interface ImportColumn<K extends string = string, V = unknown> {
  key: K;
  /** Chinese header as it appears in files and exports, e.g. 信用额度. */
  header: string;
  /** English alias accepted in headers (case-insensitive), e.g. credit_limit. */
  alias: string;
  required?: boolean;
  /**
   * Turns a non-empty cell into the value, or explains why it cannot.
   * Text cells arrive trimmed with full-width/no-break spaces turned into
   * ordinary spaces (full-width letters and digits are left for the parser);
   * number, Date and boolean cells arrive as read. Empty cells never reach
   * the parser: they become null (or the error 必填 for a required column).
   * Without a parser the cell itself is the value.
   */
  parse?: (cell: FilledCell, ctx: ImportCellContext) => CellParseResult<V>;
}

/** The value a column yields for a non-empty cell: its parser's success type, or the cell. */
export type ImportColumnValue<C> = C extends { parse?: infer P }
  ? NonNullable<P> extends (cell: never, ctx: never) => infer R
    ? Extract<R, { ok: true }> extends { value: infer V }
      ? V
      : never
    : FilledCell
  : FilledCell;

/** Values of a row with no problems: required columns are present, optional ones may be null. */
export type ImportRowValues<Cols extends readonly ImportColumn[]> = {
  [C in Cols[number] as C['key']]: C extends { required: true } ? ImportColumnValue<C> : ImportColumnValue<C> | null;
};

/** Values of a row that has problems: every failed or empty cell is null. */
export type ImportRowDraft<Cols extends readonly ImportColumn[]> = {
  [C in Cols[number] as C['key']]: ImportColumnValue<C> | null;
};

/**
 * Header text as it is matched: Unicode NFKC (full-width letters, digits,
 * brackets and spaces to half-width), all whitespace removed (客户 编码,
 * line breaks in header cells), the template markers `*客户编码` and
 * `客户编码(必填)` dropped, lower case (aliases are case-insensitive).
 */
export function normalizeHeaderName(cell: Cell): string {
  if (cell === null) return '';
  const text = cell instanceof Date ? cell.toISOString() : String(cell);
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '')
    .replace(/\(必填\)$/, '')
    .replace(/^\*+|\*+$/g, '')
    .toLowerCase();
}

/**
 * Normalized header name -> index of the column spec answering to it
 * (Chinese header and alias). Two columns claiming one name is a mistake in
 * the spec, not in the file, so it throws.
 */
export function headerLookup(columns: readonly ImportColumn[]): Map<string, number> {
  const lookup = new Map<string, number>();
  columns.forEach((column, index) => {
    for (const name of [normalizeHeaderName(column.header), normalizeHeaderName(column.alias)]) {
      const previous = lookup.get(name);
      if (previous !== undefined && previous !== index) {
        throw new Error(`import columns ${columns[previous].key} and ${column.key} both answer to header "${name}"`);
      }
      lookup.set(name, index);
    }
  });
  return lookup;
}

/**
 * Keeps the literal types of a column list (keys, `required: true`) so row
 * values are typed, and checks when the module loads that no two columns
 * claim the same header name.
 */
export function defineImportColumns<const Cols extends readonly ImportColumn[]>(columns: Cols): Cols {
  headerLookup(columns);
  return columns;
}
