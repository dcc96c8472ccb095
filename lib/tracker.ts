import { checkMessage } from './guard';
import Dexie from 'dexie';
import type { ChatEvent } from './chat-event';
import type { AlertRecord, KefuDatabase, TabShop } from './db';
import { RefusalError } from './refusal';
import type { ListedConversation } from './sites/types';
import { alertLevel, badgeFor, conversationKey, firstUnanswered, marks, nextCrossing, type BadgeState, type Thresholds, type Waiting } from './waiting';

/** How far back a conversation's messages are read to find who is waiting: older waits are history, not alerts. */
const LOOKBACK_MS = 48 * 3_600_000;
/** A list clock and the thread's own timestamp of the same message may differ by this much (lists print minutes). */
const LIST_CLOCK_SLACK_MS = 60_000;

/**
 * A buyer message known only from the conversation list (the agent never opened it) still counts for the
 * metrics: it is stored under this id until the thread's real messages replace it.
 */
export function listEventId(shop: Shop, conversationId: string, since: number): string {
  return `${shop.site}:${shop.shopId}:list:${conversationId}:${since}`;
}
const isListEvent = (e: ChatEvent) => e.id.includes(':list:') && e.atSource === 'page' && e.text === '';

export interface Shop {
  site: string;
  shopId: string;
}

/** The tab (and its page load) a report came from; absent for reports not from a console tab. */
export interface ReportOrigin {
  tabId: number;
  /** A random id the content script draws once per page load. */
  page?: string;
}

/**
 * Whether a buyer's message threatens a complaint or a bad rating. Cached by text: the waits are worked out again
 * on every event, and a message, once written, does not change; the guard costs up to a millisecond a message.
 */
const threats = new Map<string, boolean>();
const THREAT_CACHE_LIMIT = 5_000;

export function isThreat(text: string): boolean {
  let threat = threats.get(text);
  if (threat === undefined) {
    threat = checkMessage(text, { side: 'buyer' }).some((f) => f.category === 'threat');
    if (threats.size >= THREAT_CACHE_LIMIT) threats.clear();
    threats.set(text, threat);
  }
  return threat;
}

/**
 * The background worker's memory of every buyer's wait, kept entirely in IndexedDB so a stopped and
 * restarted worker (Chrome stops it after 30 s idle) or a reloaded tab carries on where it was.
 */
export class Tracker {
  constructor(
    private readonly db: KefuDatabase,
    private readonly thresholds: () => Thresholds,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores new events (add-only, by stable id) and recomputes the waits of the conversations they touch. */
  /** `history`: events of past conversations (a history page): stored and counted, but nobody waits from them. */
  async record(shop: Shop, events: readonly ChatEvent[], from?: ReportOrigin, { history = false } = {}): Promise<{ added: ChatEvent[]; waits: Waiting[] }> {
    const { db } = this;
    const added = await db.transaction('rw', db.events, db.waits, db.tabs, async () => {
      if (from) await this.bindTab(from, shop);
      const known = await db.events.bulkGet(events.map((e) => e.id));
      const fresh = new Map<string, ChatEvent>();
      events.forEach((e, i) => {
        if (!known[i] && !fresh.has(e.id)) fresh.set(e.id, { ...e, ...shop });
      });
      await db.events.bulkAdd([...fresh.values()]);
      await this.replaceListEvents(shop, [...fresh.values()]);
      const names = new Map(events.map((e) => [e.conversationId, e.buyerName]));
      if (!history) for (const [conversationId, buyerName] of names) await this.recompute(shop, conversationId, buyerName);
      return [...fresh.values()];
    });
    return { added, waits: await this.waitsOf(shop) };
  }

  /** What the conversation list shows: buyers waiting in conversations that are not open. */
  async listed(shop: Shop, list: readonly ListedConversation[], from?: ReportOrigin): Promise<{ added: ChatEvent[]; waits: Waiting[] }> {
    const { db } = this;
    const added: ChatEvent[] = [];
    const tabId = from?.tabId;
    await db.transaction('rw', db.events, db.waits, db.tabs, async () => {
      if (from) await this.bindTab(from, shop);
      const seen = new Set<string>();
      for (const item of list) {
        const key = conversationKey({ ...shop, conversationId: item.conversationId });
        seen.add(key);
        const existing = await db.waits.get(key);
        // The thread's messages carry the buyer's own times: they win over the list.
        if (existing?.source === 'events') continue;
        const lastReply = item.waitingSince === null ? null : await this.lastManualReplyAt(shop, item.conversationId);
        // A list clock no later than a reply we saw is stale: the list re-renders after the thread.
        if (item.waitingSince === null || (lastReply !== null && item.waitingSince <= lastReply)) {
          if (existing) await db.waits.delete(key);
          continue;
        }
        await db.waits.put({ key, ...shop, conversationId: item.conversationId, buyerName: item.buyerName, since: item.waitingSince, messageId: null, source: 'list', ...(tabId === undefined ? {} : { listedBy: tabId }) });
        const id = listEventId(shop, item.conversationId, item.waitingSince);
        if (!(await db.events.get(id))) {
          const event: ChatEvent = { id, ...shop, conversationId: item.conversationId, buyerName: item.buyerName, type: 'message', sender: 'buyer', auto: false, at: item.waitingSince, atSource: 'page', text: '' };
          await db.events.add(event);
          added.push(event);
        }
      }
      // A conversation gone from this tab's list was closed or moved away: nobody to alert about. Only
      // what this tab listed (or no tab): another tab's list, even of the same shop, is that tab's to clear.
      const stale = (await db.waits.where('[site+shopId]').equals([shop.site, shop.shopId]).toArray()).filter(
        (w) => w.source === 'list' && !seen.has(w.key) && (w.listedBy === undefined || w.listedBy === tabId),
      );
      await db.waits.bulkDelete(stale.map((w) => w.key));
    });
    return { added, waits: await this.waitsOf(shop) };
  }

  async waitsOf(shop: Shop): Promise<Waiting[]> {
    return this.db.waits.where('[site+shopId]').equals([shop.site, shop.shopId]).toArray();
  }

  /**
   * Which shop a tab reports for is fixed by its first report, for the life of its page: a page that starts
   * claiming another shop is refused (a console never changes shop without a reload; a hostile page would,
   * to write into another shop's waits). A new page load in the tab may bind it to another shop; the old
   * shop's waits go with it, unless another tab still shows that shop.
   */
  private async bindTab({ tabId, page }: ReportOrigin, shop: Shop): Promise<void> {
    const current = await this.db.tabs.get(tabId);
    if (current && current.site === shop.site && current.shopId === shop.shopId) {
      // A reload of the same shop: the tab keeps what it had (its console's health), with the new page.
      if (page !== undefined && current.page !== page) await this.db.tabs.update(tabId, { page });
      return;
    }
    if (current && (page === undefined || current.page === page)) {
      throw new RefusalError(`this tab records shop "${current.shopId}"; its page now shows "${shop.shopId}": reload the tab to record that shop`);
    }
    if (current) await this.forgetTab(current);
    await this.db.tabs.put({ tabId, ...shop, ...(page === undefined ? {} : { page }) });
  }

  /** A console tab closed: its shop's waits go too, unless another tab still shows that shop. */
  async detachTab(tabId: number): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.tabs, db.waits, async () => {
      const tab = await db.tabs.get(tabId);
      if (tab) await this.forgetTab(tab);
    });
  }

  private async forgetTab(tab: TabShop): Promise<void> {
    const { db } = this;
    await db.tabs.delete(tab.tabId);
    const shopWaits = db.waits.where('[site+shopId]').equals([tab.site, tab.shopId]);
    const others = await db.tabs.where('[site+shopId]').equals([tab.site, tab.shopId]).count();
    // Another tab shows the shop: it keeps the waits, except those only this tab's list showed.
    if (others) await shopWaits.filter((w) => w.source === 'list' && w.listedBy === tab.tabId).delete();
    else await shopWaits.delete();
  }

  /** The badge of every console tab (its own shop's buyers) and the total for all other tabs. */
  async badges(): Promise<{ total: BadgeState; tabs: { tabId: number; badge: BadgeState }[] }> {
    const now = this.now();
    const t = this.thresholds();
    const [waits, tabs] = await Promise.all([this.db.waits.toArray(), this.db.tabs.toArray()]);
    return {
      total: badgeFor(waits, now, t),
      tabs: tabs.map((tab) => ({ tabId: tab.tabId, badge: badgeFor(waits.filter((w) => w.site === tab.site && w.shopId === tab.shopId), now, t) })),
    };
  }

  /** Logs every mark crossed by a current wait that was not logged yet; returns the new ones. */
  async logCrossings(): Promise<AlertRecord[]> {
    const now = this.now();
    const t = this.thresholds();
    const crossed: AlertRecord[] = [];
    for (const w of await this.db.waits.toArray()) {
      for (const sec of marks(t)) {
        if (now - w.since < sec * 1000) break;
        const level = alertLevel(sec * 1000, t);
        if (level === 'ok') continue;
        crossed.push({ id: `${w.key}|${w.since}|${sec}`, key: w.key, buyerName: w.buyerName, markSec: sec, level, at: w.since + sec * 1000 });
      }
    }
    if (!crossed.length) return [];
    return this.db.transaction('rw', this.db.alerts, async () => {
      const known = await this.db.alerts.bulkGet(crossed.map((a) => a.id));
      const fresh = crossed.filter((_, i) => !known[i]);
      await this.db.alerts.bulkAdd(fresh);
      return fresh;
    });
  }

  async nextCrossing(): Promise<number | null> {
    return nextCrossing(await this.db.waits.toArray(), this.now(), this.thresholds());
  }

  /** Message texts older than the retention period are blanked; times, ids and senders stay for the metrics. */
  async purgeTexts(retentionDays: number): Promise<number> {
    const cutoff = this.now() - retentionDays * 86_400_000;
    return this.db.events.where('at').below(cutoff).filter((e) => e.text !== '').modify({ text: '' });
  }

  /**
   * The thread of a conversation is being read: its real messages replace the ones known only from the
   * list, when they cover the list's moment (a buyer message near it, or anything later).
   */
  private async replaceListEvents(shop: Shop, fresh: readonly ChatEvent[]): Promise<void> {
    const byConversation = new Map<string, ChatEvent[]>();
    for (const e of fresh) if (!isListEvent(e)) byConversation.set(e.conversationId, [...(byConversation.get(e.conversationId) ?? []), e]);
    for (const [conversationId, real] of byConversation) {
      const stale = (await this.conversationEvents(shop, conversationId)).filter(
        (l) => isListEvent(l) && real.some((e) => e.at > l.at + LIST_CLOCK_SLACK_MS || (e.sender === 'buyer' && Math.abs(e.at - l.at) <= LIST_CLOCK_SLACK_MS)),
      );
      await this.db.events.bulkDelete(stale.map((l) => l.id));
    }
  }

  private async recompute(shop: Shop, conversationId: string, buyerName: string): Promise<void> {
    const key = conversationKey({ ...shop, conversationId });
    const events = await this.conversationEvents(shop, conversationId);
    const first = firstUnanswered(events);
    if (first) {
      // A threat of a complaint or a bad rating in what the buyer wrote since: that conversation goes first.
      const threat = events.some((e) => e.sender === 'buyer' && e.at >= first.at && e.text !== '' && isThreat(e.text));
      await this.db.waits.put({ key, ...shop, conversationId, buyerName, since: first.at, messageId: first.id, source: 'events', ...(threat ? { threat } : {}) });
      return;
    }
    const existing = await this.db.waits.get(key);
    const lastReply = lastManualReply(events);
    if (existing && !(existing.source === 'list' && (lastReply === null || existing.since > lastReply))) await this.db.waits.delete(key);
  }

  private conversationEvents(shop: Shop, conversationId: string): Promise<ChatEvent[]> {
    return this.db.events
      .where('[site+shopId+conversationId+at]')
      .between([shop.site, shop.shopId, conversationId, this.now() - LOOKBACK_MS], [shop.site, shop.shopId, conversationId, Dexie.maxKey])
      .toArray();
  }

  private async lastManualReplyAt(shop: Shop, conversationId: string): Promise<number | null> {
    return lastManualReply(await this.conversationEvents(shop, conversationId));
  }
}

function lastManualReply(events: readonly ChatEvent[]): number | null {
  let last: number | null = null;
  for (const e of events) if (e.type === 'message' && e.sender === 'shop' && !e.auto && (last === null || e.at > last)) last = e.at;
  return last;
}
