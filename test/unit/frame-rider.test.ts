import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createFrameRider, createTickClock, type Timers } from '@/lib/frame-rider';

const timers: Timers = { setTimer: (run, ms) => setTimeout(run, ms), clearTimer: (t) => clearTimeout(t as number), now: () => Date.now() };
beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('frame rider', () => {
  test('a redraw waits for the page’s next change and runs with it, once', () => {
    const rider = createFrameRider(120, timers);
    const ran: number[] = [];
    rider.schedule(() => ran.push(Date.now()));
    vi.advanceTimersByTime(40);
    expect(ran).toEqual([]);
    rider.pageChanged();
    expect(ran).toEqual([40]);
    vi.advanceTimersByTime(200);
    rider.pageChanged();
    expect(ran).toEqual([40]);
  });

  test('on a still page it runs after the grace, jobs in order; cancel drops them', () => {
    const rider = createFrameRider(120, timers);
    const ran: string[] = [];
    rider.schedule(() => ran.push('a'));
    vi.advanceTimersByTime(50);
    rider.schedule(() => ran.push('b'));
    vi.advanceTimersByTime(69);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['a', 'b']);
    rider.schedule(() => ran.push('c'));
    rider.cancel();
    vi.advanceTimersByTime(500);
    expect(ran).toEqual(['a', 'b']);
  });
});

describe('tick clock', () => {
  test('ticks every second on a fixed grid; a rider delays a tick by at most its grace, without drift', () => {
    const rider = createFrameRider(120, timers);
    const clock = createTickClock(rider, timers);
    const ticks: number[] = [];
    const stop = clock.subscribe((now) => ticks.push(now));
    vi.advanceTimersByTime(1_050);
    rider.pageChanged(); // the page redraws 50 ms after the second was due: the tick goes with it
    vi.advanceTimersByTime(3_000); // a still page: each tick comes at the grace
    expect(ticks).toEqual([1_050, 2_120, 3_120]);
    vi.advanceTimersByTime(70);
    expect(ticks).toEqual([1_050, 2_120, 3_120, 4_120]);
    stop();
    const count = ticks.length;
    vi.advanceTimersByTime(5_000);
    expect(ticks).toHaveLength(count);
  });

  test('without a rider it ticks on the second', () => {
    const clock = createTickClock(null, timers);
    const ticks: number[] = [];
    const stop = clock.subscribe((now) => ticks.push(now));
    vi.advanceTimersByTime(3_500);
    stop();
    expect(ticks).toEqual([1_000, 2_000, 3_000]);
  });
});
