import type { KefuDatabase } from './db';
import type { EventExport } from './event-export';
import { CONTEXT_MS, REPLY_HORIZON_MS, dayPeriod, shiftPeriod, type CountingConfig, type MetricsStore, type TrackedPeriod } from './metrics-store';
import type { Handlers, View } from './protocol';
import type { Targets } from './targets';
import type { Tracker } from './tracker';
import type { Thresholds } from './waiting';

export interface WorkerDeps {
  db: KefuDatabase;
  tracker: Tracker;
  metrics: MetricsStore;
  counting: () => CountingConfig;
  targets: () => Targets;
  thresholds: () => Thresholds;
  /** Repaints the badges and re-arms the threshold timers after anything that may change them. */
  refresh: () => Promise<void>;
  now?: () => number;
}

/** The background worker's answer to each message; the worker itself only wires these to runtime.onMessage. */
export function createHandlers(deps: WorkerDeps): Handlers {
  const { db, tracker, metrics, refresh } = deps;
  const now = deps.now ?? Date.now;

  /** The open shift's period, or the calendar day when no shift was started (DOMAIN.md). */
  async function periodOf(view: View): Promise<TrackedPeriod> {
    const shift = view === 'shift' ? await metrics.openShift() : undefined;
    return shift ? shiftPeriod(shift) : dayPeriod(now(), deps.counting().timeZone);
  }

  return {
    async 'chat.events'({ site, shopId, events }, { tabId }) {
      const { added, waits } = await tracker.record({ site, shopId }, events, tabId);
      await Promise.all([refresh(), metrics.update(added)]);
      return { added: added.length, waits };
    },
    async 'chat.conversations'({ site, shopId, conversations }, { tabId }) {
      const { added, waits } = await tracker.listed({ site, shopId }, conversations, tabId);
      await Promise.all([refresh(), metrics.update(added)]);
      return { waits };
    },
    async 'alerts.refresh'(_, { tabId }) {
      await refresh();
      const { total, tabs } = await tracker.badges();
      const badge = tabs.find((t) => t.tabId === tabId)?.badge ?? total;
      return { text: badge.text, color: badge.color };
    },
    async 'snippets.list'({ lang }) {
      const all = await db.snippets.orderBy('order').toArray();
      return lang ? all.filter((s) => s.lang === lang) : all;
    },
    async 'snippets.used'({ id }) {
      return db.transaction('rw', db.snippets, async () => {
        const snippet = await db.snippets.get(id);
        if (!snippet) throw new Error(`no snippet "${id}"`);
        const uses = snippet.uses + 1;
        await db.snippets.update(id, { uses, lastUsedAt: now() });
        return { uses };
      });
    },
    async 'metrics.get'({ view }) {
      const period = await periodOf(view);
      const [values, waits, alerts, shift] = await Promise.all([
        metrics.metrics(period),
        db.waits.toArray(),
        db.alerts.where('at').between(period.start, period.end, true, true).toArray(),
        metrics.openShift(),
      ]);
      const { profile, timeZone } = deps.counting();
      return {
        view,
        period,
        shift: shift ?? null,
        profile,
        timeZone,
        metrics: values,
        targets: deps.targets(),
        thresholds: deps.thresholds(),
        waits,
        alerts: { warn: alerts.filter((a) => a.level === 'warn').length, breach: alerts.filter((a) => a.level === 'breach').length },
        now: now(),
      };
    },
    async 'shift.start'() {
      return metrics.startShift();
    },
    async 'shift.end'() {
      return (await metrics.endShift()) ?? null;
    },
    async 'export.events'({ view }): Promise<EventExport> {
      const period = await periodOf(view);
      const { profile, timeZone } = deps.counting();
      const end = Math.min(period.end, now() + 1);
      // With the messages just before and after the period: a round begun before a shift, a reply after it.
      const events = await db.events.where('at').between(period.start - CONTEXT_MS, Math.min(period.end + REPLY_HORIZON_MS, now() + 1), true, false).toArray();
      return { format: 'kefu-sidekick/events', version: 1, exportedAt: now(), timeZone, profile, period: { start: period.start, end }, events };
    },
  };
}
