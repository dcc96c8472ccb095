import { startOfDay, summariseDay } from './day-summary';
import type { KefuDatabase } from './db';
import type { Handlers } from './protocol';
import type { Tracker } from './tracker';

/**
 * The background worker's answer to each message; the worker itself only wires these to runtime.onMessage.
 * `refresh` repaints the badges and re-arms the threshold timers after anything that may change them.
 */
export function createHandlers(deps: { db: KefuDatabase; tracker: Tracker; refresh: () => Promise<void>; now?: () => number }): Handlers {
  const { db, tracker, refresh } = deps;
  const now = deps.now ?? Date.now;
  return {
    async 'chat.events'({ site, shopId, events }, { tabId }) {
      const result = await tracker.record({ site, shopId }, events, tabId);
      await refresh();
      return result;
    },
    async 'chat.conversations'({ site, shopId, conversations }, { tabId }) {
      const waits = await tracker.listed({ site, shopId }, conversations, tabId);
      await refresh();
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
    async 'day.summary'() {
      const events = await db.events.where('at').aboveOrEqual(startOfDay(now())).toArray();
      return summariseDay(events);
    },
  };
}
