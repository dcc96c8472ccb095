/**
 * A once-a-second clock for count-ups, on a fixed grid: its seconds fall due at start + n s, so they do not
 * drift later and later however late each timer fires. No browser globals: the timers are passed in, so
 * the rules are tested with fake ones.
 */

export interface Timers {
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  now: () => number;
}

const realTimers: Timers = {
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface TickClock {
  /** `listener(now)` about once a second while subscribed; returns the unsubscribe. */
  subscribe: (listener: (now: number) => void) => () => void;
}

export function createTickClock(timers: Timers = realTimers, periodMs = 1_000): TickClock {
  const listeners = new Set<(now: number) => void>();
  let timer: unknown;
  let due = 0;
  const arm = () => {
    due += periodMs;
    timer = timers.setTimer(() => {
      const now = timers.now();
      listeners.forEach((listener) => listener(now));
      if (listeners.size) arm();
    }, Math.max(0, due - timers.now()));
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        due = timers.now();
        arm();
      }
      return () => {
        listeners.delete(listener);
        if (!listeners.size && timer !== undefined) {
          timers.clearTimer(timer);
          timer = undefined;
        }
      };
    },
  };
}
