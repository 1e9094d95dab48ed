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

/** One formatter per time zone: building one loads the zone's rules, far dearer than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Zones with one fixed offset (minutes east of UTC) since long before any
 * business date we keep: China has had no daylight saving time since 1991.
 * For them the date is plain arithmetic, which spares a command-line run the
 * time-zone database (building the first zone-aware formatter costs tens of
 * milliseconds, more than the whole aging query).
 */
const FIXED_OFFSET_MINUTES: Record<string, number> = { 'Asia/Shanghai': 480 };
const FIXED_SINCE_MS = Date.UTC(1992, 0, 1);

/** 'YYYY-MM-DDTHH:mm' of an instant in a time zone. */
function localStamp(instant: Date, timeZone: string): string {
  const offset = FIXED_OFFSET_MINUTES[timeZone];
  const ms = instant.getTime();
  if (offset !== undefined && ms >= FIXED_SINCE_MS) return new Date(ms + offset * 60_000).toISOString().slice(0, 16);
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  // hourCycle h23: midnight is 00, never 24.
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** YYYY-MM-DD of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return localStamp(instant, timeZone).slice(0, 10);
}

/** 'YYYY-MM-DD HH:mm' of an instant in a time zone (a report's "generated at"). */
export function localDateTimeOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return localStamp(instant, timeZone).replace('T', ' ');
}

export function systemClock(timeZone: string = DEFAULT_TIME_ZONE): Clock {
  return { now: () => new Date(), today: () => localDateOf(new Date(), timeZone) };
}

/** A clock pinned to an instant (tests, the CLI's --as-of). */
export function fixedClock(instant: Date | string, timeZone: string = DEFAULT_TIME_ZONE): Clock {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  return { now: () => new Date(at.getTime()), today: () => localDateOf(at, timeZone) };
}
