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
