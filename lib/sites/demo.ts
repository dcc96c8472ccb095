import type { ChatEventDraft } from '../chat-event';
import { parseConsoleTime } from '../console-time';
import { queryDeep } from './frames';
import type { LayoutProblem, SiteAdapter } from './types';
import { unreadRows } from './unread-rows';

/**
 * The demo seller console that ships in demo/ (standard and editable layouts).
 * Its "unknown" layout renames every class on purpose: this adapter must report it, not guess.
 */
export const demoSelectors = {
  /** The console root; carries the shop's id as real consoles carry it in their bootstrap data. */
  app: '.seller-console[data-shop-id]',
  /** "演示店铺 · 客服工作台": the shop's name, then the console's. */
  shopName: '.console-top .brand',
  thread: '.msg-list',
  message: '.msg[data-msg-id]',
  messageText: '.msg-text',
  messageTime: '.msg-meta time',
  activeConversation: '.conv-item--active[data-conv-id]',
  listedConversation: '.conv-list .conv-item[data-conv-id]',
  listedName: '.conv-name',
  listedUnread: '.conv-unread',
  /** The list's wait clock; its datetime is when the buyer started waiting. */
  listedWaiting: 'time.conv-wait',
  /** waiting=marks: "待回复", no time. */
  listedWaitingMark: '.conv-waiting-mark',
  buyerName: '.chat-buyer-name',
  orderNumber: '.order-no',
  input: '.composer-input',
  send: '.composer-send',
} as const;

const SENDERS = { buyer: 'buyer', shop: 'shop', robot: 'shop', system: 'system' } as const;

/** The demo prints its clocks in the browser's own zone; read once (a formatter is not free, rows are many). */
let localZone: string | undefined;
const localTimeZone = () => (localZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);

/** When each waiting mark was first seen, per page: a mark says a buyer waits, not since when. */
const marksSeenByPage = new WeakMap<Document, Map<string, number>>();
function markSeenIn(doc: Document): Map<string, number> {
  let seen = marksSeenByPage.get(doc);
  if (!seen) marksSeenByPage.set(doc, (seen = new Map()));
  return seen;
}

export const demoAdapter: SiteAdapter = {
  id: 'demo',
  matches: ['http://localhost/kefu-demo/*', 'http://127.0.0.1/kefu-demo/*'],

  handles(url) {
    return (url.hostname === 'localhost' || url.hostname === '127.0.0.1') && url.pathname.startsWith('/kefu-demo/');
  },

  checkLayout(doc) {
    const problems: LayoutProblem[] = [];
    if (!doc.querySelector(demoSelectors.app)) problems.push({ part: 'app', selector: demoSelectors.app });
    // An empty console (no conversation open) has no thread and no input yet: that is not a broken layout.
    if (doc.querySelector(demoSelectors.activeConversation)) {
      if (!doc.querySelector(demoSelectors.thread)) problems.push({ part: 'thread', selector: demoSelectors.thread });
      if (!queryDeep(doc, demoSelectors.input)) problems.push({ part: 'input', selector: demoSelectors.input });
    }
    return problems;
  },

  shopId(doc) {
    return doc.querySelector(demoSelectors.app)?.getAttribute('data-shop-id') || null;
  },

  shopName(doc) {
    return doc.querySelector(demoSelectors.shopName)?.textContent?.split('·')[0]?.trim() || null;
  },

  currentConversation(doc) {
    const item = doc.querySelector(demoSelectors.activeConversation);
    const conversationId = item?.getAttribute('data-conv-id');
    if (!conversationId) return null;
    const orderText = doc.querySelector(demoSelectors.orderNumber)?.textContent?.trim() ?? '';
    return {
      conversationId,
      buyerName: doc.querySelector(demoSelectors.buyerName)?.textContent?.trim() ?? '',
      orderNumber: /^\d{6,}$/.test(orderText) ? orderText : undefined,
    };
  },

  readMessages(doc, now, skip, whole) {
    const current = this.currentConversation(doc);
    const thread = doc.querySelector(demoSelectors.thread);
    if (!current || !thread) return [];
    const drafts: ChatEventDraft[] = [];
    for (const row of unreadRows(thread, demoSelectors.message, (r) => r.getAttribute('data-msg-id'), skip, whole)) {
      const id = row.getAttribute('data-msg-id');
      if (!id || skip?.(id)) continue;
      const kind = /\bmsg--(buyer|shop|robot|system)\b/.exec(row.className)?.[1] as keyof typeof SENDERS | undefined;
      if (!kind) continue;
      const text = row.querySelector(demoSelectors.messageText)?.textContent ?? '';
      const time = row.querySelector(demoSelectors.messageTime);
      // The datetime attribute where the page gives one; else the printed clock ("14:02", times=clock).
      const exact = parseConsoleTime(time?.getAttribute('datetime'), now, localTimeZone());
      const printed = exact ?? parseConsoleTime(time?.textContent, now, localTimeZone());
      const orderNumber = kind === 'system' ? /\d{10,}/.exec(text)?.[0] : undefined;
      drafts.push({
        id,
        conversationId: current.conversationId,
        buyerName: current.buyerName,
        type: orderNumber ? 'order' : 'message',
        sender: SENDERS[kind],
        auto: kind === 'robot',
        at: printed ?? now,
        atSource: printed === null ? 'seen' : 'page',
        ...(exact === null && printed !== null && !/:\d\d:\d\d/.test(time?.textContent ?? '') ? { precisionMs: 60_000 } : {}),
        text,
        ...(orderNumber ? { orderNumber } : {}),
      });
    }
    return drafts;
  },

  readConversationList(doc, now) {
    const marksSeen = markSeenIn(doc);
    return [...doc.querySelectorAll(demoSelectors.listedConversation)].map((item) => {
      const conversationId = item.getAttribute('data-conv-id')!;
      let waitingSince = parseConsoleTime(item.querySelector(demoSelectors.listedWaiting)?.getAttribute('datetime'), now, localTimeZone());
      // waiting=marks: the list says a buyer waits, not since when: from when the mark was first seen.
      if (waitingSince === null && item.querySelector(demoSelectors.listedWaitingMark)) waitingSince = marksSeen.get(conversationId) ?? marksSeen.set(conversationId, now).get(conversationId)!;
      else marksSeen.delete(conversationId);
      return {
        conversationId,
        buyerName: item.querySelector(demoSelectors.listedName)?.textContent?.trim() ?? '',
        unread: Number(item.querySelector(demoSelectors.listedUnread)?.textContent ?? 0) || 0,
        waitingSince,
      };
    });
  },

  openConversation(doc, conversationId) {
    const item = [...doc.querySelectorAll<HTMLElement>(demoSelectors.listedConversation)].find((el) => el.getAttribute('data-conv-id') === conversationId);
    item?.click();
    return Boolean(item);
  },

  findInput(doc) {
    // The `frame=1` layout puts the input in a same-origin iframe, as some consoles do.
    return queryDeep<HTMLElement>(doc, demoSelectors.input);
  },

  observeRoot(doc) {
    return doc.querySelector(demoSelectors.app);
  },

  // list=virtual recycles its rows: a row given another message changes its data-msg-id, adds no element.
  observeAttributes: ['data-msg-id'],

  // The console's whole box (header, list, chat, buyer panel) is narrowed for the docked sidebar.
  dockRoot: demoSelectors.app,

  health: {
    list: demoSelectors.listedConversation,
    messages: `${demoSelectors.thread} ${demoSelectors.message}`,
    messageMeta: `${demoSelectors.message} ${demoSelectors.messageTime}`,
    input: demoSelectors.input,
    send: demoSelectors.send,
    buyer: demoSelectors.buyerName,
  },
};
