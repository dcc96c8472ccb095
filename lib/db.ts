import Dexie, { type EntityTable } from 'dexie';
import type { ChatEvent } from './chat-event';
import type { Snippet } from './snippet';
import { defaultSnippets } from './snippets/defaults';

export const DB_NAME = 'kefu-sidekick';

/**
 * The extension's one database, in the extension's own origin (opened by the background worker and
 * extension pages, never by a content script, so nothing lands in the seller page's IndexedDB).
 * Each schema change is a new `version()` with its upgrade; old versions stay listed so any install can upgrade.
 */
export class KefuDatabase extends Dexie {
  events!: EntityTable<ChatEvent, 'id'>;
  snippets!: EntityTable<Snippet, 'id'>;

  constructor(name = DB_NAME) {
    // Strict durability: an event the worker acknowledged must survive a crash or a killed worker.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      events: 'id, at, [shopId+conversationId+at]',
      snippets: 'id, order, shortcut, lang',
    });
    this.on('populate', (tx) => {
      void tx.table('snippets').bulkAdd(defaultSnippets);
    });
  }
}
