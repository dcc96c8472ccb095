import type { ChatEventDraft } from '../../chat-event';
import { parseConsoleTime } from '../../console-time';
import type { CurrentConversation, LayoutProblem, ListedConversation, SiteAdapter } from '../types';
import { joinPath, queryAllDeepPath, queryAllWithin, queryDeepPath, splitPath } from './query';
import { customMatchPattern, hostMatches, type CustomAdapter } from './schema';

/**
 * The one adapter that runs every custom adapter record: a console the agent taught by pointing behaves
 * like a built-in one (waits, badge, metrics, snippets, insertion, health), with what a generic page can
 * give. Such pages carry no conversation or message ids the extension knows of, so:
 * - a conversation is its buyer's name, as the thread header and the list both show it;
 * - a message is its row's own id attribute when it has one, else a hash of its sender, text and printed
 *   time, numbered among identical rows (a second "好的" at the same minute is another message).
 */

/** An id a row carries for itself (`id`, `data-id`, `data-msg-id`, `data-message-id`, ...). */
const ROW_ID_ATTR = /^(id|data-(?:[a-z]+-)?id|data-key)$/;

/**
 * FNV-1a and a second multiplicative hash (64 bits together): stable across sessions and browsers, and a clash between two
 * of a long shift's messages (which would store one of them only) far less likely than with 32. Not security.
 */
function hash(text: string): string {
  let a = 2166136261;
  let b = 3735928559;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    a = Math.imul(a ^ code, 16777619);
    b = Math.imul(b ^ code, 2654435761);
  }
  return `${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}

/** The conversation id of a buyer, from the name the page shows (cut to the id's limit). */
export function conversationIdOf(buyerName: string): string {
  return `name:${buyerName.trim().replace(/\s+/g, ' ')}`.slice(0, 200);
}

function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The row's own id: an id-like attribute whose value differs from row to row (a shared one names a sender, not a message). */
function rowIdAttribute(rows: readonly Element[]): string | null {
  const first = rows[0];
  if (!first) return null;
  for (const { name } of [...first.attributes]) {
    if (!ROW_ID_ATTR.test(name)) continue;
    const values = rows.map((r) => r.getAttribute(name));
    if (values.every((v) => v) && new Set(values).size === values.length) return name;
  }
  return null;
}

/**
 * The rows of `paths` in page order. Paths that differ only in their last selector (the usual case: one
 * list, two senders) are queried as one selector list, which the browser returns in document order;
 * otherwise rows are sorted by position (slower: compareDocumentPosition per pair).
 */
function rowsInPageOrder(doc: Document, paths: readonly string[], extra: readonly Element[]): Element[] {
  const steps = paths.map(splitPath);
  const prefix = steps[0]!.slice(0, -1);
  const samePrefix = steps.every((st) => st.length === prefix.length + 1 && st.slice(0, -1).every((step, i) => step === prefix[i]));
  if (samePrefix) {
    const rows = queryAllDeepPath(doc, joinPath([...prefix, steps.map((st) => st.at(-1)!).join(', ')]));
    const listed = new Set(rows);
    const rest = extra.filter((el) => !listed.has(el));
    if (!rest.length) return rows;
  }
  const all = [...new Set([...paths.flatMap((p) => queryAllDeepPath(doc, p)), ...extra])];
  return all.sort((a, b) => {
    const position = a.compareDocumentPosition(b);
    if (position & 1) return 0; // disconnected: another root or frame
    return position & 4 ? -1 : position & 2 ? 1 : 0;
  });
}

/** The lowest element holding every row's list: changes under it are the chat's changes. */
function commonAncestor(elements: readonly Element[]): Element | null {
  const [first, ...rest] = elements;
  if (!first) return null;
  for (let el: Element | null = first; el; el = el.parentElement) if (rest.every((r) => el!.contains(r))) return el;
  return null;
}

/**
 * The custom record for `url` among `records`: the most specific one (an exact host before a wildcard,
 * then the longest path prefix), so that a record for one console's chat page wins over a site-wide one.
 */
export function customAdapterForUrl<R extends Pick<CustomAdapter, 'scheme' | 'host' | 'pathPrefix'>>(records: readonly R[], url: string | URL): R | undefined {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  const specificity = (r: R) => (r.host.startsWith('*.') ? 0 : 100_000) + r.host.length * 1000 + r.pathPrefix.length;
  return records
    .filter((r) => parsed.protocol === `${r.scheme}:` && hostMatches(r.host, parsed.hostname) && parsed.pathname.startsWith(r.pathPrefix))
    .sort((a, b) => specificity(b) - specificity(a))[0];
}

export interface CustomAdapterOptions {
  /**
   * The open conversation as another adapter reads it (a fix to a built-in console, lib/sites/custom/fix.ts):
   * used instead of the buyer name's selector for the conversation and for the messages' ids.
   */
  conversation?: (doc: Document) => CurrentConversation | null;
}

/** A SiteAdapter run from a custom adapter record. */
export function customSiteAdapter(record: CustomAdapter, options: CustomAdapterOptions = {}): SiteAdapter {
  const s = record.selectors;
  const all = (doc: Document, path: string | undefined) => (path ? queryAllDeepPath(doc, path) : []);

  const buyerName = (doc: Document) => textOf(queryDeepPath(doc, s.buyerName));
  const current = (doc: Document): CurrentConversation | null => {
    if (options.conversation) return options.conversation(doc);
    const name = buyerName(doc);
    return name ? { conversationId: conversationIdOf(name), buyerName: name } : null;
  };

  /** The printed time of a row, per record.timeFormat; null when the row prints none it can read. */
  const timeOf = (el: Element | undefined, now: number): { at: number; precisionMs?: number } | null => {
    if (!el) return null;
    const attr = el.getAttribute('datetime') ?? el.getAttribute('data-time') ?? el.getAttribute('title');
    if (record.timeFormat !== 'clock') {
      const exact = parseConsoleTime(attr, now, record.timeZone);
      if (exact !== null || record.timeFormat === 'datetimeAttr') return exact === null ? null : { at: exact };
    }
    const printed = parseConsoleTime(textOf(el), now, record.timeZone);
    if (printed === null) return null;
    return /:\d\d:\d\d/.test(textOf(el)) ? { at: printed } : { at: printed, precisionMs: 60_000 };
  };

  const listRows = (doc: Document) => all(doc, s.conversationRow);
  const listedName = (row: Element) => textOf(s.conversationName ? queryAllWithin(row, s.conversationName)[0] : row);

  return {
    id: record.id,
    mode: 'live',
    matches: [customMatchPattern(record)],

    handles(url) {
      return url.protocol === `${record.scheme}:` && hostMatches(record.host, url.hostname) && url.pathname.startsWith(record.pathPrefix);
    },

    checkLayout(doc) {
      const problems: LayoutProblem[] = [];
      const input = queryDeepPath(doc, s.input);
      const name = queryDeepPath(doc, s.buyerName);
      const anyMessage = queryDeepPath(doc, s.buyerMessage) ?? queryDeepPath(doc, s.shopMessage);
      // None of what was taught is on the page: another page of the site, or a console that changed.
      if (!input && !name && !anyMessage) return [{ part: 'app', selector: s.buyerName }];
      if (!name) problems.push({ part: 'conversation', selector: s.buyerName });
      else if (!input) problems.push({ part: 'input', selector: s.input });
      return problems;
    },

    shopId() {
      return `custom:${record.host}`;
    },

    currentConversation(doc) {
      return current(doc);
    },

    readMessages(doc, now, skip, whole) {
      const conversation = current(doc);
      if (!conversation) return [];
      const { conversationId, buyerName: name } = conversation;
      const buyers = new Set(all(doc, s.buyerMessage));
      const shops = new Set(all(doc, s.shopMessage));
      // The robot selector names rows, or a mark inside a row ("机器人"): each counts for the row it is in.
      const robotRows = new Set<Element>();
      for (const mark of record.robot.how === 'selector' ? all(doc, s.robotMessage) : []) {
        let row: Element | null = mark;
        while (row && !buyers.has(row) && !shops.has(row)) row = row.parentElement;
        robotRows.add(row ?? mark);
      }
      const isRobot = (row: Element) => robotRows.has(row);
      const rows = rowsInPageOrder(doc, [s.buyerMessage, s.shopMessage], [...robotRows]);
      const idAttr = rowIdAttribute(rows);
      const seen = new Map<string, number>();
      const drafts: ChatEventDraft[] = [];
      // Rows with ids of their own: from the newest back to the first one read, as unread-rows.ts walks
      // (threads grow at their end; a first row not read yet means history came in: all of them).
      let start = 0;
      if (idAttr && skip && !whole && skip(rows[0]!.getAttribute(idAttr)!)) {
        start = rows.length;
        while (start > 1 && !skip(rows[start - 1]!.getAttribute(idAttr)!)) start--;
      }
      for (const row of rows.slice(start)) {
        const robot = isRobot(row) && !buyers.has(row);
        // A row both selectors match cannot be told apart: left out rather than counted for the wrong side.
        if (buyers.has(row) && (shops.has(row) || robot)) continue;
        const sender = buyers.has(row) ? 'buyer' : 'shop';
        const ownId = idAttr ? row.getAttribute(idAttr) : null;
        if (ownId && skip?.(ownId)) continue;
        const textEl = s.messageText ? queryAllWithin(row, s.messageText)[0] : row;
        const text = textOf(textEl);
        const timeEl = s.messageTime ? queryAllWithin(row, s.messageTime)[0] : undefined;
        const time = timeOf(timeEl, now);
        const timeText = textOf(timeEl);
        let id = ownId;
        if (!id) {
          const key = `${conversationId}\u0000${sender}\u0000${text}\u0000${timeText}`;
          const n = (seen.get(key) ?? 0) + 1;
          seen.set(key, n);
          id = `c-${hash(key)}-${n}`;
          if (skip?.(id)) continue;
        }
        drafts.push({
          id,
          conversationId,
          buyerName: name,
          type: 'message',
          sender,
          auto: sender === 'shop' && robot,
          at: time?.at ?? now,
          atSource: time ? 'page' : 'seen',
          ...(time?.precisionMs ? { precisionMs: time.precisionMs } : {}),
          text,
        });
      }
      return drafts;
    },

    readConversationList(doc): ListedConversation[] {
      return listRows(doc)
        .map((row) => listedName(row))
        .filter(Boolean)
        .map((name) => ({ conversationId: conversationIdOf(name), buyerName: name, unread: 0, waitingSince: null }));
    },

    openConversation(doc, conversationId) {
      const row = listRows(doc).find((r) => conversationIdOf(listedName(r)) === conversationId);
      (row as HTMLElement | undefined)?.click();
      return Boolean(row);
    },

    findInput(doc) {
      return queryDeepPath<HTMLElement>(doc, s.input);
    },

    observeRoot(doc) {
      // The list the rows are in (their parents' common ancestor: one row alone is its own ancestor).
      const parents = [...all(doc, s.buyerMessage), ...all(doc, s.shopMessage)].map((r) => r.parentElement).filter((p): p is HTMLElement => p !== null);
      return commonAncestor(parents) ?? doc.body;
    },

    // A virtualised list gives a recycled row another message by changing its id attribute alone.
    observeAttributes: ['id', 'data-id', 'data-msg-id', 'data-message-id', 'data-mid'],

    health: {
      list: s.conversationRow ?? null,
      messages: s.buyerMessage,
      messageMeta: s.messageTime ? `${s.buyerMessage} ${s.messageTime}` : null,
      input: s.input,
      send: s.send,
      buyer: s.buyerName,
    },
  };
}
