import type { Phase } from './snippet';

/** Words buyers use when something went wrong after receipt (zh and en). */
const AFTER_SALE = /退款|退货|换货|售后|破损|坏了|少发|漏发|发错|质量|投诉|差评|refund|return|broken|damaged|missing|wrong item|defect|complain/i;

/**
 * A best guess of where a conversation stands, to rank the fitting snippets first (never to hide others):
 * after-sale words in the buyer's recent messages win; an order means in-sale; otherwise pre-sale.
 */
export function guessPhase(conversation: { orderNumber?: string } | null, recentBuyerTexts: readonly string[]): Phase {
  if (recentBuyerTexts.some((text) => AFTER_SALE.test(text))) return 'aftersale';
  if (conversation?.orderNumber) return 'insale';
  return 'presale';
}
