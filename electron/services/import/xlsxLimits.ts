/**
 * Caps on what an .xlsx may unpack to, checked before any parser sees it
 * (issue 11, point 6). An .xlsx is a zip of XML; a 12.5 MB file whose XML
 * inflates to gigabytes took 35 s and 3.5 GB of memory in exceljs, and a
 * 626 KB sheet of a million tiny rows 43 s and 1.6 GB. Here the zip's own
 * directory is read (no parser), every entry is inflated with a hard output
 * limit (zlib stops at the limit, so memory stays bounded even when the
 * directory lies about sizes), and the worksheets' rows are counted. The
 * inflating runs on libuv's thread pool, so the main process keeps answering.
 */
import { promisify } from 'node:util';
import { inflateRaw, type ZlibOptions } from 'node:zlib';
import { DomainError } from '../../../shared/errors';

/** A legitimate 100,000-row sheet inflates to ~40 MB; four times that is refused. */
export const MAX_XLSX_INFLATED_BYTES = 160 * 1024 * 1024;
/** Twice the largest import the app is built for (100,000 rows, issue 17). */
export const MAX_XLSX_ROWS = 200_000;
/** A workbook has a few dozen parts; thousands mean something else. */
export const MAX_XLSX_ENTRIES = 5_000;

const inflate = promisify(inflateRaw) as (buf: Buffer, opts: ZlibOptions) => Promise<Buffer>;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  /** As the directory declares it (may lie). */
  size: number;
  /** Offset of the local header. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/** The central directory's entries, or null when the bytes are not a readable zip. */
export function zipEntries(bytes: Buffer): ZipEntry[] | null {
  // The end-of-directory record is in the last 22 bytes plus a comment of at most 64 KB.
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** The entry's compressed bytes (a view, not a copy), or null when its local header is not where the directory says. */
function entryData(bytes: Buffer, e: ZipEntry): Buffer | null {
  const at = e.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + e.compressedSize;
  return end <= bytes.length ? bytes.subarray(start, end) : null;
}

const isWorksheet = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

const ROW_TAG = Buffer.from('<row');

/** Opening <row> tags in a worksheet's XML (text content escapes "<", so only tags match). */
export function countRows(xml: Buffer): number {
  let rows = 0;
  for (let i = xml.indexOf(ROW_TAG); i >= 0; i = xml.indexOf(ROW_TAG, i + ROW_TAG.length)) {
    const next = xml[i + ROW_TAG.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) rows++;
  }
  return rows;
}

const mb = (n: number): number => Math.round(n / 1024 / 1024);

const refused = (message: string): DomainError => new DomainError('validation', message, 'file');

export const tooLargeMessage = (fileName: string): string =>
  `工作簿“${fileName}”解压后超过 ${mb(MAX_XLSX_INFLATED_BYTES)} MB（文件异常或内容过多），无法导入。请拆分后分批导入，或另存为 CSV 后再导入`;

export const tooManyRowsMessage = (fileName: string): string =>
  `工作簿“${fileName}”的工作表超过 ${MAX_XLSX_ROWS.toLocaleString('en-US')} 行，无法一次导入。请拆分后分批导入`;

export const unreadableMessage = (fileName: string): string =>
  `无法读取工作簿“${fileName}”：文件可能已损坏，或不是 Excel .xlsx 格式。请在 Excel 中打开后另存为 .xlsx 或 CSV 再导入`;

/**
 * Throws a validation error (with a Chinese message for the import report)
 * when the workbook would unpack to more than the caps allow; returns the
 * rows counted otherwise.
 */
export async function checkXlsxLimits(bytes: Buffer, fileName: string): Promise<{ inflatedBytes: number; rows: number }> {
  const entries = zipEntries(bytes);
  if (entries === null || entries.length > MAX_XLSX_ENTRIES) throw refused(unreadableMessage(fileName));
  // What the directory declares is checked first (cheap); what the data really inflates to next, with zlib stopping at the cap.
  let declared = 0;
  for (const e of entries) declared += e.size === ZIP64_MARK ? Infinity : e.size;
  if (declared > MAX_XLSX_INFLATED_BYTES) throw refused(tooLargeMessage(fileName));
  let inflated = 0;
  let rows = 0;
  for (const e of entries) {
    const data = entryData(bytes, e);
    if (data === null || (e.method !== 0 && e.method !== 8)) throw refused(unreadableMessage(fileName));
    const budget = MAX_XLSX_INFLATED_BYTES - inflated;
    let content: Buffer;
    if (e.method === 0) content = data;
    else {
      try {
        content = await inflate(data, { maxOutputLength: budget + 1 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw refused(tooLargeMessage(fileName));
        throw refused(unreadableMessage(fileName));
      }
    }
    inflated += content.length;
    if (inflated > MAX_XLSX_INFLATED_BYTES) throw refused(tooLargeMessage(fileName));
    if (isWorksheet(e.name)) {
      rows = Math.max(rows, countRows(content));
      if (rows > MAX_XLSX_ROWS) throw refused(tooManyRowsMessage(fileName));
    }
  }
  return { inflatedBytes: inflated, rows };
}
