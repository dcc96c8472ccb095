import { describe, expect, it } from 'vitest';
import { isValidTimeZone, localParts, startOfLocalDay, zoneOffset } from '@/lib/local-time';

const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

const formats = new Map<string, Intl.DateTimeFormat>();
/** The slow, obviously right answer: Intl for every call. */
function reference(at: number, timeZone: string): { dayKey: string; minuteOfDay: number } {
  if (!formats.has(timeZone)) {
    formats.set(timeZone, new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }));
  }
  const parts = Object.fromEntries(formats.get(timeZone)!.formatToParts(at).map((p) => [p.type, p.value]));
  return { dayKey: `${parts.year}-${parts.month}-${parts.day}`, minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute) };
}

describe('localParts', () => {
  it('Asia/Shanghai (UTC+8, no daylight saving)', () => {
    expect(localParts(utc('2026-11-22T00:00:00Z'), 'Asia/Shanghai')).toEqual({ dayKey: '2026-11-22', minuteOfDay: 480 });
    expect(localParts(utc('2026-11-21T16:00:00Z'), 'Asia/Shanghai')).toEqual({ dayKey: '2026-11-22', minuteOfDay: 0 });
    expect(localParts(utc('2026-11-21T15:59:59.999Z'), 'Asia/Shanghai')).toEqual({ dayKey: '2026-11-21', minuteOfDay: 1439 });
    expect(localParts(utc('2026-11-22T14:59:59Z'), 'Asia/Shanghai')).toEqual({ dayKey: '2026-11-22', minuteOfDay: 1379 });
  });

  it('America/New_York across the spring-forward change (02:00 EST -> 03:00 EDT)', () => {
    expect(localParts(utc('2026-03-08T06:59:59Z'), 'America/New_York')).toEqual({ dayKey: '2026-03-08', minuteOfDay: 119 });
    expect(localParts(utc('2026-03-08T07:00:00Z'), 'America/New_York')).toEqual({ dayKey: '2026-03-08', minuteOfDay: 180 });
    expect(localParts(utc('2026-03-08T04:59:59Z'), 'America/New_York')).toEqual({ dayKey: '2026-03-07', minuteOfDay: 1439 });
  });

  it('America/New_York across the fall-back change (02:00 EDT -> 01:00 EST)', () => {
    expect(localParts(utc('2026-11-01T05:59:59Z'), 'America/New_York')).toEqual({ dayKey: '2026-11-01', minuteOfDay: 119 });
    expect(localParts(utc('2026-11-01T06:00:00Z'), 'America/New_York')).toEqual({ dayKey: '2026-11-01', minuteOfDay: 60 });
  });

  it('a change in the middle of a UTC hour (America/St_Johns, UTC-3:30 -> UTC-2:30 at 05:30Z)', () => {
    expect(localParts(utc('2026-03-08T05:29:59Z'), 'America/St_Johns')).toEqual({ dayKey: '2026-03-08', minuteOfDay: 119 });
    expect(localParts(utc('2026-03-08T05:30:00Z'), 'America/St_Johns')).toEqual({ dayKey: '2026-03-08', minuteOfDay: 180 });
    expect(zoneOffset(utc('2026-03-08T05:00:00Z'), 'America/St_Johns')).toBe(-3.5 * HOUR);
    expect(zoneOffset(utc('2026-03-08T05:45:00Z'), 'America/St_Johns')).toBe(-2.5 * HOUR);
  });

  it('agrees with Intl at many instants in several zones', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns', 'America/Santiago', 'Pacific/Chatham', 'UTC'];
    let x = 12345;
    for (let i = 0; i < 3000; i++) {
      x = (x * 48271) % 2147483647;
      // Spread over 2024-2027, on odd seconds and milliseconds.
      const at = utc('2024-01-01T00:00:00Z') + Math.floor((x / 2147483647) * 4 * 365 * 24 * HOUR);
      const zone = zones[i % zones.length]!;
      expect(localParts(at, zone), `${new Date(at).toISOString()} ${zone}`).toEqual(reference(at, zone));
    }
  });
});

describe('startOfLocalDay', () => {
  it('Asia/Shanghai', () => {
    expect(startOfLocalDay(utc('2026-11-22T10:00:00Z'), 'Asia/Shanghai')).toBe(utc('2026-11-21T16:00:00Z'));
    expect(startOfLocalDay(utc('2026-11-21T16:00:00Z'), 'Asia/Shanghai')).toBe(utc('2026-11-21T16:00:00Z'));
    expect(startOfLocalDay(utc('2026-11-21T15:59:59Z'), 'Asia/Shanghai')).toBe(utc('2026-11-20T16:00:00Z'));
  });

  it('America/New_York on the days the clocks change (23 and 25 hours)', () => {
    const spring = startOfLocalDay(utc('2026-03-08T15:00:00Z'), 'America/New_York');
    expect(spring).toBe(utc('2026-03-08T05:00:00Z'));
    expect(startOfLocalDay(spring + 26 * HOUR, 'America/New_York') - spring).toBe(23 * HOUR);
    const fall = startOfLocalDay(utc('2026-11-01T15:00:00Z'), 'America/New_York');
    expect(fall).toBe(utc('2026-11-01T04:00:00Z'));
    expect(startOfLocalDay(fall + 26 * HOUR, 'America/New_York') - fall).toBe(25 * HOUR);
  });

  it('a day without a midnight starts when the clocks jump (America/Santiago, 2026-09-06 00:00 -> 01:00)', () => {
    const start = startOfLocalDay(utc('2026-09-06T15:00:00Z'), 'America/Santiago');
    expect(localParts(start, 'America/Santiago')).toEqual({ dayKey: '2026-09-06', minuteOfDay: 60 });
    expect(localParts(start - 1000, 'America/Santiago')).toEqual({ dayKey: '2026-09-05', minuteOfDay: 1439 });
  });

  it('is the first instant of the local day, for many instants and zones', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Asia/Shanghai', 'Australia/Lord_Howe', 'America/Santiago']) {
      for (let at = utc('2026-01-01T00:00:00Z'); at < utc('2027-01-01T00:00:00Z'); at += 7 * HOUR + 13 * 60_000) {
        const start = startOfLocalDay(at, zone);
        expect(start).toBeLessThanOrEqual(at);
        expect(localParts(start, zone).dayKey).toBe(localParts(at, zone).dayKey);
        expect(localParts(start - 1000, zone).dayKey).not.toBe(localParts(at, zone).dayKey);
      }
    }
  });
});

describe('time zone names', () => {
  it('knows valid IANA names and rejects others', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(() => localParts(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
