/**
 * Values read off a console page are untrusted and unbounded: a buyer can paste a novel, a console can
 * print a 101-digit order number. Recording must never stop on one of them, so what is too long is cut
 * to its limit (the original length kept beside it) instead of refused; only what cannot be a message at
 * all (no id, a time that is not a number) is left out, and said so once.
 */
export const PAGE_LIMITS = {
  /** A message's text. */
  text: 10_000,
  /** A buyer's name as the console prints it. */
  name: 200,
  orderNumber: 100,
  /** Ids the page supplies (message, conversation, shop). */
  id: 200,
} as const;

/** `value` cut to `max` UTF-16 units without splitting a surrogate pair (an emoji is never halved). */
export function cutText(value: string, max: number): string {
  if (value.length <= max) return value;
  const end = max > 0 && isHighSurrogate(value.charCodeAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * An id that fits in `max`: unchanged when it fits; otherwise its head and a hash of the whole, so two long
 * ids that share their first 190 characters stay two ids, and the same long id maps to the same short one
 * on every read (events are stored once by id).
 */
export function fitId(value: string, max: number = PAGE_LIMITS.id): string {
  if (value.length <= max) return value;
  const hash = `~${fnv1a(value)}`;
  return cutText(value, max - hash.length) + hash;
}

/** 32-bit FNV-1a over UTF-16 units, as 8 hex digits twice (two seeds): collisions need ~2^32 ids. */
function fnv1a(value: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Original lengths of the fields that were cut to fit (absent when nothing was). */
export interface CutLengths {
  text?: number;
  buyerName?: number;
  orderNumber?: number;
}

interface Fittable {
  id: string;
  conversationId: string;
  buyerName: string;
  text: string;
  orderNumber?: string;
  cut?: CutLengths;
}

/**
 * A chat event whose every field is within the stored limits: long texts and names cut (their original
 * length in `cut`), long ids shortened stably. The same object when it already fits.
 */
export function fitEvent<E extends Fittable>(event: E): E {
  const cut: CutLengths = { ...event.cut };
  const field = (key: keyof CutLengths, value: string, max: number) => {
    if (value.length <= max) return value;
    cut[key] ??= value.length;
    return cutText(value, max);
  };
  const text = field('text', event.text, PAGE_LIMITS.text);
  const buyerName = field('buyerName', event.buyerName, PAGE_LIMITS.name);
  const orderNumber = event.orderNumber === undefined ? undefined : field('orderNumber', event.orderNumber, PAGE_LIMITS.orderNumber);
  const id = fitId(event.id);
  const conversationId = fitId(event.conversationId);
  if (text === event.text && buyerName === event.buyerName && orderNumber === event.orderNumber && id === event.id && conversationId === event.conversationId) return event;
  const fitted: E = { ...event, id, conversationId, buyerName, text };
  if (orderNumber !== undefined) fitted.orderNumber = orderNumber;
  if (Object.keys(cut).length) fitted.cut = cut;
  return fitted;
}

/** A conversation-list row within the limits. */
export function fitListed<L extends { conversationId: string; buyerName: string }>(row: L): L {
  const conversationId = fitId(row.conversationId);
  const buyerName = cutText(row.buyerName, PAGE_LIMITS.name);
  return conversationId === row.conversationId && buyerName === row.buyerName ? row : { ...row, conversationId, buyerName };
}

/**
 * Bidirectional controls in a buyer's name (U+202A-U+202E, U+2066-U+2069, the marks U+200E/U+200F/U+061C)
 * would reorder the text after the name; taken out, and the name isolated (FSI ... PDI) so a right-to-left
 * name still reads right and leaves the sentence around it alone. For plain-text places only (desktop
 * notifications); the sidebar and popup isolate names with <bdi>.
 */
export function isolatedName(name: string): string {
  return `\u2068${stripBidiControls(name)}\u2069`;
}

export function stripBidiControls(text: string): string {
  return text.replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '');
}
