/**
 * Redraws that ride along with the page's own. Every frame the browser draws on the seller's page costs the
 * whole page's style, layout, paint and compositing, however small the change that asked for it. So the
 * sidebar's routine redraws (the count-up's second, a new list of waits) wait for the page's next change,
 * which is followed by a frame the page pays for anyway, or for a short grace when the page stays still.
 * No browser globals: the timers are passed in, so the rules are tested with fake ones.
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

export interface FrameRider {
  /** Runs `job` when the page next changes, or after the grace if it does not. Jobs run once, in order. */
  schedule: (job: () => void) => void;
  /** The page changed (its frame is coming): run what waits now, so that it lands in the same frame. */
  pageChanged: () => void;
  /** Drops what waits (the page is gone). */
  cancel: () => void;
}

export function createFrameRider(graceMs: number, timers: Timers = realTimers): FrameRider {
  let jobs: (() => void)[] = [];
  let timer: unknown;
  const flush = () => {
    if (timer !== undefined) timers.clearTimer(timer);
    timer = undefined;
    const due = jobs;
    jobs = [];
    due.forEach((job) => job());
  };
  return {
    schedule(job) {
      jobs.push(job);
      if (timer === undefined) timer = timers.setTimer(flush, graceMs);
    },
    pageChanged() {
      if (jobs.length) flush();
    },
    cancel() {
      if (timer !== undefined) timers.clearTimer(timer);
      timer = undefined;
      jobs = [];
    },
  };
}

export interface TickClock {
  /** `listener(now)` about once a second while subscribed; returns the unsubscribe. */
  subscribe: (listener: (now: number) => void) => () => void;
}

/**
 * A once-a-second clock for count-ups. Its seconds fall due on a fixed grid (so they do not drift later and
 * later) and are delivered through `rider` when given: with the page's next change, at most its grace late.
 */
export function createTickClock(rider: FrameRider | null, timers: Timers = realTimers, periodMs = 1_000): TickClock {
  const listeners = new Set<(now: number) => void>();
  let timer: unknown;
  let due = 0;
  const deliver = () => {
    const now = timers.now();
    listeners.forEach((listener) => listener(now));
  };
  const arm = () => {
    due += periodMs;
    timer = timers.setTimer(() => {
      if (rider) rider.schedule(deliver);
      else deliver();
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
