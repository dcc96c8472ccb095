import type { KefuDatabase } from './db';
import { localParts } from './local-time';
import type { Snippet } from './snippet';
import { planImport } from './snippet-io';
import { importOverflowText, libraryFullText } from './limit-messages';
import { importOverflow, MAX_SNIPPETS } from './limits';
import { RefusalError } from './refusal';
import type { EventExport } from './event-export';
import { CONTEXT_MS, REPLY_HORIZON_MS, dayPeriod, shiftPeriod, type CountingConfig, type MetricsStore, type TrackedPeriod } from './metrics-store';
import { IncomingEventSchema } from './chat-event';
import { explainZodError } from './json-file';
import { ListedConversationSchema, queueSignature, type AfterSaleMessageName, type CustomSiteMessageName, type Handlers, type Queue, type Rejected, type View } from './protocol';
import type { z } from './z';
import type { Targets } from './targets';
import type { Tracker } from './tracker';
import { fitId } from './page-data';
import { byUrgency, WAITING_ROWS, type Thresholds } from './waiting';

export interface WorkerDeps {
  db: KefuDatabase;
  tracker: Tracker;
  metrics: MetricsStore;
  counting: () => CountingConfig;
  targets: () => Targets;
  thresholds: () => Thresholds;
  /** Repaints the badges and re-arms the threshold timers after anything that may change them. */
  refresh: () => Promise<void>;
  /** Tells every open console that the snippet library changed. */
  snippetsChanged?: () => void;
  /** Tells every open console that the one queue of waiting buyers changed. */
  queueChanged?: (queue: Queue, fromTab?: number) => void;
  /** Brings a console tab forward and asks it to open a conversation; whether it did. */
  openInTab?: (tabId: number, conversationId: string) => Promise<boolean>;
  now?: () => number;
}

/** The background worker's answer to each message; the worker itself only wires these to runtime.onMessage. */
/** Everything but after-sale cases and taught consoles, which have handlers of their own. */
export function createHandlers(deps: WorkerDeps): Omit<Handlers, AfterSaleMessageName | CustomSiteMessageName> {
  const { db, tracker, metrics, refresh } = deps;
  const now = deps.now ?? Date.now;

  /** The open shift's period, or the calendar day when no shift was started (DOMAIN.md). */
  async function periodOf(view: View): Promise<TrackedPeriod> {
    const shift = view === 'shift' ? await metrics.openShift() : undefined;
    return shift ? shiftPeriod(shift) : dayPeriod(now(), deps.counting().timeZone);
  }

  let lastQueue = '';
  /** What each console page was last given of the queue, so a report that changes nothing carries none back. */
  const givenTo = new Map<string, string>();
  /**
   * The queue after a report from `tabId`'s page `page`: told to every other console when it changed, and
   * returned to the reporting page only when it has not seen it yet (null otherwise: a flood's reports
   * stay small). Per page, not per tab: a reloaded tab is a new page that has seen nothing.
   */
  async function queueAfterChange(tabId: number | undefined, page: string | undefined): Promise<Queue | null> {
    const queue = await queueOf(db);
    const key = queueSignature(queue);
    if (key !== lastQueue) {
      lastQueue = key;
      deps.queueChanged?.(queue, tabId);
    }
    if (tabId === undefined || page === undefined) return queue;
    const reader = `${tabId}|${page}`;
    if (givenTo.get(reader) === key) return null;
    // One entry per live page: a tab's older pages are forgotten.
    for (const other of givenTo.keys()) if (other.startsWith(`${tabId}|`)) givenTo.delete(other);
    givenTo.set(reader, key);
    return queue;
  }

  return {
    async 'chat.events'({ site, shopId, page, events, history }, { tabId }) {
      const { accepted, rejected } = checkEach(events, IncomingEventSchema, (raw) => idOf(raw));
      const { added, waits } = await tracker.record({ site, shopId }, accepted, tabId === undefined ? undefined : { tabId, page }, { history });
      await Promise.all([refresh(), metrics.update(added)]);
      return { added: added.length, waits, rejected, queue: await queueAfterChange(tabId, page) };
    },
    async 'chat.conversations'({ site, shopId, page, conversations }, { tabId }) {
      const { accepted, rejected } = checkEach(conversations, ListedConversationSchema, (raw) => idOf(raw, 'conversationId'));
      const { added, waits } = await tracker.listed({ site, shopId }, accepted, tabId === undefined ? undefined : { tabId, page });
      await Promise.all([refresh(), metrics.update(added)]);
      return { waits, rejected, queue: await queueAfterChange(tabId, page) };
    },
    async 'tab.health'({ site, shopId, health }, { tabId }) {
      if (tabId === undefined) return {};
      await db.transaction('rw', db.tabs, async () => {
        const tab = await db.tabs.get(tabId);
        // Kept with the tab's shop; a health report never changes which shop a tab records.
        if (!tab) await db.tabs.put({ tabId, site, shopId, health });
        else if (tab.site === site && tab.shopId === shopId) await db.tabs.update(tabId, { health });
      });
      return {};
    },
    async 'queue.open'({ key }) {
      const wait = await db.waits.get(key);
      if (!wait || !deps.openInTab) return { opened: false };
      // Any tab showing that shop will do: the same buyer waits in each.
      for (const tab of await db.tabs.where('[site+shopId]').equals([wait.site, wait.shopId]).toArray()) {
        if (await deps.openInTab(tab.tabId, wait.conversationId).catch(() => false)) return { opened: true };
      }
      return { opened: false };
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
        const day = localParts(now(), deps.counting().timeZone).dayKey;
        const usesByDay = { ...snippet.usesByDay, [day]: (snippet.usesByDay?.[day] ?? 0) + 1 };
        await db.snippets.update(id, { uses, lastUsedAt: now(), usesByDay });
        return { uses };
      });
    },
    async 'snippets.save'({ snippet }) {
      const saved = await db.transaction('rw', db.snippets, async () => {
        const existing = await db.snippets.get(snippet.id);
        // The options page says so before it sends; this holds when it did not (another page, an old one).
        if (!existing && (await db.snippets.count()) >= MAX_SNIPPETS) throw new RefusalError(libraryFullText());
        const order = existing?.order ?? ((await db.snippets.orderBy('order').last())?.order ?? -1) + 1;
        const record: Snippet = { ...snippet, order, uses: existing?.uses ?? 0, lastUsedAt: existing?.lastUsedAt, usesByDay: existing?.usesByDay };
        await db.snippets.put(record);
        return record;
      });
      deps.snippetsChanged?.();
      return saved;
    },
    async 'snippets.delete'({ id }) {
      const deleted = (await db.snippets.where('id').equals(id).delete()) > 0;
      deps.snippetsChanged?.();
      return { deleted };
    },
    async 'snippets.folder'({ from, to }) {
      const inFolder = (folder: string | undefined) => folder === from || !!folder?.startsWith(`${from}/`);
      const changed = await db.transaction('rw', db.snippets, async () => {
        const affected = (await db.snippets.toArray()).filter((s) => inFolder(s.folder));
        if (to === null) await db.snippets.bulkDelete(affected.map((s) => s.id));
        else await db.snippets.bulkPut(affected.map((s) => ({ ...s, folder: to + s.folder!.slice(from.length) })));
        return affected.length;
      });
      deps.snippetsChanged?.();
      return { changed };
    },
    async 'snippets.move'({ id, by }) {
      const all = await db.transaction('rw', db.snippets, async () => {
        const list = await db.snippets.orderBy('order').toArray();
        const i = list.findIndex((s) => s.id === id);
        const j = i + by;
        if (i < 0 || j < 0 || j >= list.length) return list;
        [list[i], list[j]] = [list[j]!, list[i]!];
        const renumbered = list.map((s, order) => ({ ...s, order }));
        await db.snippets.bulkPut(renumbered);
        return renumbered;
      });
      deps.snippetsChanged?.();
      return all;
    },
    async 'snippets.import'({ snippets, overwrite }) {
      const result = await db.transaction('rw', db.snippets, async () => {
        const existing = await db.snippets.toArray();
        const plan = planImport(existing, snippets);
        // Refused whole, inside the transaction: nothing of the file is written.
        const overflow = importOverflow(existing.length, snippets, plan, overwrite);
        if (overflow) throw new RefusalError(importOverflowText(overflow));
        let order = Math.max(-1, ...existing.map((s) => s.order)) + 1;
        const rows: Snippet[] = plan.fresh.map((s) => ({ ...s, order: order++, uses: 0 }));
        if (overwrite) {
          for (const { incoming, existing: old, reason } of plan.conflicts) {
            // A taken shortcut: the old snippet keeps its text and gives up the shortcut.
            if (reason === 'shortcut') rows.push({ ...old, shortcut: undefined }, { ...incoming, order: order++, uses: 0 });
            else rows.push({ ...old, ...incoming });
          }
        }
        await db.snippets.bulkPut(rows);
        return { added: plan.fresh.length, replaced: overwrite ? plan.conflicts.length : 0, skipped: overwrite ? 0 : plan.conflicts.length };
      });
      deps.snippetsChanged?.();
      return result;
    },
    async 'metrics.get'({ view }) {
      const period = await periodOf(view);
      // Counted on the index, not read: a busy day logs thousands of alerts.
      const alertsOf = (level: 'warn' | 'breach') => db.alerts.where('[level+at]').between([level, period.start], [level, period.end], true, true).count();
      const guardOf = (kind: 'warn' | 'held') => db.guardEvents.where('[kind+at]').between([kind, period.start], [kind, period.end], true, true).count();
      const [values, queue, warn, breach, shift, tabs, guardWarn, guardHeld] = await Promise.all([metrics.metrics(period), queueOf(db), alertsOf('warn'), alertsOf('breach'), metrics.openShift(), db.tabs.toArray(), guardOf('warn'), guardOf('held')]);
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
        // The one queue's most urgent few: the popup is no place for hundreds of rows.
        waits: queue.waits,
        waitsTotal: queue.total,
        alerts: { warn, breach },
        guard: { warn: guardWarn, held: guardHeld },
        consoles: tabs.map((tab) => ({ site: tab.site, shopId: tab.shopId, health: tab.health ?? null })),
        now: now(),
      };
    },
    async 'guard.record'({ kind, categories, site, shopId }) {
      const at = now();
      await db.guardEvents.bulkAdd(categories.map((category) => ({ at, kind, category, site, shopId })));
      return {};
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

/**
 * Each entry checked on its own: one that cannot be stored is named (with its index and why) and the
 * others go on, so one odd message never holds back the messages around it.
 */
function checkEach<S extends z.ZodType>(entries: readonly unknown[], schema: S, idOf: (raw: unknown) => string | null): { accepted: z.output<S>[]; rejected: Rejected[] } {
  const accepted: z.output<S>[] = [];
  const rejected: Rejected[] = [];
  entries.forEach((raw, index) => {
    const checked = schema.safeParse(raw);
    if (checked.success) accepted.push(checked.data);
    else rejected.push({ id: idOf(raw), error: `[${index}] ${explainZodError(checked.error, raw)}` });
  });
  return { accepted, rejected };
}

function idOf(raw: unknown, key = 'id'): string | null {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? fitId(value) : null;
}

/** The one queue: every shop's waiting buyers, most urgent first (the most urgent few, and the count). */
export async function queueOf(db: KefuDatabase): Promise<Queue> {
  const all = await db.waits.toArray();
  return { waits: byUrgency(all).slice(0, WAITING_ROWS), total: all.length };
}
