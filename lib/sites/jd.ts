import type { ChatEventDraft } from '../chat-event';
import { CHINA_TIME_ZONE, parseConsoleTime } from '../console-time';
import type { LayoutProblem, ListedConversation, SiteAdapter } from './types';
import { unreadRows } from './unread-rows';

/**
 * JD 咚咚 (dongdong web, the JD seller's web chat workstation). Sources, kept beside each selector:
 * - "CONSOLES.md": docs/CONSOLES.md (public automation code, 2025-09..2026-10);
 * - "capture 2026-09-07": public notes of a read-only DOM capture of the logged-in page (2026-09-07), and the
 *   public extension and automation code that read the same page (2026-09..2026-10): the nesting and the
 *   classes CONSOLES.md leaves out (the message ids, system rows, the list's panes, the row's date);
 * - "invented": no public evidence; the fixture (test/consoles/jd/) carries the most plausible form.
 * The chat input is a plain contenteditable (pell-style, no editor model): snippets go in as native typing.
 */
export const jdSelectors = {
  /** The conversation list's container; the console's root for this adapter. CONSOLES.md (2025-09..2026-10) */
  app: '#t-alluser-wrap',
  /** Rows of every pane (正在咨询, 历史咨询...), id `u_<pin>imcustomer<venderId>`. CONSOLES.md (2025-09..2026-10) */
  listedConversation: '#t-alluser-wrap .alluser-item',
  /** The buyer's name in a row (its title holds the pin: capture 2026-09-07). CONSOLES.md (2025-09..2026-10) */
  listedName: '.alluser-item-name',
  /** The open conversation's row. CONSOLES.md (2025-09..2026-10) */
  activeConversation: '#t-alluser-wrap .alluser-item_check',
  /**
   * The unreplied mark of a row. CONSOLES.md (2025-09..2026-10) names the element only; what it prints is
   * invented: the time the buyer started waiting, in the console's time formats ("09:59:15").
   */
  listedWaiting: 'span.user-none-reply-t',
  /** The row's last-message time, the fallback when the unreplied mark prints no time. capture 2026-09-07 */
  listedTime: '.alluser-item-date-w',
  /** An unread count badge on a row. invented (no public evidence of one) */
  listedUnread: '.alluser-item-unread',
  /** A hidden pane of the list (its rows stay in the page). capture 2026-09-07 */
  inactivePane: '.c_tabs-tab_inactive',
  /** The thread's scroll area. CONSOLES.md (2025-09..2026-10) */
  thread: '#t-chat-scroll',
  /** One row of the thread (`#t-chat-scroll > div > .c-wrap > .c-c > .message`). CONSOLES.md (2025-09..2026-10) */
  message: '#t-chat-scroll .message',
  /** The same row, inside the thread's own element (`.c-c`). CONSOLES.md (2025-09..2026-10) */
  messageRow: '.message',
  /** Buyer side of a row. CONSOLES.md (2025-09..2026-10) */
  buyerRow: '.message_left',
  /** Shop side of a row (manual and automatic). CONSOLES.md (2025-09..2026-10) */
  shopRow: '.message_right',
  /** A message's text (`pre.message__text > span.message__content`). CONSOLES.md (2025-09..2026-10) */
  messageText: '.message__content',
  /** A message's printed time, inside `.message__nickname`. CONSOLES.md (2025-09..2026-10) */
  messageTime: '.message__time_str',
  /** The name-and-time line of a message. capture 2026-09-07 */
  nickname: '.message__nickname',
  /** A product card a buyer sent (no `.message__content`). capture 2026-09-07 */
  card: '.CardWrapper',
  /** A system row (`.message__system_wrap > .message__system_box > .message__system`). capture 2026-09-07 */
  system: '.message__system',
  /** A centred row: a system notice, or the history divider below. capture 2026-09-07 */
  center: '.message_center',
  /** "以上为历史消息": a divider, not a message. capture 2026-09-07 */
  divider: '.last-chat-divider',
  /**
   * The robot's / auto-reply's mark on a shop row. invented: JD's auto-replies are shop rows, and no public
   * code shows how they are told apart; the nickname's "自动回复" / "机器人" is read as well.
   */
  autoReply: '.message__auto_tag',
  /** The open buyer's name (the head also holds `.consult-type`, `.chatHead-entering`). CONSOLES.md (2025-09..2026-10) */
  buyerName: '.chat-head-name > span',
  /** The chat input: `<div class="EditorContent " contenteditable="true">`, no id, no role. CONSOLES.md (2025-09..2026-10) */
  input: '.EditorContent[contenteditable=true]',
  /** The console's own Send (a `span`, no button role). CONSOLES.md (2025-09..2026-10) */
  send: '.SendButtonGroup > .send-button',
  /** The panel holding both the list and the chat: what is observed. capture 2026-09-07 */
  panel: '.panel-content',
} as const;

/** When the page gives no shop id (an empty list), rather than null: null stops all recording. */
export const JD_FALLBACK_SHOP = 'jd-shop';

/** A list row's id: `u_<pin>imcustomer<venderId>` (`imwaiter` rows are colleagues, not buyers). */
export function parseJdRowId(id: string | null | undefined): { pin: string; venderId: string } | null {
  const match = /^u_(.+)imcustomer(\d+)$/.exec(id ?? '');
  return match ? { pin: match[1]!, venderId: match[2]! } : null;
}

const AUTO_NICKNAME = /自动回复|机器人/;

export const jdAdapter: SiteAdapter = {
  id: 'jd',
  sendButton: jdSelectors.send,
  // The chat page is the host's root (CONSOLES.md and the capture give only `https://dongdong.jd.com/`); a
  // match pattern's path covers the query too, so `/?*` keeps the page with a query string. No other path.
  matches: ['https://dongdong.jd.com/', 'https://dongdong.jd.com/?*'],

  handles(url) {
    return url.protocol === 'https:' && url.hostname === 'dongdong.jd.com' && url.pathname === '/';
  },

  checkLayout(doc) {
    // Without the list there is no console here (another page of the host, or a redesign): nothing else to check.
    if (!doc.querySelector(jdSelectors.app)) return [{ part: 'app', selector: jdSelectors.app }];
    const problems: LayoutProblem[] = [];
    const active = activeRow(doc);
    if (active) {
      if (!doc.querySelector(jdSelectors.thread)) problems.push({ part: 'thread', selector: jdSelectors.thread });
      if (!doc.querySelector(jdSelectors.input)) problems.push({ part: 'input', selector: jdSelectors.input });
      if (headName(doc) === null) problems.push({ part: 'conversation', selector: jdSelectors.buyerName });
    } else if (doc.querySelector(jdSelectors.message)) {
      // A thread is shown but no row is marked open: the open conversation cannot be told (renamed mark).
      problems.push({ part: 'conversation', selector: jdSelectors.activeConversation });
    }
    // No row open and no thread: an empty console, not a broken layout.
    return problems;
  },

  // The venderId of the list's row ids is the shop's id (CONSOLES.md gives it only there). The hidden
  // history pane keeps rows too, so a shift starting with no buyer still has it; an empty list falls back.
  shopId(doc) {
    for (const row of doc.querySelectorAll(jdSelectors.listedConversation)) {
      const parsed = parseJdRowId(row.id);
      if (parsed) return parsed.venderId;
    }
    return JD_FALLBACK_SHOP;
  },

  currentConversation(doc) {
    const row = activeRow(doc);
    const parsed = row && parseJdRowId(row.id);
    if (!row || !parsed) return null;
    const orders = [...doc.querySelectorAll(`${jdSelectors.message} ${jdSelectors.system}`)];
    let orderNumber: string | undefined;
    for (let i = orders.length - 1; i >= 0 && !orderNumber; i--) orderNumber = orderNumberIn(orders[i]!.textContent ?? '');
    return {
      conversationId: parsed.pin,
      // The head's name; while the head is still empty (it fills in after a click), the row's.
      buyerName: headName(doc) || text(row.querySelector(jdSelectors.listedName)),
      orderNumber,
    };
  },

  readMessages(doc, now, skip, whole) {
    const current = this.currentConversation(doc);
    const first = doc.querySelector(jdSelectors.message);
    // The rows' own parent (`.c-c`), whatever generated wrappers sit above it.
    const thread = first?.parentElement;
    if (!current || !thread) return [];
    const idOf = (row: Element) => messageId(row, current.conversationId);
    const drafts: ChatEventDraft[] = [];
    for (const row of unreadRows(thread, jdSelectors.messageRow, idOf, skip, whole)) {
      const id = idOf(row);
      if (skip?.(id)) continue;
      const draft = readRow(row, now);
      if (!draft) continue;
      const orderNumber = draft.sender === 'system' ? orderNumberIn(draft.text) : undefined;
      drafts.push({
        id,
        conversationId: current.conversationId,
        buyerName: current.buyerName,
        type: orderNumber ? 'order' : 'message',
        ...draft,
        ...(orderNumber ? { orderNumber } : {}),
      });
    }
    return drafts;
  },

  readConversationList(doc, now) {
    // A buyer may be listed in two panes (正在咨询 and 历史咨询): one entry, waiting if either row says so.
    const byPin = new Map<string, ListedConversation>();
    for (const row of doc.querySelectorAll(jdSelectors.listedConversation)) {
      const parsed = parseJdRowId(row.id);
      if (!parsed) continue;
      const mark = row.querySelector(jdSelectors.listedWaiting);
      // The mark's own time; failing that the row's last-message time. A mark with no time at all gives
      // null: a guessed moment would change from read to read and count a new buyer message each time.
      const waitingSince = mark
        ? (parseConsoleTime(mark.textContent, now, CHINA_TIME_ZONE) ?? parseConsoleTime(row.querySelector(jdSelectors.listedTime)?.textContent, now, CHINA_TIME_ZONE))
        : null;
      const entry: ListedConversation = {
        conversationId: parsed.pin,
        buyerName: text(row.querySelector(jdSelectors.listedName)),
        unread: Number(text(row.querySelector(jdSelectors.listedUnread))) || 0,
        waitingSince,
      };
      const seen = byPin.get(parsed.pin);
      if (!seen) byPin.set(parsed.pin, entry);
      else {
        seen.unread = Math.max(seen.unread, entry.unread);
        if (seen.waitingSince === null || (entry.waitingSince !== null && entry.waitingSince < seen.waitingSince)) seen.waitingSince = entry.waitingSince;
        seen.buyerName ||= entry.buyerName;
      }
    }
    return [...byPin.values()];
  },

  openConversation(doc, conversationId) {
    const rows = [...doc.querySelectorAll<HTMLElement>(jdSelectors.listedConversation)].filter((row) => parseJdRowId(row.id)?.pin === conversationId);
    // The row the agent can see first (the list keeps hidden panes' rows in the page).
    const row = rows.find((r) => !r.closest(jdSelectors.inactivePane)) ?? rows[0];
    row?.click();
    return Boolean(row);
  },

  findInput(doc) {
    return doc.querySelector<HTMLElement>(jdSelectors.input);
  },

  observeRoot(doc) {
    return doc.querySelector(jdSelectors.app)?.closest(jdSelectors.panel) ?? doc.body;
  },
};

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The open conversation's row: a marked row with a buyer's id, the visible pane's first. */
function activeRow(doc: Document): Element | null {
  const rows = [...doc.querySelectorAll(jdSelectors.activeConversation)].filter((row) => parseJdRowId(row.id));
  return rows.find((r) => !r.closest(jdSelectors.inactivePane)) ?? rows[0] ?? null;
}

/** The name in the chat head: its first plain span (the others are `.consult-type` "[在线咨询]" and the typing hint). */
function headName(doc: Document): string | null {
  const spans = [...doc.querySelectorAll(jdSelectors.buyerName)];
  if (!spans.length) return null;
  const name = spans.find((s) => !s.matches('.consult-type, .chatHead-entering') && text(s));
  return name ? text(name) : '';
}

function orderNumberIn(value: string): string | undefined {
  return /\d{10,}/.exec(value)?.[0];
}

/**
 * A message's id. The console's own: the row's first child (the `.message_left` / `.message_right` side, or
 * a system row's wrapper) carries an `s_`-prefixed message id (capture 2026-09-07; CONSOLES.md gives no
 * message id; that capture could not yet confirm it across reloads). Without one, an id is derived from the
 * conversation, the side, the printed time (or, for a row printing none, the nearest earlier printed time)
 * and the text, with a sequence among the rows just before it that share all of these: a thread re-rendered
 * or reloaded gives each row the same id again, and history loaded above does not shift it.
 */
function messageId(row: Element, conversationId: string): string {
  const own = row.firstElementChild?.id;
  if (own) return own;
  const key = rowKey(row, conversationId);
  let n = 0;
  const time = printedTime(row);
  for (let prev = row.previousElementSibling; prev && printedTime(prev) === time; prev = prev.previousElementSibling) {
    if (!prev.firstElementChild?.id && rowKey(prev, conversationId) === key) n++;
  }
  return `d_${hash(key)}_${n}`;
}

function printedTime(row: Element): string {
  for (let el: Element | null = row; el; el = el.previousElementSibling) {
    const time = el.querySelector(jdSelectors.messageTime);
    if (time) return text(time);
  }
  return '';
}

function rowKey(row: Element, conversationId: string): string {
  const side = row.querySelector(jdSelectors.shopRow) ? 'r' : row.querySelector(jdSelectors.buyerRow) ? 'l' : 'c';
  return [conversationId, side, printedTime(row), text(row.querySelector(`${jdSelectors.messageText}, ${jdSelectors.card}, ${jdSelectors.system}`) ?? row)].join('\u0000');
}

/** FNV-1a, twice with different seeds: 16 hex digits, the same in every browser. */
function hash(value: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

type RowRead = Pick<ChatEventDraft, 'sender' | 'auto' | 'at' | 'atSource' | 'text'>;

function readRow(row: Element, now: number): RowRead | null {
  const printed = parseConsoleTime(row.querySelector(jdSelectors.messageTime)?.textContent, now, CHINA_TIME_ZONE);
  const at = printed === null ? { at: now, atSource: 'seen' as const } : { at: printed, atSource: 'page' as const };
  const shop = row.querySelector(jdSelectors.shopRow);
  const buyer = shop ? null : row.querySelector(jdSelectors.buyerRow);
  const side = shop ?? buyer;
  if (side) {
    // The text as written (line breaks kept: it sits in a `pre`); a product card's text, spaces folded.
    const content = side.querySelector(jdSelectors.messageText);
    const body = content ? (content.textContent ?? '') : text(side.querySelector(jdSelectors.card));
    const auto = Boolean(shop && (shop.querySelector(jdSelectors.autoReply) || AUTO_NICKNAME.test(text(shop.querySelector(jdSelectors.nickname)))));
    return { sender: shop ? 'shop' : 'buyer', auto, ...at, text: body };
  }
  if (row.querySelector(jdSelectors.divider)) return null;
  const notice = row.querySelector(jdSelectors.system) ?? row.querySelector(jdSelectors.center);
  if (!notice) return null;
  return { sender: 'system', auto: false, ...at, text: text(notice) };
}
