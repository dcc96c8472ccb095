import { act, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatWait, WaitingList } from '@/components/WaitingList';
import { defaultThresholds, type Waiting } from '@/lib/waiting';

const LONGEST_TIMER_MS = 2 ** 31 - 1;
const DAY = 86_400_000;

function waitingSince(since: number): Waiting {
  return { key: 'demo|shop|b1', site: 'demo', shopId: 'shop', conversationId: 'b1', buyerName: '小鱼', since, messageId: 'm1', source: 'events' };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('WaitingList timer', () => {
  it('never asks setTimeout for more than it can wait when `now` is far ahead of the machine clock', () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const now = Date.now() + 40 * DAY;
    render(<WaitingList waits={[waitingSince(now - 500)]} now={now} thresholds={defaultThresholds} />);
    const delays = setTimeoutSpy.mock.calls.map(([, delay]) => delay ?? 0);
    expect(delays.length).toBeGreaterThan(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(LONGEST_TIMER_MS);
  });

  it('still redraws when a redraw further off than one timer comes', () => {
    vi.useFakeTimers({ now: 1_800_000_000_000 });
    const now = Date.now() + 30 * DAY;
    const since = now - 500;
    render(<WaitingList waits={[waitingSince(since)]} now={now} thresholds={defaultThresholds} />);
    expect(screen.getByRole('button').textContent).toContain(formatWait(500));
    // Only the first step's timer has fired: the row must not have jumped ahead of the clock.
    act(() => void vi.advanceTimersByTime(LONGEST_TIMER_MS));
    expect(screen.getByRole('button').textContent).toContain(formatWait(500));
    act(() => void vi.advanceTimersByTime(30 * DAY - LONGEST_TIMER_MS + 1_000));
    expect(screen.getByRole('button').textContent).toContain(formatWait(1_000));
  });
});
