/**
 * The one source of "now" and "today". Business dates are local dates in the
 * office's time zone (default Asia/Shanghai): taking them from UTC would make
 * "today" yesterday until 08:00 in China. Services receive a Clock so tests
 * can pin time.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's business date, YYYY-MM-DD, in the office time zone. */
  today(): string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** YYYY-MM-DD of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function systemClock(timeZone: string = DEFAULT_TIME_ZONE): Clock {
  return { now: () => new Date(), today: () => localDateOf(new Date(), timeZone) };
}

/** A clock pinned to an instant (tests, the CLI's --as-of). */
export function fixedClock(instant: Date | string, timeZone: string = DEFAULT_TIME_ZONE): Clock {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  return { now: () => new Date(at.getTime()), today: () => localDateOf(at, timeZone) };
}
