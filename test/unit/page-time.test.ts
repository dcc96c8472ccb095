import { describe, expect, test } from 'vitest';
import { parsePageTime } from '@/lib/page-time';

const now = new Date(2026, 10, 23, 14, 30, 0).getTime();

describe('parsePageTime', () => {
  test('reads ISO datetime attributes and full dates', () => {
    expect(parsePageTime('2026-11-23T06:02:33.000Z', now)).toBe(Date.parse('2026-11-23T06:02:33.000Z'));
    expect(parsePageTime('2026-11-22 09:05:01', now)).toBe(new Date(2026, 10, 22, 9, 5, 1).getTime());
    expect(parsePageTime('2026/11/22 09:05', now)).toBe(new Date(2026, 10, 22, 9, 5, 0).getTime());
  });

  test('reads a bare clock time as today, or yesterday when that would be in the future', () => {
    expect(parsePageTime('14:02:33', now)).toBe(new Date(2026, 10, 23, 14, 2, 33).getTime());
    expect(parsePageTime('9:05', now)).toBe(new Date(2026, 10, 23, 9, 5, 0).getTime());
    expect(parsePageTime('23:59:10', now)).toBe(new Date(2026, 10, 22, 23, 59, 10).getTime());
    // Within a minute ahead is clock skew, not yesterday.
    expect(parsePageTime('14:30:40', now)).toBe(new Date(2026, 10, 23, 14, 30, 40).getTime());
  });

  test('returns null for anything that is not a time', () => {
    for (const text of [null, undefined, '', '刚刚', '25:00', '12:61', 'yesterday', '2026-13-45Tnonsense']) {
      expect(parsePageTime(text, now)).toBeNull();
    }
  });
});
