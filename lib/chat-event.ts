import { z } from './z';

/**
 * One thing that happened in a seller chat, as DOMAIN.md "How this project counts" defines it:
 * a message (buyer or shop, manual or automatic) or an order the buyer placed.
 */
export const ChatEventSchema = z.object({
  /** Stable across re-renders and reloads, so storing an event twice is a no-op. */
  id: z.string().min(1).max(200),
  site: z.string().min(1).max(40),
  /** One shop's console: two tabs of two shops are tracked apart. */
  shopId: z.string().min(1).max(200),
  /** One buyer in one shop. */
  conversationId: z.string().min(1).max(200),
  buyerName: z.string().max(200),
  type: z.enum(['message', 'order']),
  sender: z.enum(['buyer', 'shop', 'system']),
  /** Shop messages only: sent by the shop's robot / auto-reply rather than by a person. */
  auto: z.boolean(),
  /** Epoch milliseconds. */
  at: z.number().int().nonnegative(),
  /** Whether `at` was printed by the page or is when the extension first saw the message. */
  atSource: z.enum(['page', 'seen']),
  text: z.string().max(10_000),
  orderNumber: z.string().max(100).optional(),
});
export type ChatEvent = z.infer<typeof ChatEventSchema>;

/** What an adapter reads off the page; the content script adds site and shop. */
export type ChatEventDraft = Omit<ChatEvent, 'site' | 'shopId'>;
