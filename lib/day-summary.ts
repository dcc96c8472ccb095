import type { ChatEvent } from './chat-event';

/** The popup's first glance at a day: how much the extension has seen. Metrics proper come with the tracker. */
export function summariseDay(events: readonly ChatEvent[]) {
  const buyers = new Set<string>();
  let buyerMessages = 0;
  let orders = 0;
  let lastEventAt: number | null = null;
  for (const e of events) {
    if (e.type === 'order') orders++;
    else if (e.sender === 'buyer') {
      buyerMessages++;
      buyers.add(`${e.site}\u0000${e.shopId}\u0000${e.conversationId}`);
    }
    lastEventAt = Math.max(lastEventAt ?? 0, e.at);
  }
  return { events: events.length, buyers: buyers.size, buyerMessages, orders, lastEventAt };
}

/** Local midnight before `now`. */
export function startOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}
