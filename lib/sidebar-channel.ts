import { FRAME_PADDING, SidebarLayoutSchema } from './dock';
import { cutText } from './page-data';
import { MAX_BODY_LENGTH, MAX_FILL_INS, MAX_SNIPPETS } from './limits';
import { MAX_ID } from './shop';
import { HealthSummarySchema } from './sites/health';
import { PhaseSchema, SnippetSchema } from './snippet';
import { WAITING_ROWS, WaitingSchema } from './waiting';
import { z } from './z';
import { GUARD_CATEGORIES } from './guard/types';

/**
 * The channel between a console page's content script (the host: it reads the page and inserts into it)
 * and the sidebar, which draws in an extension frame of its own (entrypoints/sidebar). The frame is a
 * separate document in the extension's process: its layout, paint and count-up never run on the seller
 * page's main thread, and the page cannot read or click into it.
 *
 * The two talk over a MessageChannel of their own, never through the page's window messages, which the page
 * could read and forge. The host posts one end of it into the frame, addressed to the extension's origin; the
 * frame takes it only from a message carrying the secret the host put in the frame's URL fragment, inside a
 * closed shadow root. A port the page posts to the frame, or a copy of sidebar.html the page embeds itself,
 * gets nothing. Each side checks what it receives with these schemas.
 *
 * Why not a runtime port (tabs.connect from the frame, as before): Firefox gives extension frames embedded in
 * web pages no tabs API, so the frame cannot name its tab; a channel handed over by the host needs none.
 */
export const SIDEBAR_CHANNEL_KEY = 'kefuSidebarChannel';

const TextSchema = z.string().max(2_000);

/** Enough of a buyer's message to tell what it asks; more buyer messages than the host keeps (3). */
const MAX_ASK = 500;
const MAX_ASKS = 5;

/**
 * A page's text, cut to `max` rather than refused: a buyer's 500-character name must shrink in the
 * sidebar, not make the frame drop the whole update while the host believes it delivered.
 */
const pageText = (max: number) => z.preprocess((v) => (typeof v === 'string' ? cutText(v, max) : v), z.string().max(max));

/** What the frame draws: the host's view of the page, sent in parts as they change. */
export const SidebarViewSchema = z.object({
  collapsed: z.boolean(),
  problems: z.array(z.object({ part: z.enum(['app', 'thread', 'input', 'conversation']), selector: z.string().max(500) })).max(10),
  conversation: z.object({ conversationId: z.string().max(MAX_ID), buyerName: pageText(MAX_ID), orderNumber: pageText(MAX_ID).optional() }).nullable(),
  /** At most the library's limit: the host cuts a larger library to it (fitLibrary), since an update this schema refuses is dropped whole. */
  snippets: z.array(SnippetSchema).max(MAX_SNIPPETS).nullable(),
  /** The open conversation's phase of service: fitting snippets rank first in the search. */
  phase: PhaseSchema.nullable(),
  /**
   * The open conversation's last buyer messages, oldest first (lib/buyer-words.ts): the frame ranks the snippets
   * that answer them first (lib/suggest.ts). Each cut, not refused: one long message must not drop the update.
   */
  asks: z.array(pageText(MAX_ASK)).max(MAX_ASKS).optional(),
  /** Who waits, in every open console (the one queue): the most urgent, as many as the sidebar draws. */
  waits: z.array(WaitingSchema.extend({ buyerName: pageText(MAX_ID) })).max(WAITING_ROWS),
  /** How many wait in all (`waits` holds the most urgent only). */
  waitsTotal: z.number().int().nonnegative(),
  thresholds: z.object({ warnSec: z.number().positive(), breachSec: z.number().positive(), marksSec: z.array(z.number().positive()).max(20) }),
  /** The fill-ins to ask for: a key is part of a body, so never longer than one. */
  fillIn: z.object({ snippet: SnippetSchema, missing: z.array(z.string().max(MAX_BODY_LENGTH)).max(MAX_FILL_INS) }).nullable(),
  notice: z.object({ kind: z.enum(['error', 'warning', 'info']), text: pageText(2_000) }).nullable(),
  /** How well the adapter understands the page (lib/sites/health.ts), and the report the agent can copy. */
  health: HealthSummarySchema.extend({ report: pageText(4_000) }).nullable(),
  /** Where the sidebar docks and how wide it is, remembered per console (lib/dock.ts). */
  layout: SidebarLayoutSchema,
  /** The page's viewport height: the open sidebar's height follows it. */
  viewportHeight: z.number().nonnegative(),
  /**
   * The draft in the chat input, checked by the conduct guard (lib/draft-guard.ts): what was found, each with
   * its span as typed, and whether a send is held now (the agent confirms or edits) or refused.
   */
  guard: z
    .object({
      findings: z
        .array(
          z.object({
            category: z.enum(GUARD_CATEGORIES),
            level: z.enum(['warn', 'confirm', 'block']),
            reason: z.string().max(40),
            start: z.number().int().nonnegative(),
            end: z.number().int().nonnegative(),
            text: pageText(500),
            suggestion: z.string().max(500).optional(),
          }),
        )
        .max(20),
      held: z.enum(['confirm', 'block']).nullable(),
    })
    .nullable()
    .optional(),
});
export type SidebarView = z.infer<typeof SidebarViewSchema>;

export const HostMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('view'), view: SidebarViewSchema.partial() }),
  /** The agent's quick-search shortcut, pressed in the page: the frame has the focus now. */
  z.object({ type: z.literal('focusSearch') }),
]);
export type HostMessage = z.infer<typeof HostMessageSchema>;

export const FrameMessageSchema = z.discriminatedUnion('type', [
  /** Connected and listening: the host answers with the whole view. */
  z.object({ type: z.literal('ready') }),
  /** The size the frame's content needs, in CSS pixels: the host sizes the frame element to it. */
  z.object({ type: z.literal('size'), width: z.number().nonnegative().max(4_000), height: z.number().nonnegative().max(4_000) }),
  z.object({ type: z.literal('toggle') }),
  /** The quick search was asked for while the sidebar is collapsed: open it (not remembered as the agent's choice). */
  z.object({ type: z.literal('expand') }),
  z.object({ type: z.literal('insert'), snippetId: z.string().min(1).max(100) }),
  /** A reply the after-sale tools wrote, filled in already: inserted as it is, no fill-in asked. */
  z.object({ type: z.literal('insertText'), text: z.string().min(1).max(5_000) }),
  z.object({ type: z.literal('submitFillIn'), values: z.record(z.string().max(100), TextSchema) }),
  z.object({ type: z.literal('cancelFillIn') }),
  /** Gives the focus back to the page's chat input. */
  z.object({ type: z.literal('backToInput') }),
  /** A waiting buyer clicked: `key` names the wait, which may be another shop's (the one queue). */
  z.object({ type: z.literal('open'), conversationId: z.string().min(1).max(MAX_ID), key: z.string().min(1).max(500) }),
  z.object({ type: z.literal('markOrder') }),
  /** The agent moved the sidebar to the other side or changed its width. */
  z.object({ type: z.literal('layout'), layout: SidebarLayoutSchema }),
  /** The draft check: put finding `index`'s suggestion in place of its span; send the held draft anyway; go back to it. */
  z.object({ type: z.literal('guardSuggestion'), index: z.number().int().nonnegative().max(20) }),
  z.object({ type: z.literal('guardSendAnyway') }),
  z.object({ type: z.literal('guardEdit') }),
]);
export type FrameMessage = z.infer<typeof FrameMessageSchema>;

/** The frame's part of a view change: only the fields that changed, compared by identity. */
export function viewChanges(before: SidebarView | null, after: SidebarView): Partial<SidebarView> {
  if (!before) return after;
  const changed: Partial<SidebarView> = {};
  for (const key of Object.keys(after) as (keyof SidebarView)[]) {
    if (before[key] !== after[key]) (changed as Record<string, unknown>)[key] = after[key];
  }
  return changed;
}

/** The agent's quick-search shortcut (Alt+K), recognised the same in the page and in the sidebar's frame. */
export function isQuickSearchKey(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'key'>): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === 'k';
}

/** Reads one message; null when it is not one of the channel's. */
export function parseHostMessage(raw: unknown): HostMessage | null {
  const parsed = HostMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function parseFrameMessage(raw: unknown): FrameMessage | null {
  const parsed = FrameMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The open sidebar's height for a page viewport of `viewportHeight` px: the window's height, docked. */
export function sidebarHeight(viewportHeight: number): number {
  return Math.max(240, viewportHeight - FRAME_PADDING.height);
}
