/**
 * Duplicate keys inside one import file (two rows with the same 客户编码).
 * The error goes on the later row and names the first one, because the clerk
 * usually added the later row by mistake and should look there.
 */
import type { ImportError } from './report';

export interface DuplicateKeyOptions {
  /**
   * How values are compared, e.g. to treat c0001 and C0001 as one code when
   * the database would. Default: the value as text, exactly.
   */
  normalize?: (keyText: string) => string;
}

const keyText = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return text === '' ? null : text;
};

export function findDuplicateKeys<K extends string>(
  rows: readonly { rowNumber: number; values: Readonly<Record<K, unknown>> }[],
  key: K,
  column: string,
  options: DuplicateKeyOptions = {},
): ImportError[] {
  const normalize = options.normalize ?? ((text: string) => text);
  const firstRow = new Map<string, number>();
  const errors: ImportError[] = [];
  for (const row of rows) {
    // Empty keys are the required-column check's business, not duplicates.
    const text = keyText(row.values[key]);
    if (text === null) continue;
    const normalized = normalize(text);
    const first = firstRow.get(normalized);
    if (first === undefined) {
      firstRow.set(normalized, row.rowNumber);
    } else {
      errors.push({ row: row.rowNumber, column, message: `${column}“${text}”与第 ${first} 行重复` });
    }
  }
  return errors;
}
