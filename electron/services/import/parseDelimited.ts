/**
 * CSV/TSV text to rows of strings, the way Excel reads and writes it
 * (RFC 4180 plus Excel's habits): fields in double quotes may hold the
 * delimiter, line breaks and doubled quotes (""); lines end in CRLF, LF or CR.
 * One record = one spreadsheet row, so rows[i] is what Excel shows as row i+1
 * even when a quoted cell spans several text lines.
 */
import { DomainError } from '../../../shared/errors';

export type Delimiter = ',' | '\t';

export interface ParseDelimitedOptions {
  /** Force a delimiter; otherwise it is detected (see detectDelimiter). */
  delimiter?: Delimiter;
  /** The text came from UTF-16 (Excel "Unicode 文本"), which Excel always writes tab-separated. */
  utf16?: boolean;
}

/** How many leading non-empty lines are looked at to pick the delimiter (title row + header + some data). */
const DETECT_LINES = 5;

/**
 * Tab for UTF-16 text; otherwise tab when the first lines hold more tabs than
 * commas (a header line with tabs and no commas is the usual case; counting
 * over several lines also copes with TSV data that has "50,000.00" amounts and
 * with a title line that has no delimiter at all); else comma.
 */
export function detectDelimiter(text: string, utf16 = false): Delimiter {
  if (utf16) return '\t';
  let tabs = 0;
  let commas = 0;
  let seen = 0;
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (line.trim() === '') continue;
    for (const ch of line) {
      if (ch === '\t') tabs++;
      else if (ch === ',') commas++;
    }
    if (++seen >= DETECT_LINES) break;
  }
  return tabs > commas ? '\t' : ',';
}

export function parseDelimited(text: string, options: ParseDelimitedOptions = {}): string[][] {
  // A BOM should have been removed by decodeText; strip a stray one anyway so
  // it cannot end up glued to the first header name.
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(src, options.utf16);

  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  /** Text line (1-based) where the current quoted field opened, for the error message. */
  let quoteLine = 0;
  let line = 1;
  /** True once the current record has any content or delimiter, so an empty line stays an empty row. */
  let recordStarted = false;

  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRecord = (): void => {
    if (recordStarted) endField();
    rows.push(row);
    row = [];
    recordStarted = false;
  };

  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === delimiter) {
      recordStarted = true;
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      line++;
      endRecord();
    } else if (ch === '"' && field === '') {
      // A quote opens a quoted field only at the start of a field; elsewhere
      // (12"显示器) it is an ordinary character, as in Excel.
      inQuotes = true;
      quoteLine = line;
      recordStarted = true;
    } else {
      field += ch;
      recordStarted = true;
    }
  }

  if (inQuotes) {
    // Lenient parsing would swallow the rest of the file into one cell and the
    // clerk would get baffling errors; name the line instead.
    throw new DomainError(
      'validation',
      `文件第 ${quoteLine} 行有未闭合的双引号（"），其后的内容无法分列。请检查该行后重新保存再导入`,
      'file',
    );
  }
  // The last record has no line break after it; a trailing line break does
  // not start another (empty) row.
  if (recordStarted) endRecord();
  return rows;
}
