import { describe, expect, test } from 'vitest';
import { emptyCounters, finalizeMetrics } from '@/lib/metrics';
import { presetProfiles } from '@/lib/metric-profiles';
import { windowText } from '@/lib/report/format';
import { serviceWindowAt } from '@/lib/service-window';
import { defaultTargets, metricRows } from '@/lib/targets';

const window = presetProfiles[0]!.window; // 08:00-23:00
const shanghai = (hh: number, mm = 0) => Date.UTC(2026, 11, 2, hh - 8, mm);

describe('the service window now', () => {
  test('is read in the shop’s time zone, with the end excluded', () => {
    expect(serviceWindowAt(window, shanghai(7, 59), 'Asia/Shanghai')).toEqual({ inside: false, label: '08:00-23:00' });
    expect(serviceWindowAt(window, shanghai(8, 0), 'Asia/Shanghai').inside).toBe(true);
    expect(serviceWindowAt(window, shanghai(22, 59), 'Asia/Shanghai').inside).toBe(true);
    expect(serviceWindowAt(window, shanghai(23, 0), 'Asia/Shanghai').inside).toBe(false);
    // 07:30 in Shanghai is 00:30 in London: outside there too, for its own reason.
    expect(serviceWindowAt(window, shanghai(7, 30), 'Europe/London').inside).toBe(false);
    expect(serviceWindowAt(window, shanghai(17, 30), 'Europe/London').inside).toBe(true);
  });

  test('a window over midnight and one to midnight are written as the agent reads them', () => {
    expect(windowText({ start: 22 * 60, end: 2 * 60 })).toBe('22:00-02:00');
    expect(windowText({ start: 8 * 60, end: 24 * 60 })).toBe('08:00-24:00');
    expect(serviceWindowAt({ start: 22 * 60, end: 2 * 60 }, shanghai(1, 0), 'Asia/Shanghai').inside).toBe(true);
  });
});

describe('the metric rows outside the service window', () => {
  test('keep their values but grade nothing: no green 0 unanswered while buyers wait', () => {
    const metrics = finalizeMetrics(emptyCounters({ start: 0, end: 1 }));
    const counting = metricRows(metrics, defaultTargets);
    expect(counting.find((r) => r.id === 'unanswered')).toMatchObject({ value: 0, grade: 'good' });
    const outside = metricRows(metrics, defaultTargets, { counting: false });
    expect(outside.map((r) => r.value)).toEqual(counting.map((r) => r.value));
    expect(new Set(outside.map((r) => r.grade))).toEqual(new Set(['none']));
  });
});
