import type { ChatEvent } from './chat-event';
import { startOfDay, summariseDay } from './day-summary';
import type { KefuDatabase } from './db';
import type { Handlers } from './protocol';

/** The background worker's answer to each message; the worker itself only wires these to runtime.onMessage. */
export function createHandlers(db: KefuDatabase, now: () => number = Date.now): Handlers {
  return {
    async 'chat.events'({ events }) {
      // Add-only: an event seen again (re-render, reload, history scrolled into view) keeps its first record.
      return db.transaction('rw', db.events, async () => {
        const known = await db.events.bulkGet(events.map((e) => e.id));
        const unique = new Map<string, ChatEvent>();
        events.forEach((e, i) => {
          if (!known[i] && !unique.has(e.id)) unique.set(e.id, e);
        });
        await db.events.bulkAdd([...unique.values()]);
        return { added: unique.size };
      });
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
