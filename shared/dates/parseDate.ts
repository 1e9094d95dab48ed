/**
 * Reading a business date from what clerks type and what Excel cells hold,
 * into `YYYY-MM-DD`. Nothing is guessed: day-first or month-first forms like
 * 3/5/2026 are refused because they are ambiguous.
 */
import { fail, ok, type ParseResult } from '../result';
import { normalizeCell } from '../text/normalize';
import { daysInMonth, formatYmd, fromDayNumber, toDayNumber } from './calendar';

/** Business dates outside this range are typing mistakes (0226, 20260), not history. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const SEPARATED = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** A time of day after the date, as Excel writes dates into CSV ("2026/3/5 0:00:00"); it is ignored. */
const TRAILING_TIME = /\s+\d{1,2}:\d{2}(?::\d{2})?$/;

/**
 * Excel's 1900 date system counts 1900-01-01 as serial 1 and, copying a
 * Lotus 1-2-3 bug, has a 1900-02-29 at serial 60 that never existed. From
 * serial 61 (1900-03-01) on, serial s is therefore 1899-12-30 + s days;
 * below 60 it is 1899-12-31 + s days.
 */
const EXCEL_EPOCH_FROM_61 = toDayNumber('1899-12-30');
const EXCEL_EPOCH_BEFORE_60 = toDayNumber('1899-12-31');
const EXCEL_FAKE_LEAP_DAY = 60;

function acceptedForms(label: string, shown: string): string {
  return `${label}“${shown}”无法识别，请写成 2026-03-05、2026/3/5、2026.3.5、2026年3月5日 或 20260305 这样的年月日格式`;
}

function fromParts(label: string, shown: string, year: number, month: number, day: number): ParseResult<string> {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return fail(`${label}“${shown}”的年份 ${year} 不在 ${MIN_YEAR}–${MAX_YEAR} 之间，请检查是否输错`);
  }
  if (month < 1 || month > 12) return fail(`${label}“${shown}”的月份 ${month} 不存在，月份应为 1–12`);
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return fail(`${label}“${shown}”不存在：${year} 年 ${month} 月只有 ${lastDay} 天`);
  }
  return ok(formatYmd(year, month, day));
}

function fromExcelSerial(label: string, serial: number): ParseResult<string> {
  if (!Number.isFinite(serial) || serial < 1) {
    return fail(`${label}“${serial}”不是有效的 Excel 日期，请在单元格中填写 2026-03-05 这样的日期`);
  }
  // A fraction is the time of day in a date-time cell; the date is the whole part.
  const whole = Math.floor(serial);
  if (whole === EXCEL_FAKE_LEAP_DAY) {
    return fail(`${label}“${serial}”是 Excel 中并不存在的 1900-02-29，请重新填写日期`);
  }
  const dayNumber = (whole < EXCEL_FAKE_LEAP_DAY ? EXCEL_EPOCH_BEFORE_60 : EXCEL_EPOCH_FROM_61) + whole;
  const iso = fromDayNumber(Math.min(dayNumber, toDayNumber('9999-12-31')));
  return fromParts(label, String(serial), Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/**
 * `2026-03-05`, `2026/3/5`, `2026.3.5`, `2026年3月5日`, `20260305` (also with
 * full-width digits and stray spaces); a Date from an Excel date cell (exceljs
 * gives UTC midnight of the calendar day, so its UTC Y-M-D is the date); a
 * number as an Excel serial day (1900 system), or as 20260305 when someone
 * typed the date as a plain number. Returns `YYYY-MM-DD`.
 */
export function parseBusinessDate(input: string | number | Date, label = '日期'): ParseResult<string> {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return fail(`${label}无效，请填写 2026-03-05 这样的日期`);
    const shown = input.toISOString().slice(0, 10);
    return fromParts(label, shown, input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate());
  }

  if (typeof input === 'number') {
    // Excel serials stop at 2958465 (9999-12-31), so an eight-digit integer can only be YYYYMMDD.
    if (Number.isInteger(input) && input >= 10000101 && input <= 99991231) {
      const shown = String(input);
      return fromParts(label, shown, Number(shown.slice(0, 4)), Number(shown.slice(4, 6)), Number(shown.slice(6, 8)));
    }
    return fromExcelSerial(label, input);
  }

  const shown = input.trim();
  const text = normalizeCell(input).replace(TRAILING_TIME, '');
  if (text === '') return fail(`${label}不能为空`);
  const match = SEPARATED.exec(text);
  if (match !== null) return fromParts(label, shown, Number(match[1]), Number(match[3]), Number(match[4]));
  const ymd = CHINESE.exec(text) ?? COMPACT.exec(text);
  if (ymd !== null) return fromParts(label, shown, Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  return fail(acceptedForms(label, shown));
}
