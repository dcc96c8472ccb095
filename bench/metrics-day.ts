import type { Page } from 'playwright-core';
import type { ChatEvent } from '../lib/chat-event';
import { computeMetrics, type Metrics } from '../lib/metrics';
import type { MetricsView } from '../lib/protocol';
import { BATCH, daySession, SHOP_ID, SITE, storageUsage, timedSend } from './day-load';
import { median, round, sleep, verdict, type BenchResult, type Benchmark } from './support';

/**
 * 2. How fast the popup has its data on a busy day: 'metrics.get' for a day of 100,000 stored events.
 *
 * The popup opens many times a shift and must show the day's figures at once, so the worker keeps each
 * period's totals ready (lib/metrics-store.ts) instead of scanning the day. After the load, the first
 * read may count the day from the events (rebuild, reported apart); then 20 reads are timed from the
 * extension page, alternating with 20 round trips of a trivial message ('snippets.list', the baseline:
 * what any message costs, so the ratio is what the metrics themselves add).
 *
 * The figures are checked, since a fast wrong answer is no answer: the first read (the worker's rebuild)
 * must equal lib/metrics.ts computeMetrics over the same events, profile, period and time zone, counted
 * here in Node. Then the incremental path: a batch of late messages (new buyers, and buyers coming back
 * to old threads) goes through 'chat.events' with the totals kept, and the totals read next must equal
 * computeMetrics over all the events. A mismatch is an error, not a figure.
 */
const BUDGET_MS = 50;
const READS = 20;

export const metricsDay: Benchmark = {
  name: 'metrics-day',
  title: "popup data ('metrics.get') for a day of 100,000 events",
  async run(ctx): Promise<BenchResult> {
    const day = await daySession(ctx);
    const { page, plan } = day;
    const notes: string[] = [];

    const first = await timedSend(page, 'metrics.get', { view: 'day' });
    const view = first.data as MetricsView;
    await sleep(1_000);
    day.usageAfterFirstRead = await storageUsage(page);
    if (view?.timeZone !== plan.timeZone) notes.push(`worker answered for time zone ${view?.timeZone}, not ${plan.timeZone}`);
    if (view?.period?.start !== plan.dayStart) notes.push(`worker's day starts at ${new Date(view?.period?.start).toISOString()}, expected ${new Date(plan.dayStart).toISOString()}`);

    const reads: number[] = [];
    const trivial: number[] = [];
    for (let i = 0; i < READS; i++) {
      trivial.push((await timedSend(page, 'snippets.list', { lang: 'en' })).ms);
      reads.push((await timedSend(page, 'metrics.get', { view: 'day' })).ms);
    }

    // The reference count of the same day, outside the extension.
    const reference = (events: readonly ChatEvent[]) => computeMetrics(events, view.profile, view.period, view.timeZone, Date.now());
    const rebuildDiff = differences(view.metrics, reference(day.events));
    if (rebuildDiff.length) notes.push(`THE FIRST READ (REBUILD) DIFFERS FROM lib/metrics.ts computeMetrics: ${rebuildDiff.slice(0, 5).join('; ')}`);
    const incremental = await checkIncremental(page, plan.windowEnd, (late) => reference([...day.events, ...late]));
    if (!incremental.same) notes.push(`THE KEPT TOTALS AFTER A LATE BATCH DIFFER FROM lib/metrics.ts computeMetrics: ${incremental.diff}`);
    const correct = !rebuildDiff.length && incremental.same;

    const figure = median(reads);
    const baseline = median(trivial);
    const budget = { text: `< ${BUDGET_MS} ms`, pass: figure < BUDGET_MS };
    notes.push(`the load: ${day.count.toLocaleString('en')} events in ${day.count / BATCH} batches through 'chat.events' (conversation order), median batch ${round(day.batchMedianMs, 0)} ms`);
    return {
      name: this.name,
      title: this.title,
      figure: { value: round(figure, 1), unit: 'ms', label: "median 'metrics.get' round trip" },
      baseline: { value: round(baseline, 1), unit: 'ms', label: "median 'snippets.list' round trip" },
      ratio: round(figure / baseline, 2),
      budget,
      status: correct ? verdict(budget) : 'ERROR',
      extra: {
        'max metrics.get ms': round(Math.max(...reads), 1),
        'first read (rebuild) ms': round(first.ms, 0),
        'load s': round(day.loadMs / 1000, 1),
        'load events/s': round(day.count / (day.loadMs / 1000), 0),
        'slowest batch ms': round(day.batchMaxMs, 0),
        'events added': day.added,
        'conversations': day.conversations,
        'late batch (kept totals) ms': round(incremental.batchMs, 0),
        'late batch events / conversations': `${incremental.events} / ${incremental.conversations}`,
        'read after late batch ms': round(incremental.readMs, 1),
        'rebuild = reference': rebuildDiff.length ? 'NO' : 'yes',
        'incremental = reference': incremental.same ? 'yes' : 'NO',
        'buyer messages counted': view.metrics.counted,
        // What each read carries and reads besides the kept totals: every waiting buyer, the day's alert rows.
        'response KB': round(JSON.stringify(view).length / 1024, 0),
        'waits in response': view.waits.length,
        'alert rows of the day': view.alerts.warn + view.alerts.breach,
        'time zone': plan.timeZone,
      },
      notes,
    };
  },
};

async function checkIncremental(page: Page, windowEnd: number, reference: (late: ChatEvent[]) => Metrics) {
  const late: ChatEvent[] = [];
  const event = (conversationId: string, n: string, sender: 'buyer' | 'shop', at: number, text: string): ChatEvent => ({
    id: `${SITE}:${SHOP_ID}:${conversationId}-${n}`,
    site: SITE,
    shopId: SHOP_ID,
    conversationId,
    buyerName: `buyer ${conversationId}`,
    type: 'message',
    sender,
    auto: false,
    at,
    atSource: 'page',
    text,
  });
  for (let i = 1; i <= 100; i++) {
    // An old buyer comes back, and a new one writes; most are answered (some late), some not at all.
    const old = `c${String(i * 37).padStart(5, '0')}`;
    const fresh = `late${i}`;
    const at = windowEnd - 30 * 60_000 + i * 5_000;
    late.push(event(old, 'late-q', 'buyer', at, '还有一个问题'));
    if (i % 10) late.push(event(old, 'late-a', 'shop', at + (i % 3) * 20_000 + 5_000, '亲，在的'));
    late.push(event(fresh, 'm1', 'buyer', at + 1_000, '在吗'));
    if (i % 7) late.push(event(fresh, 'm2', 'shop', at + 1_000 + i * 1_000, '亲，您好'));
  }
  const batch = await timedSend(page, 'chat.events', { site: SITE, shopId: SHOP_ID, events: late });
  const kept = await timedSend(page, 'metrics.get', { view: 'day' });
  const diff = differences((kept.data as MetricsView).metrics, reference(late));
  return { same: diff.length === 0, diff: diff.slice(0, 5).join('; '), batchMs: batch.ms, readMs: kept.ms, events: late.length, conversations: new Set(late.map((e) => e.conversationId)).size };
}

/** Paths where two JSON values differ (numbers within a relative 1e-9: sums in another order). */
function differences(a: unknown, b: unknown, path = 'metrics'): string[] {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) || (Number.isNaN(a) && Number.isNaN(b)) ? [] : [`${path}: ${a} from the worker vs ${b} expected`];
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [`${path}: ${JSON.stringify(a)} from the worker vs ${JSON.stringify(b)} expected`];
}
