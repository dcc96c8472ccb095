import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createTickClock, type Timers } from '@/lib/tick-clock';

const timers: Timers = { setTimer: (run, ms) => setTimeout(run, ms), clearTimer: (t) => clearTimeout(t as number), now: () => Date.now() };
beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('tick clock', () => {
  test('ticks on the second while subscribed, and stops when the last listener leaves', () => {
    const clock = createTickClock(timers);
    const ticks: number[] = [];
    const stop = clock.subscribe((now) => ticks.push(now));
    vi.advanceTimersByTime(3_500);
    stop();
    vi.advanceTimersByTime(5_000);
    expect(ticks).toEqual([1_000, 2_000, 3_000]);
  });

  test('a late tick does not push the next ones later: the seconds stay on their grid', () => {
    let late = 0;
    const slow: Timers = { ...timers, setTimer: (run, ms) => setTimeout(run, ms + late) };
    const clock = createTickClock(slow);
    const ticks: number[] = [];
    const stop = clock.subscribe((now) => ticks.push(now));
    late = 300; // the first timer was armed on time; the next one fires 300 ms late
    vi.advanceTimersByTime(1_000);
    late = 0;
    vi.advanceTimersByTime(2_100);
    stop();
    expect(ticks).toEqual([1_000, 2_300, 3_000]);
  });
});
