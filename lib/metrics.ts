/**
 * Reply metrics of a period (a shift or a local day), counted from stored chat events under a counting
 * profile (lib/metric-profiles.ts). Pure: no browser globals, no clock, no storage.
 *
 * COUNTING RULES (DOMAIN.md "Platform service metrics" and "How this project counts"; where DOMAIN.md is
 * silent, the decision is marked "decided")
 *
 * Events
 * - Only `type: 'message'` from the buyer or the shop and `type: 'order'` events matter; system messages are
 *   ignored. A conversation is site + shopId + conversationId: two shops (or sites) with the same
 *   conversation id are kept apart.
 * - Events are taken in time order. Decided: at the same timestamp a buyer message comes before a shop
 *   message, and orders come last, so a reply stamped with the same (printed, often whole-second) time as the
 *   question answers it with a wait of 0.
 *
 * Which buyer messages count
 * - A buyer message counts if its time is inside the period [start, end) AND inside the profile's service
 *   window [window.start, window.end) in local minutes of `timeZone` (08:00-23:00 by default: 07:59:59 and
 *   23:00:00 do not count, 08:00:00 and 22:59:59 do). A window with start > end runs over midnight.
 *
 * What stops the clock
 * - The wait of a unit runs from its buyer message to the shop's NEXT message in the same conversation that
 *   stops the clock: a manual message always; an automatic (robot) one only when `botRepliesCount`.
 * - The reply may come after the service window or after the period has ended.
 * - `botRepliesCountFor` (Pinduoduo's 5-minute rate counts AI replies): for those thresholds only, the first
 *   shop message of any kind stops the clock. The average, the histogram, `answered` and `unanswered`
 *   follow `botRepliesCount`.
 *
 * Units (profile.unit) - a unit counts if the buyer message that starts it counts (window + period)
 * - message (default): every counted buyer message is a unit and waits from its own time; several buyer
 *   messages before one reply each wait from their own time.
 * - round: a run of buyer messages before a reply (a shop message that stops the clock) is one unit, waiting
 *   from the run's FIRST message. Decided: the round is judged by that first message, like a JD session: a
 *   run that started before the window (or the period) does not count, even if later messages of the run
 *   are inside; so adjacent periods never both count one round.
 * - buyer: one unit per conversation and local day, waiting from the day's first counted buyer message to the
 *   first reply after it.
 * - session: a buyer message starts a session when no session is open or after `sessionGapMin` minutes of
 *   silence (no buyer or shop message); a session is open from its first buyer message until that silence.
 *   Decided: a shop message while no session is open (a care message) opens none, so the buyer answering it
 *   starts a session. The unit waits from the session's first buyer message and is judged by when the
 *   session started: sessions started outside the window (JD: 23:00-09:00) or the period are excluded.
 *
 * Reply counts
 * - within[i]: units answered within THRESHOLDS_SEC[i] seconds INCLUSIVE (30.000 s is within 30 s,
 *   30.001 s and 31 s are not). N-second rate = within / counted.
 * - A unit never answered (no reply among the events) counts in `counted` and `unanswered` only: it is in
 *   every rate's denominator, never in `answered`, `waitSumMs` or the histogram. Average response time =
 *   waitSumMs / answered.
 * - Decided: the counters do not depend on `now`. A stored event is a fact even when a page clock running
 *   ahead stamped it after `now`, and the background worker keeps counters per conversation that it
 *   recounts only when that conversation's events change, so anything depending on the clock would go stale.
 *   "Unanswered" therefore means "no reply among the events given".
 *
 * Buyers (per conversation and local day; 0 or 1 per conversation and day)
 * - consulting: the conversation has at least one counted buyer message that day (whatever the unit).
 * - effective: of those, the day's first counted buyer message got a reply (one that stops the clock):
 *   - effectiveReplyWithinSec = null: a reply the same local day (DOMAIN.md's definition);
 *   - effectiveReplyWithinSec = N (Pinduoduo: 3600): a reply within N s inclusive; answered later, or
 *     never, is no effective reply.
 *   Effective reply rate = effective / consulting.
 * - converted: of those, an order event at or after the day's first counted buyer message, the same local
 *   day (whenever in that day, window or not). Inquiry conversion = converted / consulting.
 *
 * Histogram and timeline
 * - histogram: answered units by wait, bins split at HISTOGRAM_EDGES_SEC. Decided: a bin includes its upper
 *   edge (bins are <=10 s, (10, 20], (20, 30], (30, 60], ..., (300, 600], > 600 s) so that the first three
 *   bins hold exactly the units answered within 30 s, like the 30-second rate.
 * - timeline: one bin per 10 minutes from period.start (at most MAX_TIMELINE_BINS), units by the time their
 *   buyer message was sent: count = counted units, waitSumMs = waits of the answered ones, late = units not
 *   answered within 30 s (unanswered ones included), so the sum of `late` = counted - within[0].
 *
 * Additivity: every Counters field is a sum over conversations, so a period's counters are the sum of its
 * conversations' counters (conversationCounters) and a changed conversation is swapped by subtracting its
 * old counters and adding its new ones (addCounters / subtractCounters).
 */
import type { ChatEvent } from './chat-event';
import { inWindow, type MetricProfile } from './metric-profiles';
import { zoneOffset } from './local-time';

export type MetricEvent = Pick<ChatEvent, 'site' | 'shopId' | 'conversationId' | 'type' | 'sender' | 'auto' | 'at'>;

export const THRESHOLDS_SEC = [30, 180, 300] as const;
/** Histogram bin edges (seconds); a bin includes its upper edge: <=10, (10,20], ..., (300,600], >600. */
export const HISTOGRAM_EDGES_SEC: readonly number[] = [10, 20, 30, 60, 180, 300, 600];
export const TIMELINE_BIN_MS = 10 * 60_000;
/** 62 days of 10-minute bins: a longer period's later units are left out of the timeline (only). */
export const MAX_TIMELINE_BINS = 62 * 24 * 6;

/** Epoch ms, [start, end). */
export interface Period {
  start: number;
  end: number;
}

export interface TimelineBin {
  count: number;
  waitSumMs: number;
  late: number;
}

export interface Counters {
  /** Counted units (messages, rounds, buyers or sessions per profile). */
  counted: number;
  /** Per THRESHOLDS_SEC: counted units answered within N s inclusive. */
  within: number[];
  answered: number;
  /** Sum of the waits of the answered units. */
  waitSumMs: number;
  unanswered: number;
  /** Conversations with >= 1 counted buyer message (0 or 1 per conversation and local day). */
  consulting: number;
  /** Of those, with an effective reply. */
  effective: number;
  /** Of those, with an order event after their first counted message, the same day. */
  converted: number;
  /** Answered units per histogram bin (HISTOGRAM_EDGES_SEC.length + 1 bins). */
  histogram: number[];
  /** Per 10-minute bin from period.start: counted units by the time the buyer wrote; late = not answered within 30 s. */
  timeline: TimelineBin[];
}

export interface Metrics {
  /** Units answered within 30 / 180 / 300 s over counted units, 0..1; null when nothing was counted. */
  rates: Record<'30' | '180' | '300', number | null>;
  /** Mean wait of the answered units; null when none was answered. */
  avgResponseMs: number | null;
  unanswered: number;
  counted: number;
  answered: number;
  consultingBuyers: number;
  effectiveReplyRate: number | null;
  inquiryConversion: number | null;
  histogram: number[];
  timeline: TimelineBin[];
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export function timelineBins(period: Period): number {
  const bins = Math.ceil((period.end - period.start) / TIMELINE_BIN_MS);
  return Number.isFinite(bins) ? Math.min(MAX_TIMELINE_BINS, Math.max(0, bins)) : 0;
}

export function emptyCounters(period: Period): Counters {
  const timeline: TimelineBin[] = [];
  for (let i = timelineBins(period); i > 0; i--) timeline.push({ count: 0, waitSumMs: 0, late: 0 });
  return {
    counted: 0,
    within: THRESHOLDS_SEC.map(() => 0),
    answered: 0,
    waitSumMs: 0,
    unanswered: 0,
    consulting: 0,
    effective: 0,
    converted: 0,
    histogram: new Array<number>(HISTOGRAM_EDGES_SEC.length + 1).fill(0),
    timeline,
  };
}

function combineList(x: readonly number[], y: readonly number[], sign: 1 | -1): number[] {
  const out = new Array<number>(Math.max(x.length, y.length));
  for (let i = 0; i < out.length; i++) out[i] = (x[i] ?? 0) + sign * (y[i] ?? 0);
  return out;
}

function combine(a: Counters, b: Counters, sign: 1 | -1): Counters {
  const timeline = new Array<TimelineBin>(Math.max(a.timeline.length, b.timeline.length));
  for (let i = 0; i < timeline.length; i++) {
    const x = a.timeline[i];
    const y = b.timeline[i];
    timeline[i] = {
      count: (x?.count ?? 0) + sign * (y?.count ?? 0),
      waitSumMs: (x?.waitSumMs ?? 0) + sign * (y?.waitSumMs ?? 0),
      late: (x?.late ?? 0) + sign * (y?.late ?? 0),
    };
  }
  return {
    counted: a.counted + sign * b.counted,
    within: combineList(a.within, b.within, sign),
    answered: a.answered + sign * b.answered,
    waitSumMs: a.waitSumMs + sign * b.waitSumMs,
    unanswered: a.unanswered + sign * b.unanswered,
    consulting: a.consulting + sign * b.consulting,
    effective: a.effective + sign * b.effective,
    converted: a.converted + sign * b.converted,
    histogram: combineList(a.histogram, b.histogram, sign),
    timeline,
  };
}

/** a + b, field by field (a new object). Timelines of different lengths (a shift whose end moved) are padded. */
export function addCounters(a: Counters, b: Counters): Counters {
  return combine(a, b, 1);
}

/** a - b, field by field (a new object): takes a conversation's old counters out of a period's total. */
export function subtractCounters(a: Counters, b: Counters): Counters {
  return combine(a, b, -1);
}

// Each relevant event is one number, at * 8 + kind * 2 + auto, so that a conversation's events sort as a
// plain Float64Array (no comparator, no objects): by time, then buyer < shop < order at the same time.
// Exact for whole-millisecond times below 2^50 ms (year 37,000); a fractional time is floored.
const BUYER = 0;
const SHOP = 1;
const ORDER = 2;

/** The event's sort key, or NaN for an event that does not matter (system messages). */
function encode(e: MetricEvent): number {
  const at = Math.floor(e.at);
  if (e.type === 'order') return at * 8 + ORDER * 2;
  if (e.type !== 'message') return Number.NaN;
  if (e.sender === 'buyer') return at * 8 + BUYER * 2;
  if (e.sender === 'shop') return at * 8 + SHOP * 2 + (e.auto ? 1 : 0);
  return Number.NaN;
}

/** The profile and period, worked out once per call rather than once per conversation. */
interface Rules {
  unit: MetricProfile['unit'];
  window: MetricProfile['window'];
  botsStop: boolean;
  /** Per THRESHOLDS_SEC: whether any shop message (automatic too) stops the clock for it. */
  anyStops: boolean[];
  limitsMs: number[];
  gapMs: number;
  effectiveMs: number | null;
  start: number;
  end: number;
  timeZone: string;
}

function rulesOf(profile: MetricProfile, period: Period, timeZone: string): Rules {
  const botsStop = profile.botRepliesCount;
  return {
    unit: profile.unit,
    window: profile.window,
    botsStop,
    anyStops: THRESHOLDS_SEC.map((t) => botsStop || (profile.botRepliesCountFor?.includes(t) ?? false)),
    limitsMs: THRESHOLDS_SEC.map((t) => t * 1000),
    gapMs: profile.sessionGapMin * MINUTE_MS,
    effectiveMs: profile.effectiveReplyWithinSec === null ? null : profile.effectiveReplyWithinSec * 1000,
    start: period.start,
    end: period.end,
    timeZone,
  };
}

function localDay(at: number, timeZone: string): number {
  return Math.floor((at + zoneOffset(at, timeZone)) / DAY_MS);
}

/** Counts one unit that started at `start`: answered at `replyAt` (null: never); `anyAt` = first shop message of any kind after it, or -1. */
function settle(into: Counters, r: Rules, start: number, anyAt: number, replyAt: number | null): void {
  into.counted++;
  const bin = into.timeline[Math.floor((start - r.start) / TIMELINE_BIN_MS)];
  let within30 = false;
  for (let i = 0; i < r.limitsMs.length; i++) {
    const stopAt = r.anyStops[i] && anyAt >= 0 ? anyAt : replyAt;
    if (stopAt !== null && stopAt - start <= r.limitsMs[i]!) {
      into.within[i]!++;
      if (i === 0) within30 = true;
    }
  }
  if (replyAt === null) {
    into.unanswered++;
  } else {
    const wait = replyAt - start;
    into.answered++;
    into.waitSumMs += wait;
    let h = 0;
    while (h < HISTOGRAM_EDGES_SEC.length && wait > HISTOGRAM_EDGES_SEC[h]! * 1000) h++;
    into.histogram[h]!++;
    if (bin) bin.waitSumMs += wait;
  }
  if (bin) {
    bin.count++;
    if (!within30) bin.late++;
  }
}

/**
 * Adds one conversation's counters to `into` (made for the same period). `keys` are its encoded events, sorted
 * here. Shared by conversationCounters and computeCounters, so that the sum of the former is the latter.
 */
function accumulate(keys: Float64Array, r: Rules, into: Counters): void {
  if (keys.length === 0) return;
  keys.sort();
  const { timeZone } = r;

  // Units waiting for a reply: their start times, and the first shop message of any kind after them (-1: none yet).
  const starts: number[] = [];
  const anyAts: number[] = [];
  let withoutAny = 0; // units from this index on have seen no shop message yet
  let inRun = false; // round: a run of buyer messages is waiting for a reply
  let lastUnitDay = Number.NaN; // buyer: the local day of the last unit
  let sessionOpen = false;
  let lastActivity = 0;
  // The latest local day with a counted buyer message: consulting / effective / converted.
  let day = Number.NaN;
  let dayFirstAt = 0;
  let dayDecided = true; // its effective reply is settled (given or missed)
  let dayConverted = true;

  for (const key of keys) {
    const at = Math.floor(key / 8);
    const kind = (key - at * 8) >> 1;
    if (kind === BUYER) {
      let counted = false;
      let today = Number.NaN;
      if (at >= r.start && at < r.end) {
        const local = at + zoneOffset(at, timeZone);
        today = Math.floor(local / DAY_MS);
        counted = inWindow(r.window, Math.floor((local - today * DAY_MS) / MINUTE_MS));
      }
      if (counted && today !== day) {
        day = today;
        dayFirstAt = at;
        dayDecided = false;
        dayConverted = false;
        into.consulting++;
      }
      let startsUnit: boolean;
      switch (r.unit) {
        case 'message':
          startsUnit = counted;
          break;
        case 'round':
          startsUnit = !inRun && counted;
          inRun = true;
          break;
        case 'buyer':
          startsUnit = counted && today !== lastUnitDay;
          if (startsUnit) lastUnitDay = today;
          break;
        case 'session':
          startsUnit = (!sessionOpen || at - lastActivity >= r.gapMs) && counted;
          sessionOpen = true;
          lastActivity = at;
          break;
      }
      if (startsUnit) {
        starts.push(at);
        anyAts.push(-1);
      }
    } else if (kind === SHOP) {
      if (sessionOpen) {
        if (at - lastActivity >= r.gapMs) sessionOpen = false;
        else lastActivity = at;
      }
      for (; withoutAny < anyAts.length; withoutAny++) anyAts[withoutAny] = at;
      const auto = key - at * 8 - kind * 2 === 1;
      if (!auto || r.botsStop) {
        for (let i = 0; i < starts.length; i++) settle(into, r, starts[i]!, anyAts[i]!, at);
        starts.length = 0;
        anyAts.length = 0;
        withoutAny = 0;
        inRun = false;
        if (!dayDecided) {
          dayDecided = true;
          const effective = r.effectiveMs === null ? localDay(at, timeZone) === day : at - dayFirstAt <= r.effectiveMs;
          if (effective) into.effective++;
        }
      }
    } else if (!dayConverted && localDay(at, timeZone) === day) {
      // An order at or after the day's first counted buyer message (time order), the same local day.
      dayConverted = true;
      into.converted++;
    }
  }
  for (let i = 0; i < starts.length; i++) settle(into, r, starts[i]!, anyAts[i]!, null);
}

/**
 * One conversation's counters for a period (additive: see addCounters). `events` are that conversation's
 * events in any order, including those just before the period (a round or session may have started there)
 * and after it (replies). `now` is the evaluation time; the counters do not depend on it (see the header).
 */
export function conversationCounters(events: readonly MetricEvent[], profile: MetricProfile, period: Period, timeZone: string, _now: number): Counters {
  const keys: number[] = [];
  for (const e of events) {
    const key = encode(e);
    if (!Number.isNaN(key)) keys.push(key);
  }
  const counters = emptyCounters(period);
  accumulate(Float64Array.from(keys), rulesOf(profile, period, timeZone), counters);
  return counters;
}

function ratio(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

/** Rates and averages from counters; null where the denominator is 0. */
export function finalizeMetrics(c: Counters): Metrics {
  return {
    rates: { '30': ratio(c.within[0] ?? 0, c.counted), '180': ratio(c.within[1] ?? 0, c.counted), '300': ratio(c.within[2] ?? 0, c.counted) },
    avgResponseMs: ratio(c.waitSumMs, c.answered),
    unanswered: c.unanswered,
    counted: c.counted,
    answered: c.answered,
    consultingBuyers: c.consulting,
    effectiveReplyRate: ratio(c.effective, c.consulting),
    inquiryConversion: ratio(c.converted, c.consulting),
    histogram: [...c.histogram],
    timeline: c.timeline.map((b) => ({ ...b })),
  };
}

/** The period's counters from all events (any order, any conversations): the sum of conversationCounters. */
export function computeCounters(events: readonly MetricEvent[], profile: MetricProfile, period: Period, timeZone: string, _now: number): Counters {
  // site -> shopId -> conversationId -> encoded events; nested maps spare building 100,000 key strings.
  const sites = new Map<string, Map<string, Map<string, number[]>>>();
  let lastSite: string | null = null;
  let lastShop: string | null = null;
  let shopGroups: Map<string, number[]> | undefined;
  for (const e of events) {
    const key = encode(e);
    if (Number.isNaN(key)) continue;
    if (e.site !== lastSite || e.shopId !== lastShop || !shopGroups) {
      let shops = sites.get(e.site);
      if (!shops) sites.set(e.site, (shops = new Map()));
      shopGroups = shops.get(e.shopId);
      if (!shopGroups) shops.set(e.shopId, (shopGroups = new Map()));
      lastSite = e.site;
      lastShop = e.shopId;
    }
    const list = shopGroups.get(e.conversationId);
    if (list) list.push(key);
    else shopGroups.set(e.conversationId, [key]);
  }
  const total = emptyCounters(period);
  const rules = rulesOf(profile, period, timeZone);
  for (const shops of sites.values()) {
    for (const groups of shops.values()) {
      for (const list of groups.values()) accumulate(Float64Array.from(list), rules, total);
    }
  }
  return total;
}

/** The period's metrics: groups by site + shopId + conversationId, sums conversationCounters, finalizes. */
export function computeMetrics(events: readonly MetricEvent[], profile: MetricProfile, period: Period, timeZone: string, now: number): Metrics {
  return finalizeMetrics(computeCounters(events, profile, period, timeZone, now));
}
