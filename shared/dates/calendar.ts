/**
 * Date math on business dates, `YYYY-MM-DD` strings. A business date is a
 * calendar day, not an instant: the arithmetic counts whole days on a
 * proleptic Gregorian calendar (the same as UTC days), so no time zone or
 * daylight-saving shift can move a date. Invalid input is a programming error
 * here (user input goes through parseBusinessDate first), so these throw.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** month is 1–12. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

/** Whether (year, month, day) is a real calendar day with a four-digit year. */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Exactly `YYYY-MM-DD` and a real day (2026-02-30 is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function formatYmd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** The number written by n ASCII digits of s from `from`, or -1 when one of them is not a digit. */
function digitsAt(s: string, from: number, n: number): number {
  let value = 0;
  for (let i = from; i < from + n; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The same test as ISO_DATE and isValidYmd, by character codes: the alerts,
 * the replay and the import count days between dates hundreds of thousands
 * of times a call, and a regular expression's match array per date was a
 * measurable share of that (tests/unit/calendar.test.ts holds the two equal).
 */
function parseIso(d: string): Ymd {
  if (typeof d === 'string' && d.length === 10 && d.charCodeAt(4) === 45 && d.charCodeAt(7) === 45) {
    const year = digitsAt(d, 0, 4);
    const month = digitsAt(d, 5, 2);
    const day = digitsAt(d, 8, 2);
    if (year >= 0 && month >= 0 && day >= 0 && isValidYmd(year, month, day)) return { year, month, day };
  }
  throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(d)}`);
}

/**
 * Days since 1970-01-01 (the UTC day number). Integer-only civil-calendar
 * conversion, so it does not depend on Date's handling of years below 100.
 */
export function toDayNumber(d: string): number {
  const { year, month, day } = parseIso(d);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of toDayNumber. */
export function fromDayNumber(dayNumber: number): string {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`day number must be an integer, got ${dayNumber}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999) throw new RangeError(`date out of range (years 0001–9999): day ${dayNumber}`);
  return formatYmd(year, month, day);
}

export function addDays(d: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`days must be an integer, got ${n}`);
  return fromDayNumber(toDayNumber(d) + n);
}

/** a − b in days: diffDays('2026-03-05', '2026-03-01') === 4. */
export function diffDays(a: string, b: string): number {
  return toDayNumber(a) - toDayNumber(b);
}

/**
 * The same day n months later (or earlier), clamped to the month's last day:
 * 2026-01-31 + 1 month -> 2026-02-28, so an installment plan "monthly from the
 * 31st" stays in its month instead of spilling into the next.
 */
export function addMonths(d: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`months must be an integer, got ${n}`);
  const { year, month, day } = parseIso(d);
  const monthIndex = year * 12 + (month - 1) + n;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  if (newYear < 1 || newYear > 9999) throw new RangeError(`date out of range (years 0001–9999): ${d} + ${n} months`);
  return formatYmd(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

export function startOfMonth(d: string): string {
  const { year, month } = parseIso(d);
  return formatYmd(year, month, 1);
}

export function endOfMonth(d: string): string {
  const { year, month } = parseIso(d);
  return formatYmd(year, month, daysInMonth(year, month));
}

/** -1, 0 or 1; usable as a sort comparator. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  // Validated ISO dates order the same as text.
  parseIso(a);
  parseIso(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "2026-11-05" -> "202611" (statement and contract numbers are per month). */
export function monthKey(d: string): string {
  const { year, month } = parseIso(d);
  return `${String(year).padStart(4, '0')}${String(month).padStart(2, '0')}`;
}
