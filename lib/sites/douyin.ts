import type { ChatEventDraft } from '../chat-event';
import { CHINA_TIME_ZONE, parseConsoleTime } from '../console-time';
import type { LayoutProblem, ListedConversation, SiteAdapter } from './types';
import { unreadRows } from './unread-rows';

/**
 * Douyin 飞鸽 (抖店 seller IM), React. Its generated class names change with every release (`chatTime_3fX9a`):
 * those are matched on their stable part only, and its own `data-qa-id` hooks are preferred wherever they exist.
 *
 * Its message list is virtualised and recycles its rows: only the rows in view are in the DOM, a row element
 * shows another message after a scroll (its `data-id` changes), and the DOM order of the rows is not the
 * order of the messages. So a message is known by its `data-id` alone, never by its element, and the rows are
 * put in order by their printed times (then their offsets in the list), not by where they sit in the DOM.
 */
export const douyinSelectors = {
  /**
   * The workspace: a conversation of its list, or its "当前会话" tab (there even when the list is empty).
   * The tab: public automation code found by code search (its own date 2026-06), not in CONSOLES.md; unconfirmed.
   */
  app: '[data-qa-id="qa-conversation-chat-item"], [data-qa-id="qa-active-chat-tab"]',
  /** CONSOLES.md (public automation code, 2025-09..2026-10). */
  listedConversation: '[data-qa-id="qa-conversation-chat-item"]',
  /**
   * The open conversation's row. The selected mark is a generated class: invented for the fixture 2026-12
   * (CONSOLES.md names none), matched on its stable part; unconfirmed.
   */
  activeConversation: '[data-qa-id="qa-conversation-chat-item"][class*="selected"]',
  /** The buyer's name in a row: generated class (`nameContent_…`); invented for the fixture 2026-12 after public code of 2026-06; unconfirmed. */
  listedName: '[class*="nameContent"]',
  /** Unread count: the Auxo (ByteDance's design system) badge; invented for the fixture 2026-12; unconfirmed. */
  listedUnread: '.auxo-badge-count',
  /**
   * A row whose buyer waits for a reply: generated class `needReply_…` on the row, its clock (`timerParticular_…`)
   * counting the wait up ("45秒", "2分15秒"). Public automation code found by code search (2026-06) shows both;
   * not in CONSOLES.md; unconfirmed.
   */
  listedWaiting: '[data-qa-id="qa-conversation-chat-item"][class*="needReply"]',
  listedClock: '[class*="timerParticular"]',
  /** CONSOLES.md (public automation code, 2025-09..2026-10): the open buyer's name. */
  buyerName: '#topbar-left-info',
  /** CONSOLES.md (public automation code, 2025-09..2026-10): one message per wrapper (the typo "warpper" is the console's own). */
  messageWrapper: '[data-qa-id="qa-message-warpper"]',
  /** CONSOLES.md (public automation code, 2025-09..2026-10): the message's own id, stable across re-renders and reloads. */
  message: '[data-qa-id="qa-message-warpper"] > div[data-id]',
  /** CONSOLES.md (public automation code, 2025-09..2026-10): the buyer's bubble, the shop's bubble, the text in `pre`. */
  buyerBubble: '.messageNotMe',
  shopBubble: '.messageIsMe',
  messageText: 'pre',
  /**
   * CONSOLES.md (2025-09..2026-10) says times and system rows use generated classes: their names here are invented
   * (2026-12) and matched on their stable part. Every row prints its own time (today "17:30:17", "昨天 17:30:17",
   * "09-05 17:30:17"), as public code of 2026 reads it per row; the seconds are the fixture's choice.
   */
  messageTime: '[class*="chatTime"]',
  systemMessage: '[class*="systemMsg"]',
  /**
   * A robot / auto reply: CONSOLES.md says nothing. Chosen 2026-12: a generated-class tag "机器人回复" above the
   * shop's bubble (public automation code looks for that text); invented for the fixture, unconfirmed. If it is
   * wrong, robot replies count as manual ones and stop the wait clock too early.
   */
  robotTag: '[class*="robotTag"]',
  /** The open buyer's latest order in the side panel: invented for the fixture 2026-12 (CONSOLES.md names none); unconfirmed. */
  orderNumber: '[class*="orderId"]',
  /** The shop's id ("店铺ID：…") and name in the header: invented for the fixture 2026-12 (CONSOLES.md names none); unconfirmed. */
  shopId: '[class*="shopId"]',
  shopName: '[class*="shopName"]',
  /** CONSOLES.md (public automation code, 2025-09..2026-10): a React-controlled textarea, and its Send. */
  input: 'textarea[data-qa-id="qa-send-message-textarea"]',
  send: 'div[data-qa-id="qa-send-message-button"]',
} as const;

/** The conversation's id: invented for the fixture 2026-12 (CONSOLES.md names no id on the list's rows); unconfirmed. */
const CONVERSATION_ID = 'data-conversation-id';
/** When the page shows no shop id we can read: one shop per browser profile, rather than no recording at all. */
const FALLBACK_SHOP_ID = 'douyin-shop';
const CHAT_PATH = '/pc_seller_v2/main/workspace';

export const douyinAdapter: SiteAdapter = {
  id: 'douyin',
  matches: [`https://im.jinritemai.com${CHAT_PATH}*`],

  handles(url) {
    return url.protocol === 'https:' && url.hostname === 'im.jinritemai.com' && url.pathname.startsWith(CHAT_PATH);
  },

  checkLayout(doc) {
    const problems: LayoutProblem[] = [];
    const s = douyinSelectors;
    if (!doc.querySelector(s.app)) problems.push({ part: 'app', selector: s.app });
    // No conversation open (no selected row, no buyer in the top bar) is an empty console, not a broken one.
    const active = doc.querySelector(s.activeConversation);
    const buyer = doc.querySelector(s.buyerName);
    if (!active && !buyer) return problems;
    if (!active?.getAttribute(CONVERSATION_ID)) problems.push({ part: 'conversation', selector: `${s.activeConversation}[${CONVERSATION_ID}]` });
    else if (!buyer) problems.push({ part: 'conversation', selector: s.buyerName });
    // An open conversation always shows a row (the buyer's first message, or the system's "接入" notice).
    if (!doc.querySelector(s.message)) problems.push({ part: 'thread', selector: s.message });
    if (!doc.querySelector(s.input)) problems.push({ part: 'input', selector: s.input });
    return problems;
  },

  shopId(doc) {
    // Not confirmed by public evidence: the header's "店铺ID：…" in the fixture.
    return /\d{4,}/.exec(doc.querySelector(douyinSelectors.shopId)?.textContent ?? '')?.[0] ?? FALLBACK_SHOP_ID;
  },

  shopName(doc) {
    return doc.querySelector(douyinSelectors.shopName)?.textContent?.trim() || null;
  },

  currentConversation(doc) {
    const conversationId = doc.querySelector(douyinSelectors.activeConversation)?.getAttribute(CONVERSATION_ID);
    const buyer = doc.querySelector(douyinSelectors.buyerName);
    if (!conversationId || !buyer) return null;
    const orderText = doc.querySelector(douyinSelectors.orderNumber)?.textContent?.trim() ?? '';
    return {
      conversationId,
      buyerName: buyer.textContent?.trim() ?? '',
      orderNumber: /^\d{10,}$/.test(orderText) ? orderText : undefined,
    };
  },

  readMessages(doc, now, skip, whole) {
    const current = this.currentConversation(doc);
    if (!current) return [];
    const read: { draft: ChatEventDraft; top: number; order: number }[] = [];
    for (const row of threadRows(doc, skip, whole)) {
      const id = row.getAttribute('data-id');
      if (!id || skip?.(id)) continue;
      const draft = readRow(row, id, current, now);
      if (draft) read.push({ draft, top: offsetOf(row.parentElement), order: read.length });
    }
    // Oldest first: by printed time, then by place in the list (a recycled row's DOM place means nothing).
    read.sort((a, b) => a.draft.at - b.draft.at || a.top - b.top || a.order - b.order);
    return read.map((r) => r.draft);
  },

  readConversationList(doc, now) {
    const waiting = new Map<string, number>();
    const list: ListedConversation[] = [];
    for (const item of doc.querySelectorAll(douyinSelectors.listedConversation)) {
      const conversationId = item.getAttribute(CONVERSATION_ID);
      if (!conversationId) continue;
      let waitingSince: number | null = null;
      if (item.matches(douyinSelectors.listedWaiting)) {
        waitingSince = pinWait(doc, conversationId, item.querySelector(douyinSelectors.listedClock)?.textContent, now);
        waiting.set(conversationId, waitingSince);
      }
      list.push({
        conversationId,
        buyerName: item.querySelector(douyinSelectors.listedName)?.textContent?.trim() ?? '',
        unread: Number(item.querySelector(douyinSelectors.listedUnread)?.textContent?.trim()) || 0,
        waitingSince,
      });
    }
    forgetWaits(doc, waiting);
    return list;
  },

  openConversation(doc, conversationId) {
    const item = [...doc.querySelectorAll<HTMLElement>(douyinSelectors.listedConversation)].find((el) => el.getAttribute(CONVERSATION_ID) === conversationId);
    item?.click();
    return Boolean(item);
  },

  findInput(doc) {
    return doc.querySelector<HTMLElement>(douyinSelectors.input);
  },

  observeRoot(doc) {
    return doc.body;
  },

  // The message list recycles its rows: a row given another message changes only its data-id and text.
  observeAttributes: ['data-id'],

  health: {
    list: douyinSelectors.listedConversation,
    messages: douyinSelectors.message,
    messageMeta: `${douyinSelectors.message} ${douyinSelectors.messageTime}`,
    input: douyinSelectors.input,
    send: douyinSelectors.send,
    buyer: douyinSelectors.buyerName,
  },
};

/**
 * The rows of the open thread that may be unread. A virtualised list (its rows placed by an inline offset)
 * holds only the rows in view, in no particular DOM order, so all of them are looked at (a few dozen); a thread
 * in the page's flow, in order, is walked back from its newest row (unread-rows.ts), as long threads need.
 */
function threadRows(doc: Document, skip: ((id: string) => boolean) | undefined, whole: boolean | undefined): Element[] {
  const first = doc.querySelector(douyinSelectors.messageWrapper);
  const thread = first?.parentElement;
  if (!first || !thread || Number.isFinite(offsetOf(first))) return [...doc.querySelectorAll(douyinSelectors.message)];
  const idRow = (wrapper: Element) => [...wrapper.children].find((child) => child.matches('div[data-id]')) ?? null;
  return unreadRows(thread, douyinSelectors.messageWrapper, (w) => idRow(w)?.getAttribute('data-id') ?? null, skip, whole)
    .map(idRow)
    .filter((row): row is Element => row !== null);
}

/** A virtual list's row offset (`transform: translateY(120px)` or `top: 120px`); NaN for a row in the page's flow. */
function offsetOf(wrapper: Element | null): number {
  const style = wrapper?.getAttribute('style') ?? '';
  const offset = /translateY\(\s*(-?[\d.]+)px\s*\)/.exec(style)?.[1] ?? /(?:^|;)\s*top:\s*(-?[\d.]+)px/.exec(style)?.[1];
  return offset === undefined ? Number.NaN : Number(offset);
}

function readRow(row: Element, id: string, current: { conversationId: string; buyerName: string }, now: number): ChatEventDraft | null {
  const s = douyinSelectors;
  const buyer = row.querySelector(s.buyerBubble);
  const shop = buyer ? null : row.querySelector(s.shopBubble);
  const system = buyer || shop ? null : row.querySelector(s.systemMessage);
  // Anything else (a card the page draws without a bubble) is no message this project counts.
  if (!buyer && !shop && !system) return null;
  const text = (system ? system.textContent : (buyer ?? shop)!.querySelector(s.messageText)?.textContent) ?? '';
  const printed = parseConsoleTime(row.querySelector(s.messageTime)?.textContent, now, CHINA_TIME_ZONE);
  const orderNumber = system ? /\d{10,}/.exec(text)?.[0] : undefined;
  return {
    id,
    conversationId: current.conversationId,
    buyerName: current.buyerName,
    type: orderNumber ? 'order' : 'message',
    sender: buyer ? 'buyer' : shop ? 'shop' : 'system',
    auto: Boolean(shop && row.querySelector(s.robotTag)),
    at: printed ?? now,
    atSource: printed === null ? 'seen' : 'page',
    text: text.trim(),
    ...(orderNumber ? { orderNumber } : {}),
  };
}

/**
 * The list counts a wait up ("45秒", "2分15秒", "1小时3分") instead of printing when it began, so each read
 * would put the start somewhere else within the clock's step; the tracker keys a listed wait by its start, and
 * a start that moved would be a new buyer message. So the first estimate of a wait is kept for as long as the
 * later ones agree with it within the clock's step. A wait with no clock we can read starts when first seen.
 */
const waitPins = new WeakMap<Document, Map<string, number>>();

function pinWait(doc: Document, conversationId: string, clock: string | null | undefined, now: number): number {
  const elapsed = parseWaitClock(clock);
  const estimate = elapsed ? Math.floor((now - elapsed.ms) / 1000) * 1000 : now;
  const slack = elapsed ? elapsed.step + 2_000 : Infinity;
  let pins = waitPins.get(doc);
  if (!pins) waitPins.set(doc, (pins = new Map()));
  const pinned = pins.get(conversationId);
  if (pinned !== undefined && Math.abs(pinned - estimate) <= slack) return pinned;
  pins.set(conversationId, estimate);
  return estimate;
}

function forgetWaits(doc: Document, waiting: Map<string, number>): void {
  const pins = waitPins.get(doc);
  for (const id of pins?.keys() ?? []) if (!waiting.has(id)) pins!.delete(id);
}

const WAIT_UNITS = [
  ['天', 86_400_000],
  ['小时', 3_600_000],
  ['分', 60_000],
  ['秒', 1_000],
] as const;

/** "2分15秒" -> 135 s, counted in steps of a second; null when the text is no wait clock (a printed time, say). */
export function parseWaitClock(text: string | null | undefined): { ms: number; step: number } | null {
  const match = /^(?:(\d+)天)?(?:(\d+)小时)?(?:(\d+)分钟?)?(?:(\d+)秒)?$/.exec((text ?? '').replace(/\s+/g, ''));
  if (!match || match.slice(1).every((v) => v === undefined)) return null;
  let ms = 0;
  let step = 0;
  WAIT_UNITS.forEach(([, unit], i) => {
    const value = match[i + 1];
    if (value === undefined) return;
    ms += Number(value) * unit;
    step = unit;
  });
  return { ms, step };
}
