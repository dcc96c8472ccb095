import { fitEvent, fitId, type CutLengths } from './page-data';
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
  /**
   * With a printed time: when the extension first read the message. The two differ by the console's
   * clock skew and by how late the message was read (history loaded at the start of a shift).
   */
  seenAt: z.number().int().nonnegative().optional(),
  text: z.string().max(10_000),
  orderNumber: z.string().max(100).optional(),
  /** The original lengths of fields the page gave longer than their limit, cut to fit (lib/page-data.ts). */
  cut: z.object({ text: z.number().int(), buyerName: z.number().int(), orderNumber: z.number().int() }).partial().optional(),
});
export type ChatEvent = z.infer<typeof ChatEventSchema>;

/**
 * An event as a content script sends it: anything too long is cut to fit first (never a reason to refuse
 * the message, or the batch around it), then checked as a stored event.
 */
export const IncomingEventSchema = z.preprocess(fitIncoming, ChatEventSchema);

function fitIncoming(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const e = raw as Record<string, unknown>;
  const strings = ['id', 'conversationId', 'buyerName', 'text', 'shopId'].every((k) => typeof e[k] === 'string');
  if (!strings || (e.orderNumber !== undefined && typeof e.orderNumber !== 'string')) return raw;
  const fitted = fitEvent(e as unknown as { id: string; conversationId: string; buyerName: string; text: string; orderNumber?: string; cut?: CutLengths });
  return { ...fitted, shopId: fitId(e.shopId as string) };
}

/**
 * What an adapter reads off the page; the content script adds site and shop. `precisionMs`: the printed
 * time's resolution when coarser than a second ("14:02" is to the minute): a message seen appearing
 * within that span is timed when it was seen instead (see entrypoints/content/page-watcher.ts).
 */
export type ChatEventDraft = Omit<ChatEvent, 'site' | 'shopId'> & { precisionMs?: number };
