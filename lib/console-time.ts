import { zoneOffset } from './local-time';

/** The time zone Chinese marketplaces print their consoles' clocks in. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/**
 * A message time as a seller console prints it, read in the shop's time zone (not the browser's: an
 * agent abroad still sees the console's Beijing times):
 *
 * - `2026-09-08 17:30:17`, `2026/9/8 17:30`, `2026.09.08 17:30`, `2026年09月08日 17:30:17` (full date);
 * - `09-08 17:30`, `9月8日 17:30` (this year's date, or last year's when that would be in the future);
 * - `昨天 17:30`, `前天 17:30`, `Yesterday 17:30`;
 * - `17:30`, `17:30:17` (time only: the latest such moment not after `now`, so 23:59 read at 00:01 is
 *   yesterday's);
 * - an ISO instant with its offset (`2026-09-08T09:30:17Z`, from a `datetime` attribute).
 *
 * Returns epoch ms, or null when the text is no time the console prints. A minute of slack: the console's
 * clock and ours may differ a little.
 */
export function parseConsoleTime(text: string | null | undefined, now: number, timeZone: string = CHINA_TIME_ZONE): number | null {
  if (!text) return null;
  const value = text.trim().replace(/\s+/g, ' ');
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && /(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : parsed;
  }
  const today = wallDate(now, timeZone);

  const full = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?[ T]?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (full) {
    const [y, mo, d, h, mi, s] = full.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
    return instant({ y, mo, d }, h, mi, s, timeZone);
  }

  const monthDay = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (monthDay) {
    const [mo, d, h, mi, s] = monthDay.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number];
    const thisYear = instant({ y: today.y, mo, d }, h, mi, s, timeZone);
    if (thisYear === null || thisYear <= now + 60_000) return thisYear;
    return instant({ y: today.y - 1, mo, d }, h, mi, s, timeZone);
  }

  const relative = /^(昨天|前天|yesterday)\s?(\d{1,2}):(\d{2})(?::(\d{2}))?$/i.exec(value);
  if (relative) {
    const back = relative[1] === '前天' ? 2 : 1;
    const [h, mi, s] = relative.slice(2).map((v) => Number(v ?? 0)) as [number, number, number];
    return instant(addDays(today, -back), h, mi, s, timeZone);
  }

  const clock = /^(?:今天\s?)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (clock) {
    const [h, mi, s] = clock.slice(1).map((v) => Number(v ?? 0)) as [number, number, number];
    const at = instant(today, h, mi, s, timeZone);
    if (at === null) return null;
    return at > now + 60_000 ? instant(addDays(today, -1), h, mi, s, timeZone) : at;
  }
  return null;
}

interface WallDate {
  y: number;
  mo: number;
  d: number;
}

function wallDate(at: number, timeZone: string): WallDate {
  const local = new Date(at + zoneOffset(at, timeZone));
  return { y: local.getUTCFullYear(), mo: local.getUTCMonth() + 1, d: local.getUTCDate() };
}

function addDays({ y, mo, d }: WallDate, days: number): WallDate {
  const shifted = new Date(Date.UTC(y, mo - 1, d + days));
  return { y: shifted.getUTCFullYear(), mo: shifted.getUTCMonth() + 1, d: shifted.getUTCDate() };
}

/** The instant a wall-clock time in `timeZone` names; null for a date or time that does not exist. */
function instant({ y, mo, d }: WallDate, h: number, mi: number, s: number, timeZone: string): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(wall).getUTCDate() !== d) return null; // 2月30日
  // The offset at the instant itself: first guess from the wall time, corrected once (daylight saving).
  const guess = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(guess, timeZone);
}
