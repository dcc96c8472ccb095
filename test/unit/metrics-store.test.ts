import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ChatEvent } from '@/lib/chat-event';
import { KefuDatabase } from '@/lib/db';
import { presetProfile } from '@/lib/metric-profiles';
import { computeMetrics, conversationCounters } from '@/lib/metrics';
import { KEEP_CONTRIBUTIONS_MS, MetricsStore, dayPeriod, packCounters, unpackCounters, type CountingConfig } from '@/lib/metrics-store';
import { Tracker } from '@/lib/tracker';
import { defaultThresholds } from '@/lib/waiting';
import { chatEvent } from '../support/events';

const ZONE = 'Asia/Shanghai';
// 2026-11-23 14:00 in Shanghai.
const T0 = Date.UTC(2026, 10, 23, 6, 0, 0);
let db: KefuDatabase;
let now = T0;
let config: CountingConfig;
let store: MetricsStore;
let tracker: Tracker;
let n = 0;

beforeEach(() => {
  db = new KefuDatabase(`metrics-store-${n++}`);
  now = T0;
  config = { profile: presetProfile('default')!, timeZone: ZONE };
  store = new MetricsStore(db, () => config, () => now);
  tracker = new Tracker(db, () => defaultThresholds, () => now);
});
afterEach(async () => {
  await db.delete();
});

const SHOP = { site: 'demo', shopId: 'shop-a' };
async function record(events: ChatEvent[]) {
  const { added } = await tracker.record(SHOP, events);
  await store.update(added);
}
const at = (s: number) => T0 + s * 1000;
const b = (id: string, conv: string, s: number) => chatEvent(id, { conversationId: conv, at: at(s) });
const r = (id: string, conv: string, s: number, auto = false) => chatEvent(id, { conversationId: conv, at: at(s), sender: 'shop', auto });

describe('metrics kept per period', () => {
  test('kept incrementally, they equal counting every event again', async () => {
    const day = dayPeriod(now, ZONE);
    expect((await store.metrics(day)).counted).toBe(0);
    const batches = [
      [b('1', 'c1', 0), r('2', 'c1', 1, true), b('3', 'c2', 5)],
      [r('4', 'c1', 20), b('5', 'c3', 30)],
      [r('6', 'c2', 200), chatEvent('7', { conversationId: 'c2', at: at(210), type: 'order', sender: 'system' }), b('8', 'c1', 300)],
      [r('9', 'c1', 305), b('3', 'c2', 5)], // a repeat changes nothing
    ];
    for (const batch of batches) {
      now += 60_000;
      await record(batch);
      const all = await db.events.toArray();
      expect(await store.metrics(day)).toEqual(computeMetrics(all, config.profile, day, ZONE, now));
    }
    const final = await store.metrics(day);
    expect(final).toMatchObject({ counted: 4, answered: 3, unanswered: 1, consultingBuyers: 3, inquiryConversion: 1 / 3 });
    expect(final.rates['30']).toBe(2 / 4);
  });

  test('a change of counting profile or time zone counts the stored events again', async () => {
    await record([b('1', 'c1', 0), b('2', 'c1', 10), r('3', 'c1', 20)]);
    const day = dayPeriod(now, ZONE);
    expect((await store.metrics(day)).counted).toBe(2);
    config = { ...config, profile: presetProfile('douyin')! };
    expect((await store.metrics(day)).counted).toBe(1); // per round
    // In New York it is 01:00: outside the service window.
    config = { ...config, timeZone: 'America/New_York' };
    expect((await store.metrics(dayPeriod(now, 'America/New_York'))).counted).toBe(0);
  });

  test('a shift counts only from its start; ending it keeps its figures', async () => {
    await record([b('1', 'c1', 0)]);
    now = at(100);
    const shift = await store.startShift();
    expect(await store.startShift()).toEqual(shift); // one open shift at a time
    await record([b('2', 'c2', 110), r('3', 'c2', 120)]);
    const [, shiftPeriod] = await store.periodsAt(now);
    expect(shiftPeriod!.id).toBe(`shift:${shift.id}`);
    expect(await store.metrics(shiftPeriod!)).toMatchObject({ counted: 1, answered: 1, consultingBuyers: 1 });
    now = at(200);
    const ended = await store.endShift();
    expect(ended).toMatchObject({ start: at(100), end: at(200) });
    expect(await store.openShift()).toBeUndefined();
    expect(await store.metrics({ id: `shift:${shift.id}`, start: at(100), end: at(200) })).toMatchObject({ counted: 1, answered: 1 });
  });
});

describe('stored counters', () => {
  test('a conversation’s counters pack to the bins it touches and unpack unchanged', async () => {
    await record([b('1', 'c1', 0), r('2', 'c1', 45), b('3', 'c1', 4_000)]);
    const day = dayPeriod(now, ZONE);
    await store.metrics(day);
    const [row] = await db.contributions.toArray();
    const packed = row!.counters as ReturnType<typeof packCounters>;
    expect(packed.timeline.length).toBe(2);
    const all = await db.events.toArray();
    expect(unpackCounters(packed, day)).toEqual(conversationCounters(all, config.profile, day, ZONE, now));
  });

  test('old periods’ per-conversation rows are pruned; their totals stay', async () => {
    await record([b('1', 'c1', 0)]);
    const day = dayPeriod(now, ZONE);
    const before = await store.metrics(day);
    now = day.end + KEEP_CONTRIBUTIONS_MS + 1;
    expect(await store.prune()).toBe(1);
    expect(await db.contributions.count()).toBe(0);
    expect(await store.metrics(day)).toEqual(before);
  });
});
