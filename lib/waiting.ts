import type { ChatEvent } from './chat-event';
import { MAX_ID } from './shop';
import { z } from './z';

/**
 * Who is waiting for a manual reply, and how urgently. A buyer waits from their first message after the
 * shop's last manual message (DOMAIN.md: automatic replies do not stop the clock), whatever the
 * counting profile of the metrics: the alert is about the person on the other side.
 */
export interface Thresholds {
  warnSec: number;
  breachSec: number;
  /** Further marks (3 and 5 minutes by default) shown in the sidebar and counted as alerts. */
  marksSec: number[];
}
export const defaultThresholds: Thresholds = { warnSec: 20, breachSec: 30, marksSec: [180, 300] };

export type AlertLevel = 'ok' | 'warn' | 'breach';

export const WaitingSchema = z.object({
  /** site|shopId|conversationId */
  key: z.string(),
  site: z.string(),
  shopId: z.string(),
  conversationId: z.string().max(MAX_ID),
  buyerName: z.string().max(MAX_ID),
  since: z.number(),
  /** The buyer message that started the wait; null when only the conversation list showed it. */
  messageId: z.string().nullable(),
  /** Where the wait was learnt: the messages of the open thread, or the conversation list. */
  source: z.enum(['events', 'list']),
  /** A list wait: the tab whose list showed it (only that tab's list may clear it). */
  listedBy: z.number().int().optional(),
  /** The buyer threatened a complaint or a bad rating while waiting (lib/guard): answered first. */
  threat: z.boolean().optional(),
});
export type Waiting = z.infer<typeof WaitingSchema>;

export function conversationKey(e: Pick<ChatEvent, 'site' | 'shopId' | 'conversationId'>): string {
  return `${e.site}|${e.shopId}|${e.conversationId}`;
}

type WaitEvent = Pick<ChatEvent, 'id' | 'type' | 'sender' | 'auto' | 'at'>;

/** The first unanswered buyer message of one conversation's events (any order), or null. */
export function firstUnanswered(events: readonly WaitEvent[]): WaitEvent | null {
  const sorted = [...events].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  let first: WaitEvent | null = null;
  for (const e of sorted) {
    if (e.type !== 'message') continue;
    if (e.sender === 'buyer') first ??= e;
    else if (e.sender === 'shop' && !e.auto) first = null;
  }
  return first;
}

export function alertLevel(waitedMs: number, t: Thresholds): AlertLevel {
  if (waitedMs >= t.breachSec * 1000) return 'breach';
  if (waitedMs >= t.warnSec * 1000) return 'warn';
  return 'ok';
}

/** Every mark a wait crosses, in seconds, ascending: warn, breach, then the further marks. */
export function marks(t: Thresholds): number[] {
  return [...new Set([t.warnSec, t.breachSec, ...t.marksSec])].sort((a, b) => a - b);
}

/** The next moment (epoch ms) after `now` at which any of these waits crosses a mark, or null. */
/**
 * When a count-up of these waits next changes what it shows: the next whole second of any wait, counted from
 * its own origin, or a threshold crossing if one comes first (thresholds need not be whole seconds). Null
 * when nobody waits.
 */
export function nextRedraw(waits: readonly Pick<Waiting, 'since'>[], now: number, t: Thresholds): number | null {
  let next: number | null = nextCrossing(waits, now, t);
  for (const w of waits) {
    const second = w.since + (Math.floor((now - w.since) / 1000) + 1) * 1000;
    if (next === null || second < next) next = second;
  }
  return next;
}

export function nextCrossing(waits: readonly Pick<Waiting, 'since'>[], now: number, t: Thresholds): number | null {
  let next: number | null = null;
  for (const w of waits) {
    for (const sec of marks(t)) {
      const at = w.since + sec * 1000;
      if (at > now) {
        if (next === null || at < next) next = at;
        break;
      }
    }
  }
  return next;
}

/** Waiting rows a list draws at most (sidebar and popup): the most urgent; the rest are counted, not drawn. */
export const WAITING_ROWS = 20;

/**
 * What of a list of waits shows: who waits, since when, under what name. Two lists with the same
 * signature draw the same, so a caller sends or redraws only when it changes.
 */
export function waitsSignature(waits: readonly Pick<Waiting, 'key' | 'since' | 'buyerName' | 'threat'>[]): string {
  return waits.map((w) => `${w.key}\u0000${w.since}\u0000${w.buyerName}\u0000${w.threat ? 1 : 0}`).join('\u0001');
}

/** Most urgent first: a buyer threatening a complaint or a bad rating, then the longest waiting. */
export function byUrgency<T extends Pick<Waiting, 'since' | 'key' | 'threat'>>(waits: readonly T[]): T[] {
  return [...waits].sort((a, b) => Number(Boolean(b.threat)) - Number(Boolean(a.threat)) || a.since - b.since || a.key.localeCompare(b.key));
}

export interface BadgeState {
  text: string;
  color: 'amber' | 'red' | null;
  warn: number;
  breach: number;
}

/** The toolbar badge for a set of waits: how many buyers are at or past the warning, red when any breached. */
export function badgeFor(waits: readonly Pick<Waiting, 'since'>[], now: number, t: Thresholds): BadgeState {
  let warn = 0;
  let breach = 0;
  for (const w of waits) {
    const level = alertLevel(now - w.since, t);
    if (level === 'breach') breach++;
    else if (level === 'warn') warn++;
  }
  const count = warn + breach;
  return { text: count ? String(count) : '', color: breach ? 'red' : warn ? 'amber' : null, warn, breach };
}
