import { describe, expect, test } from 'vitest';
import { parseConsoleTime } from '@/lib/console-time';

// 2026-09-08 10:00:00 in Beijing.
const NOW = Date.UTC(2026, 8, 8, 2, 0, 0);
const beijing = (y: number, mo: number, d: number, h: number, mi: number, s = 0) => Date.UTC(y, mo - 1, d, h - 8, mi, s);

describe('console times, read in the shop’s time zone', () => {
  test.each([
    ['2026年09月08日 09:30:17', beijing(2026, 9, 8, 9, 30, 17)],
    ['2026-09-08 09:30:17', beijing(2026, 9, 8, 9, 30, 17)],
    ['2026/9/7 23:05', beijing(2026, 9, 7, 23, 5)],
    ['2026.09.01 08:00', beijing(2026, 9, 1, 8, 0)],
    ['09-07 18:00', beijing(2026, 9, 7, 18, 0)],
    ['9月7日 18:00', beijing(2026, 9, 7, 18, 0)],
    ['12-31 23:00', beijing(2025, 12, 31, 23, 0)],
    ['昨天 18:00', beijing(2026, 9, 7, 18, 0)],
    ['前天 18:00', beijing(2026, 9, 6, 18, 0)],
    ['Yesterday 18:00', beijing(2026, 9, 7, 18, 0)],
    ['09:59', beijing(2026, 9, 8, 9, 59)],
    ['09:59:30', beijing(2026, 9, 8, 9, 59, 30)],
    ['今天 09:59', beijing(2026, 9, 8, 9, 59)],
    ['23:59', beijing(2026, 9, 7, 23, 59)],
    ['2026-09-08T01:30:17Z', Date.UTC(2026, 8, 8, 1, 30, 17)],
  ])('%s', (text, expected) => {
    expect(parseConsoleTime(text, NOW)).toBe(expected);
  });

  test('an agent whose browser runs on another clock reads the same instants', () => {
    expect(parseConsoleTime('09:30', NOW, 'Asia/Shanghai')).toBe(beijing(2026, 9, 8, 9, 30));
    expect(parseConsoleTime('09:30', NOW, 'Europe/London')).toBe(Date.UTC(2026, 8, 7, 8, 30));
  });

  test.each(['', '在吗', '25:00', '2026年02月30日 10:00', '10:61', '订单 2026-09-08'])('%j is no time', (text) => {
    expect(parseConsoleTime(text, NOW)).toBeNull();
  });
});

// The demo console prints its clocks in the browser's own zone (what lib/page-time.ts read before).
describe('console times in the browser’s own zone', () => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const now = new Date(2026, 10, 23, 14, 30, 0).getTime();
  const parse = (text: string | null | undefined) => parseConsoleTime(text, now, zone);

  test('reads ISO datetime attributes and full dates', () => {
    expect(parse('2026-11-23T06:02:33.000Z')).toBe(Date.parse('2026-11-23T06:02:33.000Z'));
    expect(parse('2026-11-22 09:05:01')).toBe(new Date(2026, 10, 22, 9, 5, 1).getTime());
    expect(parse('2026/11/22 09:05')).toBe(new Date(2026, 10, 22, 9, 5, 0).getTime());
  });

  test('reads a bare clock time as today, or yesterday when that would be in the future', () => {
    expect(parse('14:02:33')).toBe(new Date(2026, 10, 23, 14, 2, 33).getTime());
    expect(parse('9:05')).toBe(new Date(2026, 10, 23, 9, 5, 0).getTime());
    expect(parse('23:59:10')).toBe(new Date(2026, 10, 22, 23, 59, 10).getTime());
    // Within a minute ahead is clock skew, not yesterday.
    expect(parse('14:30:40')).toBe(new Date(2026, 10, 23, 14, 30, 40).getTime());
  });

  test('returns null for anything that is not a time', () => {
    for (const text of [null, undefined, '', '刚刚', '25:00', '12:61', 'yesterday', '2026-13-45Tnonsense']) {
      expect(parse(text)).toBeNull();
    }
  });
});
