import { z } from './z';
import { GUARD_CATEGORIES } from './guard/types';
import { AfterSaleCaseSchema, CASE_STEPS, RESOLUTIONS, type AfterSaleCase, type AfterSaleSummary, type CaseErrorKey, type DraftField, type ProductProblems, type StaleReminder } from './after-sale';
import { fitListed } from './page-data';
import { RefusalError } from './refusal';
import { HealthSummarySchema, type HealthSummary } from './sites/health';
import { MAX_ID, ShopSchema } from './shop';
import { MAX_SNIPPETS } from './limits';
import { SnippetDraftSchema, SnippetSchema } from './snippet';
import type { Shift } from './db';
import { AdapterFixSchema, FIXABLE_PARTS, type AdapterFix } from './sites/custom/fix';
import type { CustomAdapter } from './sites/custom/schema';
import type { EventExport } from './event-export';
import type { MetricProfile } from './metric-profiles';
import type { Metrics, Period } from './metrics';
import type { Targets } from './targets';
import { WAITING_ROWS, WaitingSchema, waitsSignature, type Thresholds, type Waiting } from './waiting';

const ViewSchema = z.enum(['shift', 'day']);

/** A random id a content script draws once per page load. */
const PageIdSchema = z.string().min(1).max(64).optional();

/** An event or list row the worker could not store, and why: shown to the agent once, never resent. */
const RejectedSchema = z.object({ id: z.string().nullable(), error: z.string() });
export type Rejected = z.infer<typeof RejectedSchema>;

/**
 * Every open console's waiting buyers in one list, most urgent first: the most urgent few (as many as a
 * waiting list draws) and how many there are in all.
 */
export const QueueSchema = z.object({ waits: z.array(WaitingSchema).max(WAITING_ROWS), total: z.number().int().nonnegative() });
export type Queue = z.infer<typeof QueueSchema>;

/** What of the queue shows: equal for two queues that draw the same (the worker and each console compare it). */
export function queueSignature(queue: Queue): string {
  return `${queue.total}\u0002${waitsSignature(queue.waits)}`;
}

/** A conversation-list row as a page reads it: names and ids too long are cut to fit, not refused. */
export const ListedConversationSchema = z.preprocess(
  (raw) => (typeof raw === 'object' && raw !== null && typeof (raw as Record<string, unknown>).conversationId === 'string' && typeof (raw as Record<string, unknown>).buyerName === 'string' ? fitListed(raw as { conversationId: string; buyerName: string }) : raw),
  z.object({
    conversationId: z.string().min(1).max(MAX_ID),
    buyerName: z.string().max(MAX_ID),
    unread: z.number().int().nonnegative(),
    waitingSince: z.number().int().nonnegative().nullable(),
  }),
);
export type View = z.infer<typeof ViewSchema>;

/** The popup's data, read from kept totals (no scan of the day's events). */
export interface MetricsView {
  view: View;
  period: Period & { id: string };
  shift: Shift | null;
  profile: MetricProfile;
  timeZone: string;
  metrics: Metrics;
  targets: Targets;
  thresholds: Thresholds;
  /** The most urgent waits (at most 20), and how many there are in all. */
  waits: Waiting[];
  waitsTotal: number;
  alerts: { warn: number; breach: number };
  /** The conduct guard's draft warnings and held sends in the period. */
  guard: { warn: number; held: number };
  /** Every open console tab's adapter health. */
  consoles: { site: string; shopId: string; health: HealthSummary | null }[];
  now: number;
}

/**
 * The one message protocol between the content script, the background worker and the extension pages.
 * Each message names its request and response schema; the worker checks every request with zod
 * before handling it, because the content script runs inside a page we do not control.
 */
export const protocol = {
  /**
   * A chat page's content script reports the messages its adapter read; the answer is who waits in that
   * shop. Each event is checked on its own (lib/chat-event.ts IncomingEventSchema): one that cannot be
   * stored is named in `rejected` and the others are stored. `page` names the document that sends (a new
   * one after every reload): a tab's shop is fixed for the life of its page. `history`: read off a page of
   * past conversations, counted in the metrics but never a buyer waiting now.
   */
  'chat.events': {
    request: ShopSchema.extend({ page: PageIdSchema, events: z.array(z.unknown()).max(1_000), history: z.boolean().optional() }),
    /** `queue`: null when this tab already has the queue as it stands. */
    response: z.object({ added: z.number().int(), waits: z.array(WaitingSchema), rejected: z.array(RejectedSchema), queue: QueueSchema.nullable() }),
  },
  /** The console's conversation list: buyers waiting in conversations that are not open. Rows are checked one by one, like events. */
  'chat.conversations': {
    request: ShopSchema.extend({ page: PageIdSchema, conversations: z.array(z.unknown()).max(2_000) }),
    response: z.object({ waits: z.array(WaitingSchema), rejected: z.array(RejectedSchema), queue: QueueSchema.nullable() }),
  },
  /** A page's own timer saw a wait cross a threshold: wake the worker so the badge is right within a second. */
  'alerts.refresh': {
    request: z.object({}),
    response: z.object({ text: z.string(), color: z.enum(['amber', 'red']).nullable() }),
  },
  'snippets.list': {
    request: z.object({ lang: z.enum(['zh', 'en']).optional() }),
    response: z.array(SnippetSchema),
  },
  /** The options page saves a new or edited snippet; a new one goes last, refused when the library holds MAX_SNIPPETS. */
  'snippets.save': { request: z.object({ snippet: SnippetDraftSchema }), response: SnippetSchema },
  'snippets.delete': { request: z.object({ id: z.string().min(1) }), response: z.object({ deleted: z.boolean() }) },
  /** Renames a folder (and its sub-folders), or deletes it with every snippet in it when `to` is null. */
  'snippets.folder': {
    request: z.object({ from: z.string().min(1).max(100), to: z.string().min(1).max(100).nullable() }),
    response: z.object({ changed: z.number().int() }),
  },
  /** Moves a snippet one place up (-1) or down (1) in the library's order. */
  'snippets.move': { request: z.object({ id: z.string().min(1), by: z.union([z.literal(-1), z.literal(1)]) }), response: z.array(SnippetSchema) },
  /** A checked file's snippets, in one transaction: conflicts replaced only when the agent said so. Refused whole past MAX_SNIPPETS. */
  'snippets.import': {
    request: z.object({ snippets: z.array(SnippetDraftSchema).max(MAX_SNIPPETS), overwrite: z.boolean() }),
    response: z.object({ added: z.number().int(), replaced: z.number().int(), skipped: z.number().int() }),
  },
  'snippets.used': {
    request: z.object({ id: z.string().min(1) }),
    response: z.object({ uses: z.number().int() }),
  },
  /** What the popup shows: the shift's (or the day's) metrics, who waits now, the warnings. */
  'metrics.get': {
    request: z.object({ view: ViewSchema }),
    response: z.custom<MetricsView>(),
  },
  'shift.start': { request: z.object({}), response: z.custom<Shift>() },
  'shift.end': { request: z.object({}), response: z.custom<Shift | null>() },
  /** From the worker to the console tabs: the library changed, read it again. */
  'page.snippetsChanged': { request: z.object({}), response: z.object({}) },
  /** A console tab's adapter health changed (lib/sites/health.ts): the popup shows every console's. */
  'tab.health': { request: ShopSchema.extend({ health: HealthSummarySchema }), response: z.object({}) },
  /**
   * A sidebar or the popup opens a waiting buyer's conversation wherever it is: the worker brings forward
   * the console tab that shows that shop and asks it to open the conversation (page.open).
   */
  'queue.open': { request: z.object({ key: z.string().min(1).max(500) }), response: z.object({ opened: z.boolean() }) },
  /** From the worker to every console tab: the one queue of waiting buyers changed. */
  'page.queue': { request: QueueSchema, response: z.object({}) },
  /** From the worker to a console tab: open this conversation, as a click on the console's list would. */
  'page.open': { request: z.object({ conversationId: z.string().min(1).max(MAX_ID) }), response: z.object({ opened: z.boolean() }) },
  /** From the popup to a console tab's content script: insert this snippet as a sidebar click would. */
  'page.insert': {
    request: z.object({ id: z.string().min(1).max(100) }),
    response: z.object({ outcome: z.enum(['inserted', 'copied', 'needs-input', 'no-input', 'failed']) }),
  },
  /**
   * After-sale cases (lib/after-sale). The sidebar and the popup ask the worker, which owns the database.
   * `cases.list`: a buyer's cases (by conversation or order), or every case when neither is given; newest first.
   */
  'cases.list': {
    request: z.object({ conversationId: z.string().max(MAX_ID).optional(), orderNumber: z.string().max(64).optional(), openOnly: z.boolean().optional() }),
    response: z.custom<AfterSaleCase[]>(),
  },
  /** A new case from the form as typed: the case, or an error key beside each bad field (nothing saved). */
  'cases.open': {
    request: z.object({ draft: z.record(z.string(), z.unknown()) }),
    response: z.custom<{ ok: true; case: AfterSaleCase } | { ok: false; errors: Partial<Record<DraftField, CaseErrorKey>> }>(),
  },
  /** Moves a case forward (never back): the case, or why not (nothing saved). */
  'cases.advance': {
    request: z.object({ id: z.string().min(1).max(100), to: z.enum(CASE_STEPS), note: z.string().max(2_000), resolution: z.enum(RESOLUTIONS).optional() }),
    response: z.custom<{ ok: true; case: AfterSaleCase } | { ok: false; error: CaseErrorKey }>(),
  },
  /** The platform stepped in, and whom it ruled against (null while pending); or the buyer complained to it. */
  'cases.platform': {
    request: z.object({ id: z.string().min(1).max(100), intervened: z.boolean().optional(), ruledAgainst: z.enum(['shop', 'buyer']).nullable().optional(), complaint: z.boolean().optional() }),
    response: z.custom<AfterSaleCase>(),
  },
  /** The after-sale metrics over the last `days`, problem mining per product, and the stale cases. */
  'cases.summary': {
    request: z.object({ days: z.number().int().min(1).max(366) }),
    response: z.custom<{ summary: AfterSaleSummary; problems: ProductProblems[]; reminders: StaleReminder[]; total: number; now: number }>(),
  },
  /** Open cases past their step's limit (settings), most overdue first, with the buyer's name when known. */
  'cases.reminders': { request: z.object({}), response: z.custom<(StaleReminder & { buyerName?: string; product: string })[]>() },
  /** A checked case file (lib/after-sale/io.ts), checked again here: stored whole in one transaction, or refused whole. */
  'cases.import': {
    request: z.object({ cases: z.array(AfterSaleCaseSchema).max(100_000) }),
    response: z.object({ added: z.number().int(), replaced: z.number().int() }),
  },
  /** The consoles the agent taught (lib/sites/custom), the fixes to built-in ones, and each one's health on its last visit. */
  'customSites.list': {
    request: z.object({}),
    response: z.custom<{ sites: CustomAdapter[]; fixes: AdapterFix[]; health: Record<string, HealthSummary> }>(),
  },
  /** What a page at `url` is read with, besides the built-in adapters: a taught console and a fix, if any. */
  'customSites.forUrl': {
    request: z.object({ url: z.string().max(4000) }),
    /** `refused`: the popup asked the browser for this site a moment ago and the agent said no. */
    response: z.custom<{ site: CustomAdapter | null; fix: AdapterFix | null; refused?: true }>(),
  },
  /**
   * Saves a taught console (checked against lib/sites/custom/schema.ts, refused with the field named), runs
   * it on its site from then on, and in tab `tabId` (else the sender's) at once.
   */
  'customSites.save': { request: z.object({ site: z.unknown(), tabId: z.number().int().optional() }), response: z.custom<CustomAdapter>() },
  /** Deletes a taught console, stops running on its site, and gives its site's permission back. */
  'customSites.delete': { request: z.object({ id: z.string().min(1).max(80) }), response: z.object({ deleted: z.boolean() }) },
  /** A checked share file's consoles, all or none (their sites' permissions were asked for by the page). */
  'customSites.import': { request: z.object({ sites: z.array(z.unknown()).max(50) }), response: z.object({ added: z.number().int(), replaced: z.number().int() }) },
  /** Saves a fix to a built-in console and reads tab `tabId` (else the sender's) again with it. */
  'adapterFix.save': { request: z.object({ fix: AdapterFixSchema, tabId: z.number().int().optional() }), response: z.object({}) },
  'adapterFix.delete': { request: z.object({ base: z.string().min(1).max(40) }), response: z.object({ deleted: z.boolean() }) },
  /**
   * Starts the picker in a tab (the sender's, unless named): to teach a new console, to point again at a
   * built-in console's parts `fix`, or to edit taught console `edit`.
   */
  'picker.start': {
    request: z.object({ tabId: z.number().int().optional(), fix: z.array(z.enum(FIXABLE_PARTS)).max(FIXABLE_PARTS.length).optional(), base: z.string().max(40).optional(), edit: z.string().max(80).optional() }),
    response: z.object({ started: z.boolean() }),
  },
  /**
   * The popup is about to ask for site `origin` to teach tab `tabId`: when the browser grants it, the worker
   * starts the picker there itself, since the popup may be gone by then (the prompt takes its focus).
   */
  'picker.pending': {
    request: z.object({ tabId: z.number().int(), origin: z.string().max(300), edit: z.string().max(80).optional() }),
    response: z.object({}),
  },
  /** From the popup to a console tab's content script: put this reply (already filled in) into the chat input. */
  'page.insertText': {
    request: z.object({ text: z.string().min(1).max(5_000) }),
    response: z.object({ outcome: z.enum(['inserted', 'copied', 'needs-input', 'no-input', 'failed']) }),
  },
  /** A console's draft check: new warnings as the agent typed, or a send held for a confirmation (lib/draft-guard.ts). */
  'guard.record': {
    request: ShopSchema.extend({ kind: z.enum(['warn', 'held']), categories: z.array(z.enum(GUARD_CATEGORIES)).min(1).max(20) }),
    response: z.object({}),
  },
  /** The shift's (or day's) events in the documented export format (lib/event-export.ts). */
  'export.events': { request: z.object({ view: ViewSchema }), response: z.custom<EventExport>() },
} as const;

export type MessageName = keyof typeof protocol;
export type RequestOf<N extends MessageName> = z.input<(typeof protocol)[N]['request']>;
export type ResponseOf<N extends MessageName> = z.output<(typeof protocol)[N]['response']>;

const EnvelopeSchema = z.object({ kefu: z.literal(1), name: z.string(), payload: z.unknown() });

/** `refused`: the request will never be accepted as it is, so resending it is pointless (lib/refusal.ts). */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string; refused?: boolean };

/** Checks an incoming message; returns its name and validated payload, or why it was refused. */
export function parseRequest(raw: unknown): { ok: true; name: MessageName; payload: unknown } | { ok: false; error: string; refused: true } | null {
  const outer = EnvelopeSchema.safeParse(raw);
  if (!outer.success) return null; // not ours: another listener's message
  const { name, payload } = outer.data;
  if (!(name in protocol)) return { ok: false, error: `unknown message "${name}"`, refused: true };
  const checked = protocol[name as MessageName].request.safeParse(payload);
  if (!checked.success) return { ok: false, error: `${name}: ${z.prettifyError(checked.error)}`, refused: true };
  return { ok: true, name: name as MessageName, payload: checked.data };
}

/** Who sent a message: the tab of a content script, absent for extension pages. */
export interface SenderContext {
  tabId?: number;
}

/** Messages a content script answers rather than the worker. */
export type PageMessageName = 'page.insert' | 'page.insertText' | 'page.snippetsChanged' | 'page.queue' | 'page.open';
/** Messages about after-sale cases: their handlers are lib/after-sale-handlers.ts. */
export type AfterSaleMessageName = Extract<MessageName, `cases.${string}`>;
/** Messages about taught consoles and fixes: their handlers are lib/custom-site-handlers.ts (they need the browser's permissions and scripting). */
export type CustomSiteMessageName = Extract<MessageName, `customSites.${string}` | `adapterFix.${string}` | `picker.${string}`>;
export type WorkerMessageName = Exclude<MessageName, PageMessageName>;

export type Handlers = { [N in WorkerMessageName]: (payload: z.output<(typeof protocol)[N]['request']>, sender: SenderContext) => Promise<ResponseOf<N>> };

/** Validates and dispatches one message; never throws, so the sender always gets an answer. */
export async function dispatch(handlers: Handlers, raw: unknown, sender: SenderContext = {}): Promise<Reply<unknown> | undefined> {
  const request = parseRequest(raw);
  if (!request) return undefined;
  if (!request.ok) return request;
  const handler = handlers[request.name as WorkerMessageName] as ((payload: unknown, sender: SenderContext) => Promise<unknown>) | undefined;
  // A message for a content script (page.insert) is not the worker's to answer.
  if (!handler) return undefined;
  try {
    return { ok: true, data: await handler(request.payload, sender) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), ...(error instanceof RefusalError ? { refused: true } : {}) };
  }
}
