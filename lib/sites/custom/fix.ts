import type { HealthPart } from '../health';
import type { SiteAdapter } from '../types';
import { z } from '../../z';
import { customSiteAdapter } from './generic';
import { queryDeepPath } from './query';
import type { CustomAdapter } from './schema';

/**
 * A fix to a built-in console: the parts the agent pointed at again after a release renamed them. The
 * built-in adapter keeps reading everything else its own way (its ids, its list, its times); only the
 * parts named here are read with the agent's selectors. A console that changed one class at 9 a.m. is
 * working again at 9:01, without waiting for a release and without giving up what the adapter knows.
 */
const SelectorPath = z.string().trim().min(1).max(1000);

export const FIXABLE_PARTS = ['buyerMessage', 'shopMessage', 'messageTime', 'buyerName', 'conversationRow', 'input', 'send'] as const;
export type FixablePart = (typeof FIXABLE_PARTS)[number];

export const AdapterFixSchema = z
  .object({
    /** The built-in adapter fixed (lib/sites/registry.ts), one fix per adapter. */
    base: z.string().min(1).max(40),
    selectors: z.object({
      buyerMessage: SelectorPath.optional(),
      shopMessage: SelectorPath.optional(),
      messageTime: SelectorPath.optional(),
      buyerName: SelectorPath.optional(),
      conversationRow: SelectorPath.optional(),
      input: SelectorPath.optional(),
      send: SelectorPath.optional(),
    }),
    updatedAt: z.number().int().nonnegative(),
  })
  // The thread is read from both senders' rows or not at all: half a thread would count every reply as missing.
  .refine((f) => (f.selectors.buyerMessage === undefined) === (f.selectors.shopMessage === undefined), {
    path: ['selectors', 'shopMessage'],
    message: 'buyer and shop messages are fixed together',
  });
export type AdapterFix = z.infer<typeof AdapterFixSchema>;

/** Which health part each fixable part stands for (lib/sites/health.ts). */
export const HEALTH_PART_OF: Record<FixablePart, HealthPart> = {
  buyerMessage: 'messages',
  shopMessage: 'messages',
  messageTime: 'messageMeta',
  buyerName: 'buyer',
  conversationRow: 'list',
  input: 'input',
  send: 'send',
};

/** The parts to point at again for health parts found missing or not known. */
export function partsToFix(missing: readonly HealthPart[]): FixablePart[] {
  return FIXABLE_PARTS.filter((part) => missing.includes(HEALTH_PART_OF[part]));
}

/** `base` with the fix's parts read the agent's way; `fixedBy` says so in the health report. */
export function applyFix(base: SiteAdapter, fix: AdapterFix): SiteAdapter & { fixedBy: 'agent' } {
  const s = fix.selectors;
  // The thread's rows through the generic reader, under the built-in adapter's own conversation.
  const threadReader =
    s.buyerMessage && s.shopMessage
      ? customSiteAdapter({
          id: 'custom-fix',
          name: 'fix',
          scheme: 'https',
          host: 'fix.invalid',
          pathPrefix: '/',
          selectors: { buyerMessage: s.buyerMessage, shopMessage: s.shopMessage, messageTime: s.messageTime, buyerName: s.buyerName ?? ':root', input: s.input ?? ':root', send: s.send ?? ':root' },
          robot: { how: 'none' },
          timeFormat: 'auto',
          timeZone: 'Asia/Shanghai',
          createdAt: fix.updatedAt,
          updatedAt: fix.updatedAt,
          version: 1,
        } satisfies CustomAdapter)
      : null;
  const fixed: SiteAdapter & { fixedBy: 'agent' } = {
    ...base,
    fixedBy: 'agent',
    checkLayout(doc) {
      // A part the fix finds is no longer a problem of the page.
      return base.checkLayout(doc).filter((problem) => !(problem.part === 'input' && s.input && queryDeepPath(doc, s.input)));
    },
    currentConversation(doc) {
      const current = base.currentConversation(doc);
      if (!current || !s.buyerName) return current;
      const name = queryDeepPath(doc, s.buyerName)?.textContent?.trim();
      return name ? { ...current, buyerName: name } : current;
    },
    readMessages(doc, now, skip, whole) {
      if (!threadReader) return base.readMessages.call(fixed, doc, now, skip, whole);
      const current = fixed.currentConversation(doc);
      if (!current) return [];
      return threadReader
        .readMessages(doc, now, skip, whole)
        .map((draft) => ({ ...draft, id: `${current.conversationId}:${draft.id}`, conversationId: current.conversationId, buyerName: current.buyerName }))
        .filter((draft) => !skip?.(draft.id));
    },
    findInput(doc) {
      return (s.input ? queryDeepPath<HTMLElement>(doc, s.input) : null) ?? base.findInput(doc);
    },
    health: {
      list: s.conversationRow ?? base.health?.list ?? null,
      messages: s.buyerMessage ?? base.health?.messages ?? null,
      messageMeta: s.messageTime && s.buyerMessage ? `${s.buyerMessage} ${s.messageTime}` : (base.health?.messageMeta ?? null),
      input: s.input ?? base.health?.input ?? null,
      send: s.send ?? base.health?.send ?? null,
      buyer: s.buyerName ?? base.health?.buyer ?? null,
    },
  };
  return fixed;
}
