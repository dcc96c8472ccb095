import type { ChatEventDraft } from '../chat-event';
import { CHINA_TIME_ZONE, parseConsoleTime } from '../console-time';
import type { LayoutProblem, SiteAdapter } from './types';

/**
 * Taobao / Tmall (千牛). Live chat runs in the Qianniu desktop client (AliWorkbench), which no browser
 * extension can reach; what exists on the web is the chat-history search, a page of qn.taobao.com
 * (`/home.htm/app-customer-service/toolpage/Message`) that shows the history in an iframe of
 * `market.m.taobao.com/app/qn/im-history-search/`. This adapter runs in that iframe and reads the history
 * for the metrics only: no sidebar, no snippets, no waits or badge (history is not a buyer waiting now).
 *
 * Evidence (docs/CONSOLES.md, public code 2025-09..2026-10): the URLs above and three hashed class
 * names, matched on their stable part: `chatWrap` (a message), `chatTime`, `chatName`. Everything else
 * here is NOT CONFIRMED by public evidence and is marked so: where the text sits, and how a shop message
 * is told from a buyer's (Taobao's sub-accounts are named "店铺名:客服名", with the colon, a convention of
 * the platform's own; a buyer's nick has none).
 */
export const taobaoSelectors = {
  /** A message of the history: CONSOLES.md (public code, 2025-09..2026-10), hashed class by its stable part. */
  message: '[class*="chatWrap"]',
  /** CONSOLES.md (public code, 2025-09..2026-10). */
  messageTime: '[class*="chatTime"]',
  /** The sender's nick: CONSOLES.md (public code, 2025-09..2026-10). */
  messageName: '[class*="chatName"]',
  /** NOT CONFIRMED (invented in the fixture, 2026-12): the message's text. */
  messageText: '[class*="chatContent"]',
} as const;

const S = taobaoSelectors;
const SHOP_ID = 'taobao-shop';
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** A sub-account: "店铺名:客服名" (ASCII or full-width colon). */
const isShopNick = (nick: string) => /^[^:：]+[:：].+/.test(nick);

interface HistoryRow {
  row: Element;
  nick: string;
  time: string;
}

function rows(doc: Document): HistoryRow[] {
  return [...doc.querySelectorAll(S.message)].map((row) => ({ row, nick: text(row.querySelector(S.messageName)), time: text(row.querySelector(S.messageTime)) }));
}

/** The buyer of the history shown: the first nick that is no sub-account. */
function buyerOf(all: readonly HistoryRow[]): string | null {
  return all.find((r) => r.nick && !isShopNick(r.nick))?.nick ?? null;
}

export const taobaoAdapter: SiteAdapter = {
  id: 'taobao',
  mode: 'history',
  // CONSOLES.md: the history search's own page, which Qianniu's web page embeds.
  matches: ['https://market.m.taobao.com/app/qn/im-history-search/*'],

  handles(url) {
    return url.protocol === 'https:' && url.hostname === 'market.m.taobao.com' && url.pathname.startsWith('/app/qn/im-history-search/');
  },

  checkLayout(doc) {
    const problems: LayoutProblem[] = [];
    // A search not run yet shows no message: that is an empty page, not a broken one.
    if (!doc.body) problems.push({ part: 'app', selector: 'body' });
    return problems;
  },

  shopId(doc) {
    // The shop's name before the colon of a sub-account nick; one shop per browser profile otherwise.
    const shopNick = rows(doc).find((r) => isShopNick(r.nick))?.nick;
    return shopNick ? `taobao:${shopNick.split(/[:：]/)[0]}` : SHOP_ID;
  },

  currentConversation(doc) {
    const buyer = buyerOf(rows(doc));
    return buyer ? { conversationId: buyer, buyerName: buyer } : null;
  },

  readMessages(doc, now) {
    const all = rows(doc);
    const buyer = buyerOf(all);
    if (!buyer) return [];
    // No message id is shown: the sender, the printed second and the place among messages of that same
    // second make one, the same on every read of the same history.
    const seen = new Map<string, number>();
    const drafts: ChatEventDraft[] = [];
    for (const { row, nick, time } of all) {
      const at = parseConsoleTime(time, now, CHINA_TIME_ZONE);
      if (at === null || !nick) continue;
      const base = `${buyer}|${at}|${nick}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      drafts.push({
        id: `${base}|${n}`,
        conversationId: buyer,
        buyerName: buyer,
        type: 'message',
        sender: isShopNick(nick) ? 'shop' : 'buyer',
        auto: false,
        at,
        atSource: 'page',
        text: text(row.querySelector(S.messageText)),
      });
    }
    return drafts;
  },

  readConversationList: () => [],
  openConversation: () => false,
  findInput: () => null,
  observeRoot: (doc) => doc.body,

  // History has no list, input, send or buyer panel to check: only the messages and their times.
  health: { list: null, messages: S.message, messageMeta: `${S.message} ${S.messageTime}`, input: null, send: null, buyer: null },
};
