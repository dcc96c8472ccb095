/**
 * Local wall-clock time in an IANA time zone ('Asia/Shanghai', 'America/New_York'), fast enough to be asked
 * for every event of a busy day (100,000 calls).
 *
 * Intl.DateTimeFormat is slow (microseconds a call), so the zone's UTC offset is asked once per UTC hour and
 * cached: offsets change only at transitions, and a transition inside an hour (Newfoundland and Lord Howe
 * change on the half hour) is detected by comparing the offsets at the hour's two ends; such an hour is then
 * asked per call. Everything else is arithmetic on epoch milliseconds. No browser globals: runs in the
 * worker, the pages, Node and the CLI alike.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Cached hours per zone before the cache is emptied (about 4 years of hours). */
const MAX_CACHED_HOURS = 40_000;

export interface LocalParts {
  /** The local calendar date, 'YYYY-MM-DD'. */
  dayKey: string;
  /** Whole minutes since local midnight, 0..1439. */
  minuteOfDay: number;
}

interface ZoneCache {
  format: Intl.DateTimeFormat;
  /** UTC hour number -> the offset (ms) valid for the whole hour, or NaN when it changes inside the hour. */
  hours: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();
const dayKeys = new Map<number, string>();

function zone(timeZone: string): ZoneCache {
  let cache = zones.get(timeZone);
  if (!cache) {
    // Throws a RangeError for an unknown zone, which is what a caller passing one deserves.
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    cache = { format, hours: new Map() };
    zones.set(timeZone, cache);
  }
  return cache;
}

/** Whether Intl knows this IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    zone(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at one instant, in ms (local = utc + offset), straight from Intl. */
function exactOffset(cache: ZoneCache, at: number): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of cache.format.formatToParts(at)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
    }
  }
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  // Intl works in whole seconds: compare with the instant floored to its second.
  return wall.getTime() - (at - (((at % 1000) + 1000) % 1000));
}

/** The zone's offset from UTC at `at`, in ms; cached per UTC hour. */
export function zoneOffset(at: number, timeZone: string): number {
  const cache = zone(timeZone);
  const hourNumber = Math.floor(at / HOUR_MS);
  let offset = cache.hours.get(hourNumber);
  if (offset === undefined) {
    const start = exactOffset(cache, hourNumber * HOUR_MS);
    const end = exactOffset(cache, hourNumber * HOUR_MS + HOUR_MS - 1000);
    offset = start === end ? start : Number.NaN;
    if (cache.hours.size >= MAX_CACHED_HOURS) cache.hours.clear();
    cache.hours.set(hourNumber, offset);
  }
  return Number.isNaN(offset) ? exactOffset(cache, at) : offset;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01), memoised: a day's events share it. */
function dayKeyOf(dayNumber: number): string {
  let key = dayKeys.get(dayNumber);
  if (key === undefined) {
    const d = new Date(dayNumber * DAY_MS);
    const year = d.getUTCFullYear();
    key = `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
    if (dayKeys.size >= MAX_CACHED_HOURS) dayKeys.clear();
    dayKeys.set(dayNumber, key);
  }
  return key;
}

/** The local date and minute of the day of an instant. */
export function localParts(at: number, timeZone: string): LocalParts {
  const local = at + zoneOffset(at, timeZone);
  const dayNumber = Math.floor(local / DAY_MS);
  return { dayKey: dayKeyOf(dayNumber), minuteOfDay: Math.floor((local - dayNumber * DAY_MS) / MINUTE_MS) };
}

/** Local days since 1970-01-01 of an instant: equal for two instants on the same local day. */
export function localDayNumber(at: number, timeZone: string): number {
  return Math.floor((at + zoneOffset(at, timeZone)) / DAY_MS);
}

/**
 * Epoch ms of the local midnight that starts the day of `at`. Where midnight is skipped by a daylight-saving
 * change (clocks jump from 23:59:59 to 01:00), the day starts at the jump; where midnight happens twice,
 * at the first one.
 */
export function startOfLocalDay(at: number, timeZone: string): number {
  const dayNumber = localDayNumber(at, timeZone);
  const midnight = dayNumber * DAY_MS; // local midnight, written as if it were UTC
  const offsets = new Set([zoneOffset(at, timeZone), zoneOffset(midnight - DAY_MS, timeZone), zoneOffset(midnight + DAY_MS, timeZone)]);
  let best = Number.POSITIVE_INFINITY;
  for (const offset of offsets) {
    const candidate = midnight - offset;
    if (candidate + zoneOffset(candidate, timeZone) === midnight && candidate < best) best = candidate;
  }
  if (best !== Number.POSITIVE_INFINITY) return best;
  // Midnight does not exist this day: the first second whose local day is this one (binary search on
  // whole seconds; lo is on the day before, hi on this day or later).
  let lo = Math.floor((midnight - Math.max(...offsets) - DAY_MS) / 1000);
  let hi = Math.ceil(at / 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDayNumber(mid * 1000, timeZone) >= dayNumber) hi = mid;
    else lo = mid;
  }
  return hi * 1000;
}
