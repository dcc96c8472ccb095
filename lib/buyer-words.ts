import type { ChatEvent } from './chat-event';

type Said = Pick<ChatEvent, 'id' | 'conversationId' | 'sender' | 'type' | 'at' | 'text'>;

/**
 * Each conversation's last few buyer messages, kept from the messages as they are read off the page, so that
 * guessing the open conversation's phase never re-reads its whole thread. Ordered by time, not by arrival:
 * history scrolled into view later is older than what was read first. A message read twice counts once.
 */
export function createBuyerWords(keep = 3) {
  const byConversation = new Map<string, { id: string; at: number; text: string }[]>();
  return {
    /** Records the buyer messages among `events`; returns the conversations whose last words changed. */
    record(events: readonly Said[]): Set<string> {
      const changed = new Set<string>();
      for (const event of events) {
        if (event.sender !== 'buyer' || event.type !== 'message' || !event.text) continue;
        const words = byConversation.get(event.conversationId) ?? [];
        if (words.some((w) => w.id === event.id)) continue;
        if (words.length >= keep && event.at < words[0]!.at) continue;
        words.push({ id: event.id, at: event.at, text: event.text });
        words.sort((a, b) => a.at - b.at);
        if (words.length > keep) words.shift();
        byConversation.set(event.conversationId, words);
        changed.add(event.conversationId);
      }
      return changed;
    },
    /** The conversation's last buyer messages, oldest first. */
    of(conversationId: string): string[] {
      return (byConversation.get(conversationId) ?? []).map((w) => w.text);
    },
  };
}
