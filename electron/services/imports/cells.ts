/**
 * Column parsers shared by the master-data imports: they turn one non-empty
 * cell (text, an Excel number, a date cell) into the value the shared zod
 * schema then checks, with messages that say what was found and what is
 * accepted.
 */
import { parseAmountToFen } from '../../../shared/money/parseAmount';
import { hasHostileChars, HOSTILE_TEXT_MESSAGE } from '../../../shared/text/hostileChars';
import { normalizeCell, toHalfWidth } from '../../../shared/text/normalize';
import { formatYmd } from '../../../shared/dates/calendar';
import { invalidCell, parsedCell, type CellParseResult, type FilledCell, type ImportCellContext } from '../import/columns';

/** Above this an Excel number has lost digits (Excel keeps 15 significant digits). */
const EXACT_DIGITS_LIMIT = 1e15;

/**
 * Any cell as text. A date cell becomes YYYY-MM-DD (its UTC fields are what
 * Excel shows); a number its shortest decimal form; a long number Excel has
 * already rounded (a bank account typed into a General cell) is refused,
 * because the digits that were lost cannot be recovered here.
 */
export function cellText(cell: FilledCell, ctx: ImportCellContext): CellParseResult<string> {
  if (cell instanceof Date) return parsedCell(formatYmd(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()));
  if (typeof cell === 'number') {
    if (Math.abs(cell) >= EXACT_DIGITS_LIMIT) {
      return invalidCell(
        `${ctx.header}“${String(cell)}”是超过 15 位的数字，Excel 已把末尾几位变成 0。请把该列设为“文本”格式，重新填写后再导入`,
      );
    }
    return parsedCell(String(cell));
  }
  if (typeof cell === 'boolean') return parsedCell(cell ? 'TRUE' : 'FALSE');
  if (hasHostileChars(cell)) return invalidCell(`${ctx.header}${HOSTILE_TEXT_MESSAGE}`);
  return parsedCell(cell);
}

/** Free text (names, addresses, notes): the zod schema checks length afterwards. */
export const textColumn = (cell: FilledCell, ctx: ImportCellContext): CellParseResult<string> => cellText(cell, ctx);

/** Text that must not contain spaces anywhere once full-width forms are folded (codes). */
export function codeColumn(cell: FilledCell, ctx: ImportCellContext): CellParseResult<string> {
  const text = cellText(cell, ctx);
  if (!text.ok) return text;
  const code = toHalfWidth(text.value).trim();
  if (/\s/.test(code)) return invalidCell(`${ctx.header}“${code}”中间有空格，编码不能包含空格`);
  return parsedCell(code);
}

/** A text validator from shared/validators applied to the cell's text. */
export const validatedColumn =
  (validate: (s: string) => { ok: true; value: string } | { ok: false; message: string }) =>
  (cell: FilledCell, ctx: ImportCellContext): CellParseResult<string> => {
    const text = cellText(cell, ctx);
    return text.ok ? validate(text.value) : text;
  };

/** Money in fen: every spelling parseAmountToFen accepts (50,000.00, ¥50,000, ５００００．００); 0 allowed. */
export const amountColumn =
  (label: string) =>
  (cell: FilledCell): CellParseResult<number> => {
    if (typeof cell !== 'string' && typeof cell !== 'number') return invalidCell(`${label}应为金额，例如 50000 或 50,000.00`);
    return parseAmountToFen(cell, { label, allowZero: true });
  };

/** Whole days 0..max, as a number cell or text such as "30" or "30天". */
export const daysColumn =
  (label: string, max: number) =>
  (cell: FilledCell): CellParseResult<number> => {
    const shown = String(cell instanceof Date ? '日期' : cell);
    let n: number;
    if (typeof cell === 'number') n = cell;
    else if (typeof cell === 'string') {
      const text = normalizeCell(cell).replace(/\s*天$/, '');
      if (!/^\d+$/.test(text)) return invalidCell(`${label}“${shown}”应为整数天数，例如 30`);
      n = Number(text);
    } else return invalidCell(`${label}应为整数天数，例如 30`);
    if (!Number.isInteger(n)) return invalidCell(`${label}“${shown}”应为整数天数，不能有小数`);
    if (n < 0 || n > max) return invalidCell(`${label}“${shown}”应在 0–${max} 天之间`);
    return parsedCell(n);
  };

/**
 * An enumerated column: Chinese labels or English ids, case- and
 * width-insensitive. An unknown value lists what is allowed.
 */
export function enumColumn<T extends string>(label: string, spellings: Readonly<Record<string, T>>, allowedText: string) {
  const lookup = new Map(Object.entries(spellings).map(([k, v]) => [k.normalize('NFKC').replace(/\s+/g, '').toLowerCase(), v]));
  return (cell: FilledCell): CellParseResult<T> => {
    const text = String(cell instanceof Date ? '' : cell);
    const value = lookup.get(text.normalize('NFKC').replace(/\s+/g, '').toLowerCase());
    return value === undefined ? invalidCell(`${label}“${text}”无法识别，可选：${allowedText}`) : parsedCell(value);
  };
}
