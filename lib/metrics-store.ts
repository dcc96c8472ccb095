import Dexie from 'dexie';
import type { ChatEvent } from './chat-event';
import type { Aggregate, Contribution, KefuDatabase, Shift } from './db';
import { localParts, startOfLocalDay } from './local-time';
import type { MetricProfile } from './metric-profiles';
import { addCounters, conversationCounters, emptyCounters, finalizeMetrics, subtractCounters, type Counters, type Metrics, type Period } from './metrics';
import { conversationKey } from './waiting';

/** How the metrics are counted right now: a change of any of these means counting again from the events. */
export interface CountingConfig {
  profile: MetricProfile;
  timeZone: string;
}

/** A period the worker keeps metrics for: a local day, or a shift. */
export interface TrackedPeriod extends Period {
  id: string;
}

/** A reply can come this long after the period's last buyer message and still count for it. */
export const REPLY_HORIZON_MS = 24 * 3_600_000;
/** Round and session units look back at the messages just before the period. */
export const CONTEXT_MS = 12 * 3_600_000;

/**
 * A conversation touches few of a day's 144 timeline bins: its stored counters keep only those
 * ([bin, count, waitSumMs, late]), about 50 bytes instead of 5 KB, for thousands of conversations a day.
 */
type PackedCounters = Omit<Counters, 'timeline'> & { timeline: [number, number, number, number][] };

export function packCounters(c: Counters): PackedCounters {
  const timeline: PackedCounters['timeline'] = [];
  c.timeline.forEach((b, i) => {
    if (b.count || b.waitSumMs || b.late) timeline.push([i, b.count, b.waitSumMs, b.late]);
  });
  return { ...c, timeline };
}

export function unpackCounters(p: PackedCounters, period: Period): Counters {
  const timeline = emptyCounters(period).timeline;
  for (const [i, count, waitSumMs, late] of p.timeline) timeline[i] = { count, waitSumMs, late };
  return { ...p, timeline };
}

/** Per-conversation counters of periods older than this are dropped: the period's total stays, only late changes to it are lost. */
export const KEEP_CONTRIBUTIONS_MS = 3 * 86_400_000;

export function configKey(c: CountingConfig): string {
  return JSON.stringify([c.profile, c.timeZone]);
}

export function dayPeriod(at: number, timeZone: string): TrackedPeriod {
  const start = startOfLocalDay(at, timeZone);
  // The next local midnight: a day is not always 24 h (daylight saving).
  const end = startOfLocalDay(start + 26 * 3_600_000, timeZone);
  return { id: `day:${localParts(at, timeZone).dayKey}`, start, end };
}

/** A shift still open runs until it is ended, at most a day: its period must not move while it is counted. */
export const OPEN_SHIFT_MS = 24 * 3_600_000;

export function shiftPeriod(shift: Shift): TrackedPeriod {
  return { id: `shift:${shift.id}`, start: shift.start, end: shift.end ?? shift.start + OPEN_SHIFT_MS };
}

/**
 * Keeps each period's metrics ready to read (one row), so the popup never scans a day's events.
 * Metrics are sums of per-conversation counters (lib/metrics.ts); when a conversation's messages change,
 * its old counters are subtracted from the period's total and its new ones added.
 */
export class MetricsStore {
  constructor(
    private readonly db: KefuDatabase,
    private readonly config: () => CountingConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** Periods whose counters a change at `at` may touch: its day, and the open shift. */
  async periodsAt(at: number): Promise<TrackedPeriod[]> {
    const periods = [dayPeriod(at, this.config().timeZone)];
    const shift = await this.openShift();
    if (shift && at >= shift.start) periods.push(shiftPeriod(shift));
    return periods;
  }

  /** Updates the periods touched by these events (called after they were stored). */
  async update(events: readonly ChatEvent[]): Promise<void> {
    if (!events.length) return;
    const config = this.config();
    const { db } = this;
    // One transaction for the whole batch: with strict durability each transaction waits for the disk.
    await db.transaction('rw', [db.events, db.contributions, db.aggregates, db.shifts], async () => {
      const conversations = new Map<string, { sample: ChatEvent; periods: Map<string, TrackedPeriod> }>();
      for (const e of events) {
        const key = conversationKey(e);
        const entry = conversations.get(key) ?? { sample: e, periods: new Map() };
        conversations.set(key, entry);
        for (const p of await this.periodsAt(e.at)) entry.periods.set(p.id, p);
      }
      const totals = new Map<string, Aggregate | null>();
      const rows: Contribution[] = [];
      for (const [key, { sample, periods }] of conversations) {
        for (const period of periods.values()) {
          if (!totals.has(period.id)) {
            const row = await db.aggregates.get(period.id);
            // Not counted yet under this counting: the next read rebuilds it whole.
            totals.set(period.id, row && row.config === configKey(config) ? row : null);
          }
          const aggregate = totals.get(period.id);
          if (!aggregate) continue;
          const counters = conversationCounters(await this.conversationEvents(sample, period), config.profile, period, config.timeZone, this.now());
          const old = await db.contributions.get([period.id, key]);
          const base = old ? subtractCounters(aggregate.counters as Counters, unpackCounters(old.counters as PackedCounters, period)) : (aggregate.counters as Counters);
          aggregate.counters = addCounters(base, counters);
          rows.push({ period: period.id, key, end: period.end, counters: packCounters(counters) });
        }
      }
      await db.contributions.bulkPut(rows);
      await db.aggregates.bulkPut([...totals.values()].filter((a): a is Aggregate => a !== null).map((a) => ({ ...a, updatedAt: this.now() })));
    });
  }

  /** The period's metrics, counting everything again from the events if the counting changed or it was never counted. */
  async metrics(period: TrackedPeriod): Promise<Metrics> {
    const config = this.config();
    const row = await this.db.aggregates.get(period.id);
    if (row && row.config === configKey(config)) return finalizeMetrics(row.counters as Counters);
    return finalizeMetrics(await this.rebuild(period, config));
  }

  /** Drops the per-conversation counters of periods that ended long ago (their totals stay). */
  async prune(): Promise<number> {
    return this.db.contributions.where('end').below(this.now() - KEEP_CONTRIBUTIONS_MS).delete();
  }

  async openShift(): Promise<Shift | undefined> {
    const last = await this.db.shifts.orderBy('start').last();
    return last && last.end === null ? last : undefined;
  }

  async startShift(): Promise<Shift> {
    const open = await this.openShift();
    if (open) return open;
    const shift: Shift = { start: this.now(), end: null };
    shift.id = await this.db.shifts.add(shift);
    return shift;
  }

  async endShift(): Promise<Shift | undefined> {
    const open = await this.openShift();
    if (!open) return undefined;
    const ended = { ...open, end: this.now() };
    await this.db.shifts.put(ended);
    // The period's end moved: count it again from the events, once.
    await this.db.aggregates.delete(shiftPeriod(ended).id);
    return ended;
  }

  private async rebuild(period: TrackedPeriod, config: CountingConfig): Promise<Counters> {
    const { db } = this;
    return db.transaction('rw', db.events, db.contributions, db.aggregates, async () => {
      const events = await db.events.where('at').between(period.start - CONTEXT_MS, period.end + REPLY_HORIZON_MS, true, false).toArray();
      const groups = new Map<string, ChatEvent[]>();
      for (const e of events) {
        const key = conversationKey(e);
        const list = groups.get(key);
        if (list) list.push(e);
        else groups.set(key, [e]);
      }
      let total = emptyCounters(period);
      const rows = [];
      for (const [key, list] of groups) {
        const counters = conversationCounters(list, config.profile, period, config.timeZone, this.now());
        rows.push({ period: period.id, key, end: period.end, counters: packCounters(counters) });
        total = addCounters(total, counters);
      }
      await db.contributions.where('[period+key]').between([period.id, Dexie.minKey], [period.id, Dexie.maxKey]).delete();
      await db.contributions.bulkPut(rows);
      await db.aggregates.put({ period: period.id, config: configKey(config), counters: total, updatedAt: this.now() });
      return total;
    });
  }

  private conversationEvents(sample: ChatEvent, period: Period): Promise<ChatEvent[]> {
    return this.db.events
      .where('[site+shopId+conversationId+at]')
      .between([sample.site, sample.shopId, sample.conversationId, period.start - CONTEXT_MS], [sample.site, sample.shopId, sample.conversationId, period.end + REPLY_HORIZON_MS])
      .toArray();
  }
}
