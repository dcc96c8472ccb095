/**
 * Reads a timestamp as seller consoles print it: an ISO `datetime` attribute, a full
 * "2026-11-22 14:02:33", or only "14:02" / "14:02:33" meaning the most recent such moment
 * not after `now` (so a message printed 23:59 and read at 00:01 is yesterday's).
 * Returns epoch ms, or null when the text is no timestamp.
 */
export function parsePageTime(text: string | null | undefined, now: number): number | null {
  if (!text) return null;
  const value = text.trim();
  const full = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (full) {
    const [, y, mo, d, h, mi, s] = full.map(Number) as number[];
    return new Date(y!, mo! - 1, d, h, mi, s || 0).getTime();
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : parsed;
  }
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!clock) return null;
  const [h, mi, s] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  const today = new Date(now);
  today.setHours(h, mi, s, 0);
  // A minute of slack: the page's clock and ours may differ a little.
  if (today.getTime() > now + 60_000) today.setDate(today.getDate() - 1);
  return today.getTime();
}
