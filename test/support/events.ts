import type { ChatEvent } from '@/lib/chat-event';

/** A chat event with defaults: buyer 小鱼 writing in shop-a's conversation b1. */
export function chatEvent(id: string, change: Partial<ChatEvent> = {}): ChatEvent {
  return {
    id, site: 'demo', shopId: 'shop-a', conversationId: 'b1', buyerName: '小鱼', type: 'message',
    sender: 'buyer', auto: false, at: 0, atSource: 'page', text: '在吗', ...change,
  };
}
