import type { ChatEventDraft } from '../chat-event';
import { CHINA_TIME_ZONE, parseConsoleTime } from '../console-time';
import type { CurrentConversation, LayoutProblem, ListedConversation, SiteAdapter } from './types';
import { unreadRows } from './unread-rows';

/**
 * Pinduoduo 多多客服, web (mms.pinduoduo.com/chat-merchant): a Vue 2 + Element UI page. Every selector is
 * from docs/CONSOLES.md (public automation code, 2025-09..2026-10) unless its comment says otherwise;
 * nobody here has a seller account, so each is evidence of a page version, not a contract.
 */
export const pinduoduoSelectors = {
  /** The list's two waiting groups (超时未回复, 5分钟): CONSOLES.md (public automation code, 2025-09..2026-10). */
  app: 'ul.timeout-unreply, ul.five-minute',
  /** `data-random="<uid>-0-<group>"`: CONSOLES.md (public automation code, 2025-09..2026-10). */
  listedConversation: 'li.chat-item > div.chat-item-box[data-random]',
  /** CONSOLES.md (public automation code, 2025-09..2026-10). */
  activeConversation: 'li.chat-item > div.chat-item-box.active[data-random]',
  /** CONSOLES.md (public automation code, 2025-09..2026-10). */
  listedName: '.nickname-span',
  /** The last message's time ("17:30", "昨天 17:30"): CONSOLES.md (public automation code, 2025-09..2026-10). */
  listedTime: 'p.item-note',
  /** The waiting marks, under and over the time limit: CONSOLES.md (public automation code, 2025-09..2026-10). */
  listedWaiting: 'p.chat-unreply-time, .chat-unreply-over-time',
  /** CONSOLES.md (public automation code, 2025-09..2026-10). */
  threadContainer: '#msgListContainer',
  /** CONSOLES.md (public automation code, 2025-09..2026-10). */
  thread: '#msgListContainer > ul.msg-list',
  /**
   * `id="middlePanel_list_<ms>"`: CONSOLES.md (public automation code, 2025-09..2026-10); case-insensitive,
   * as some of that code writes `middlePanel_List_`.
   */
  message: 'li.onemsg[id^="middlePanel_list_" i]',
  /** "2026年09月08日 17:30:17": CONSOLES.md (public automation code, 2025-09..2026-10). */
  messageTime: 'p.message-time',
  /** CONSOLES.md (public automation code, 2025-09..2026-10). */
  buyerRow: 'div.buyer-item',
  /** `.cs-item`, and `.seller-item` from other sources: CONSOLES.md (public automation code, 2025-09..2026-10). */
  shopRow: 'div.cs-item, div.seller-item',
  /** A shop row sent by the robot: CONSOLES.md (public automation code, 2025-09..2026-10). */
  robotMark: '.callback, .robot-text',
  /** The robot's row in other sources: CONSOLES.md (public automation code, 2025-09..2026-10). */
  robotRow: 'div.robot-item',
  /** `.system-msg-31`, by its stable part (the number is a message type): CONSOLES.md (public automation code, 2025-09..2026-10). */
  systemRow: '[class*="system-msg"]',
  /** CONSOLES.md (public automation code, 2025-09..2026-10). */
  messageText: '.msg-content > p.msg-content-box',
  /** Goods and order cards; an order card may carry the order number: CONSOLES.md (public automation code, 2025-09..2026-10). */
  card: '.good-card, .commonCard',
  /** Carries the buyer's uid: CONSOLES.md (public automation code, 2025-09..2026-10). */
  buyerUid: 'div[currentuid]',
  /** CONSOLES.md (public automation code, 2025-09..2026-10). */
  buyerName: '.chatWindowHeader .base-info .name',
  /** CONSOLES.md (public automation code, 2025-09..2026-10). */
  input: 'textarea#replyTextarea',
  /** The console's own Send (the extension never clicks it): CONSOLES.md (public automation code, 2025-09..2026-10). */
  send: 'div.send-btn',
  /** NOT CONFIRMED by public evidence (invented in the fixture, 2026-12): the shop's name in the page's header. */
  shopName: '.header-bar .mall-name',
} as const;

const S = pinduoduoSelectors;
const FALLBACK_SHOP_ID = 'pinduoduo-shop';
const ROW_ID_PREFIX = /^middlePanel_list_/i;
/** Pinduoduo's order numbers: the order's date, a dash, 15 digits ("260908-481526093370144"). */
const ORDER_NUMBER = /\b\d{6}-\d{9,}\b/;
/** How far back from the newest row the open buyer's order card is looked for on every read. */
const ORDER_CARD_ROWS = 100;

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The buyer's uid from `data-random="<uid>-0-<group>"`: the group changes as the buyer waits, the uid does not. */
const uidOf = (box: Element) => box.getAttribute('data-random')?.split('-')[0] || null;

/** The open thread's buyer, from the thread's own rows (what the messages belong to). */
function threadUid(doc: Document): string | null {
  return doc.querySelector(`${S.thread} ${S.buyerUid}`)?.getAttribute('currentuid') || null;
}

/**
 * "已等待1小时" (public automation code, 2026), "已等待2分05秒" (our fixture): how long the buyer has waited,
 * and the smallest unit printed (the text is that coarse). Null when the text names no duration.
 */
function parseWait(mark: string): { ms: number; precision: number } | null {
  const units: Record<string, number> = { 小时: 3_600_000, 时: 3_600_000, 分钟: 60_000, 分: 60_000, 秒: 1000 };
  let ms = 0;
  let precision = Infinity;
  for (const [, n, unit] of mark.matchAll(/(\d+)\s*(小时|时|分钟|分|秒)/g)) {
    ms += Number(n) * units[unit!]!;
    precision = Math.min(precision, units[unit!]!);
  }
  return precision === Infinity ? null : { ms, precision };
}

/**
 * The list prints how long a buyer has waited, not since when: read a second apart, the same wait gives
 * two estimates up to a unit apart. Every distinct `waitingSince` becomes a listed event in the tracker, so
 * an estimate within a unit of the last one for the same buyer keeps the last one (per page).
 */
const waitMemo = new WeakMap<Document, Map<string, number>>();
function steady(doc: Document, uid: string, estimate: number, slack: number): number {
  let memo = waitMemo.get(doc);
  if (!memo) waitMemo.set(doc, (memo = new Map()));
  const last = memo.get(uid);
  if (last !== undefined && Math.abs(estimate - last) <= slack) return last;
  memo.set(uid, estimate);
  return estimate;
}

function waitingSince(doc: Document, box: Element, uid: string, now: number): number | null {
  const mark = box.querySelector(S.listedWaiting);
  if (!mark) return null;
  const waited = parseWait(text(mark));
  if (waited) return steady(doc, uid, now - waited.ms, waited.precision + 1000);
  // A mark with no duration: the last message's printed time, else since the mark was first seen.
  return parseConsoleTime(text(box.querySelector(S.listedTime)), now, CHINA_TIME_ZONE) ?? steady(doc, uid, now, Infinity);
}

/** The newest order number on an order card near the end of the thread. */
function orderNumberOf(thread: Element | null): string | undefined {
  let row = thread?.lastElementChild;
  for (let i = 0; row && i < ORDER_CARD_ROWS; i++, row = row.previousElementSibling) {
    const found = ORDER_NUMBER.exec(text(row.querySelector(S.card)))?.[0];
    if (found) return found;
  }
  return undefined;
}

function senderOf(row: Element): Pick<ChatEventDraft, 'sender' | 'auto'> | null {
  if (row.querySelector(S.buyerRow)) return { sender: 'buyer', auto: false };
  if (row.querySelector(S.robotRow)) return { sender: 'shop', auto: true };
  const shop = row.querySelector(S.shopRow);
  if (shop) return { sender: 'shop', auto: shop.matches(S.robotMark) || shop.querySelector(S.robotMark) !== null };
  if (row.querySelector(S.systemRow)) return { sender: 'system', auto: false };
  return null; // a divider or a row of a kind not known yet: not a message
}

/** A text box's text with its line breaks, whether the page writes them as newlines or as `<br>`. */
function withBreaks(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (node.nodeName === 'BR') return '\n';
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) out += withBreaks(child);
  return out;
}

function messageText(row: Element): string {
  const box = row.querySelector(S.messageText);
  if (box) return withBreaks(box).trim();
  // A card has no text box: its visible text stands for it. A picture has none at all.
  return text(row.querySelector(S.card) ?? row.querySelector(S.systemRow));
}

export const pinduoduoAdapter: SiteAdapter = {
  id: 'pinduoduo',
  // The chat page at /chat-merchant/ and /chat-merchant/index.html (with `?r=...` at times), routed by hash.
  matches: ['https://mms.pinduoduo.com/chat-merchant/*'],

  handles(url) {
    return url.protocol === 'https:' && url.hostname === 'mms.pinduoduo.com' && url.pathname.startsWith('/chat-merchant/');
  },

  checkLayout(doc) {
    const problems: LayoutProblem[] = [];
    if (!doc.querySelector(S.app)) problems.push({ part: 'app', selector: S.app });
    // An empty console (no conversation open) has no thread, header or input yet: that is not a broken layout.
    const open = doc.querySelector(S.activeConversation) ?? doc.querySelector(S.threadContainer) ?? doc.querySelector(S.buyerName);
    if (!open) return problems;
    if (!doc.querySelector(S.thread)) problems.push({ part: 'thread', selector: S.thread });
    if (!doc.querySelector(S.input)) problems.push({ part: 'input', selector: S.input });
    if (!doc.querySelector(S.buyerName)) problems.push({ part: 'conversation', selector: S.buyerName });
    else if (!doc.querySelector(S.activeConversation) && !threadUid(doc)) problems.push({ part: 'conversation', selector: S.activeConversation });
    return problems;
  },

  // NOT CONFIRMED by public evidence: no public code reads the shop's id off this page (it fetches it from
  // /chats/userinfo/realtime). The shop's name in the header is the most stable thing the fixture shows;
  // without it, one fixed id (two Pinduoduo shops in two tabs are then recorded as one).
  shopId(doc) {
    return this.shopName?.(doc) || FALLBACK_SHOP_ID;
  },

  shopName(doc) {
    return text(doc.querySelector(S.shopName)) || null;
  },

  currentConversation(doc): CurrentConversation | null {
    const active = doc.querySelector(S.activeConversation);
    const listed = active && uidOf(active);
    const shown = threadUid(doc);
    // The list marks the new buyer at once; the thread may still show the last one's rows. Only when the
    // thread's uid is another listed buyer's: `currentuid` is the buyer's per CONSOLES.md, but if it were
    // anything else (the agent's uid), refusing on every mismatch would stop all reading.
    if (listed && shown && listed !== shown && [...doc.querySelectorAll(S.listedConversation)].some((b) => uidOf(b) === shown)) return null;
    const conversationId = listed || shown;
    if (!conversationId) return null;
    return { conversationId, buyerName: text(doc.querySelector(S.buyerName)), orderNumber: orderNumberOf(doc.querySelector(S.thread)) };
  },

  readMessages(doc, now, skip, whole) {
    const current = this.currentConversation(doc);
    const thread = doc.querySelector(S.thread);
    if (!current || !thread) return [];
    const idOf = (row: Element) => `${current.conversationId}:${row.id.replace(ROW_ID_PREFIX, '')}`;
    const drafts: ChatEventDraft[] = [];
    for (const row of unreadRows(thread, S.message, idOf, skip, whole)) {
      const id = idOf(row);
      if (skip?.(id)) continue;
      const from = senderOf(row);
      if (!from) continue;
      // System rows print no time; a row whose time is not printed keeps the moment it was first seen.
      const printed = parseConsoleTime(text(row.querySelector(S.messageTime)), now, CHINA_TIME_ZONE);
      drafts.push({
        id,
        conversationId: current.conversationId,
        buyerName: current.buyerName,
        type: 'message',
        ...from,
        at: printed ?? now,
        atSource: printed === null ? 'seen' : 'page',
        text: messageText(row),
      });
    }
    return drafts;
  },

  readConversationList(doc, now) {
    // A buyer may be listed in more than one group (a tab of all, one of the waiting): one entry per uid.
    const byUid = new Map<string, ListedConversation>();
    for (const box of doc.querySelectorAll(S.listedConversation)) {
      const uid = uidOf(box);
      if (!uid) continue;
      const since = waitingSince(doc, box, uid, now);
      const seen = byUid.get(uid);
      if (!seen) byUid.set(uid, { conversationId: uid, buyerName: text(box.querySelector(S.listedName)), unread: 0, waitingSince: since });
      else if (since !== null && (seen.waitingSince === null || since < seen.waitingSince)) seen.waitingSince = since;
    }
    // A wait that ended is forgotten, so the buyer's next wait starts afresh.
    const memo = waitMemo.get(doc);
    for (const uid of memo?.keys() ?? []) if ((byUid.get(uid)?.waitingSince ?? null) === null) memo!.delete(uid);
    // The list shows no unread count in public evidence: 0.
    return [...byUid.values()];
  },

  openConversation(doc, conversationId) {
    const boxes = [...doc.querySelectorAll<HTMLElement>(S.listedConversation)].filter((box) => uidOf(box) === conversationId);
    // The one on screen when a buyer is listed in a hidden tab too.
    const box = boxes.find((b) => b.offsetParent !== null) ?? boxes[0];
    box?.click();
    return Boolean(box);
  },

  findInput(doc) {
    return doc.querySelector<HTMLElement>(S.input);
  },

  // The list and the thread share no known container short of the body.
  observeRoot(doc) {
    return doc.body;
  },

  health: {
    list: S.listedConversation,
    messages: `${S.thread} ${S.message}`,
    messageMeta: `${S.message} ${S.messageTime}`,
    input: S.input,
    send: S.send,
    buyer: S.buyerName,
  },
};
