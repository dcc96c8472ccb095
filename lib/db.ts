import Dexie, { type EntityTable } from 'dexie';
import type { AfterSaleCase } from './after-sale/case';
import type { ChatEvent } from './chat-event';
import type { AdapterFix } from './sites/custom/fix';
import type { CustomAdapter } from './sites/custom/schema';
import type { HealthSummary } from './sites/health';
import type { Snippet } from './snippet';
import { defaultSnippets } from './snippets/defaults';
import type { Waiting } from './waiting';

export const DB_NAME = 'kefu-sidekick';

/** Which shop's console a tab shows: the badge is per tab. */
export interface TabShop {
  tabId: number;
  site: string;
  shopId: string;
  /** The page load that bound the tab to this shop (lib/tracker.ts bindTab); not indexed. */
  page?: string;
  /** The console's adapter health as its content script last told (lib/sites/health.ts); not indexed. */
  health?: HealthSummary;
}

/** A threshold a buyer's wait crossed (warn, breach, 3 and 5 minutes), logged once per wait and mark. */
export interface AlertRecord {
  /** waitKey|since|markSec: the same crossing is logged once, whatever restarts happen. */
  id: string;
  key: string;
  buyerName: string;
  markSec: number;
  level: 'warn' | 'breach';
  at: number;
}

/** One conversation's counters in one period (lib/metrics.ts), kept so a change can be subtracted. */
export interface Contribution {
  period: string;
  key: string;
  /** The period's end, so old periods' rows can be pruned. */
  end: number;
  counters: unknown;
}

/** A period's running total of counters, under one counting configuration (profile and time zone). */
export interface Aggregate {
  period: string;
  config: string;
  counters: unknown;
  updatedAt: number;
}

/** A draft warning or a held send (lib/draft-guard.ts): counted in the period's metrics, shown in the popup. */
export interface GuardEvent {
  id?: number;
  at: number;
  kind: 'warn' | 'held';
  category: string;
  site: string;
  shopId: string;
}

export interface Shift {
  id?: number;
  start: number;
  end: number | null;
}

/**
 * The extension's one database, in the extension's own origin (opened by the background worker and
 * extension pages, never by a content script, so nothing lands in the seller page's IndexedDB).
 * Each schema change is a new `version()` with its upgrade; old versions stay listed so any install can upgrade.
 */
export class KefuDatabase extends Dexie {
  events!: EntityTable<ChatEvent, 'id'>;
  snippets!: EntityTable<Snippet, 'id'>;
  waits!: EntityTable<Waiting, 'key'>;
  tabs!: EntityTable<TabShop, 'tabId'>;
  alerts!: EntityTable<AlertRecord, 'id'>;
  shifts!: EntityTable<Shift, 'id'>;
  contributions!: Dexie.Table<Contribution, [string, string]>;
  aggregates!: EntityTable<Aggregate, 'period'>;
  afterSaleCases!: EntityTable<AfterSaleCase, 'id'>;
  guardEvents!: EntityTable<GuardEvent, 'id'>;
  customSites!: EntityTable<CustomAdapter, 'id'>;
  adapterFixes!: EntityTable<AdapterFix, 'base'>;

  constructor(name = DB_NAME) {
    // Strict durability: an event the worker acknowledged must survive a crash or a killed worker.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      events: 'id, at, [shopId+conversationId+at]',
      snippets: 'id, order, shortcut, lang',
    });
    // v2: conversations are keyed by site too (two consoles may reuse ids); buyers waiting, the tabs
    // showing each shop, the alert log, shifts and the metrics kept per period. Only indexes and new
    // tables: no data to rewrite.
    this.version(2).stores({
      events: 'id, at, [site+shopId+conversationId+at]',
      waits: 'key, [site+shopId]',
      tabs: 'tabId, [site+shopId]',
      alerts: 'id, at, [level+at]',
      shifts: '++id, start',
      contributions: '[period+key], end',
      aggregates: 'period',
    });
    // v3: after-sale cases (lib/after-sale/case.ts), found by order, by conversation (the sidebar shows a
    // buyer's open cases), by step (reminders) and by opening time (metrics, problem mining); the conduct
    // guard's warnings and held sends, counted per period by kind; the consoles the agent taught by pointing
    // (lib/sites/custom) and their fixes to built-in consoles. New tables only.
    this.version(3).stores({
      afterSaleCases: 'id, orderNumber, conversationId, step, openedAt',
      guardEvents: '++id, [kind+at]',
      customSites: 'id, host',
      adapterFixes: 'base',
    });
    this.on('populate', (tx) => {
      void tx.table('snippets').bulkAdd(defaultSnippets);
    });
  }
}
