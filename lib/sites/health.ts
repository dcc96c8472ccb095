import { z } from '../z';
import { queryDeep } from './frames';
import { queryDeepPath } from './custom/query';
import type { CurrentConversation, LayoutProblem, SiteAdapter } from './types';

/**
 * How well an adapter understands the console page in front of it, part by part, so that a console that
 * changed under a running shift is noticed within seconds and a missing part turns off only the features
 * that need it. Consoles change without notice: the agent sees "working", "partly working" (naming what
 * is off and why) or "not recognised", and can copy a report for whoever maintains the shop's setup.
 */
export const HEALTH_PARTS = ['list', 'messages', 'messageMeta', 'input', 'send', 'buyer'] as const;
export type HealthPart = (typeof HEALTH_PARTS)[number];

/** What the agent loses when a part cannot be found. */
export const FEATURES_OFF = ['listWaits', 'replyTracking', 'printedTimes', 'insertion', 'buyerFillIns'] as const;
export type Feature = (typeof FEATURES_OFF)[number];
const FEATURES: Record<HealthPart, Feature[]> = {
  list: ['listWaits'],
  messages: ['replyTracking'],
  messageMeta: ['printedTimes'],
  input: ['insertion'],
  // The extension never sends: the agent presses the console's own Send, so a missing one turns nothing off.
  send: [],
  buyer: ['buyerFillIns'],
};
/** Parts of the open conversation: with none open, their absence says nothing. */
const CONVERSATION_PARTS: ReadonlySet<HealthPart> = new Set(['messages', 'messageMeta', 'input', 'send', 'buyer']);

/**
 * Each part's selector as the adapter knows it; null for a part no public evidence shows yet (the check
 * then says "not known" rather than guessing).
 */
export type HealthSelectors = Record<HealthPart, string | null>;
const NOTHING_KNOWN: HealthSelectors = { list: null, messages: null, messageMeta: null, input: null, send: null, buyer: null };

export interface PartCheck {
  part: HealthPart;
  /** found: matched; missing: matched nothing; unknown: the adapter has no selector; idle: no conversation open. */
  state: 'found' | 'missing' | 'unknown' | 'idle';
  selector: string | null;
}

export interface AdapterHealth {
  status: 'working' | 'partly' | 'unrecognised';
  parts: PartCheck[];
  /** The features turned off by the parts not found, each once. */
  off: Feature[];
}

/**
 * The page's health under `adapter`; never throws (a selector the browser rejects counts as missing).
 * `read`: what the caller already read of the page this turn (its layout problems, the open conversation),
 * so that a read of the page does not check them twice.
 */
export function checkHealth(
  adapter: Pick<SiteAdapter, 'checkLayout' | 'currentConversation' | 'health'>,
  doc: Document,
  read?: { problems: LayoutProblem[]; conversation: CurrentConversation | null },
): AdapterHealth {
  const selectors = adapter.health ?? NOTHING_KNOWN;
  if ((read?.problems ?? adapter.checkLayout(doc)).some((p) => p.part === 'app')) {
    return { status: 'unrecognised', parts: HEALTH_PARTS.map((part) => ({ part, state: selectors[part] === null ? 'unknown' : 'missing', selector: selectors[part] })), off: [] };
  }
  const open = read ? read.conversation !== null : safely(() => adapter.currentConversation(doc) !== null);
  const parts = HEALTH_PARTS.map((part): PartCheck => {
    const selector = selectors[part];
    if (selector === null) return { part, state: 'unknown', selector };
    if (CONVERSATION_PARTS.has(part) && !open) return { part, state: 'idle', selector };
    // A taught console's selectors may cross shadow roots (`>>>`, lib/sites/custom/query.ts).
    const found = () => (selector.includes('>>>') ? queryDeepPath(doc, selector) : queryDeep(doc, selector)) !== null;
    return { part, state: safely(found) ? 'found' : 'missing', selector };
  });
  const off = [...new Set(parts.filter((p) => p.state === 'missing' || p.state === 'unknown').flatMap((p) => FEATURES[p.part]))];
  return { status: off.length ? 'partly' : 'working', parts, off };
}

function safely(test: () => boolean): boolean {
  try {
    return test();
  } catch {
    return false;
  }
}

/** A console's health as the sidebar and the popup show it: the status, the parts not found or not known, the features off. */
export const HealthSummarySchema = z.object({
  status: z.enum(['working', 'partly', 'unrecognised']),
  missing: z.array(z.enum(HEALTH_PARTS)).max(HEALTH_PARTS.length),
  unknown: z.array(z.enum(HEALTH_PARTS)).max(HEALTH_PARTS.length),
  off: z.array(z.enum(FEATURES_OFF)).max(FEATURES_OFF.length),
});
export type HealthSummary = z.infer<typeof HealthSummarySchema>;

export function summarizeHealth(health: AdapterHealth): HealthSummary {
  return {
    status: health.status,
    missing: health.parts.filter((p) => p.state === 'missing').map((p) => p.part),
    unknown: health.parts.filter((p) => p.state === 'unknown').map((p) => p.part),
    off: health.off,
  };
}

/**
 * The report the agent copies: adapter and extension version, the page's address without its query or
 * fragment (they may carry a buyer's id), what was found and each selector that matched nothing.
 */
export function healthReport(health: AdapterHealth, context: { adapterId: string; version: string; url: string; at: number; readAs?: string }): string {
  const url = new URL(context.url);
  const lines = [
    `Kefu Sidekick ${context.version} · adapter ${context.adapterId}`,
    // A console the agent taught, or pointed out again: whoever reads the report must know it is not the built-in reading.
    ...(context.readAs ? [`read as: ${context.readAs}`] : []),
    `page: ${url.origin}${url.pathname}`,
    `checked: ${new Date(context.at).toISOString()}`,
    `status: ${health.status}`,
    `found: ${health.parts.filter((p) => p.state === 'found').map((p) => p.part).join(', ') || '—'}`,
    `idle (no conversation open): ${health.parts.filter((p) => p.state === 'idle').map((p) => p.part).join(', ') || '—'}`,
    ...health.parts.filter((p) => p.state === 'missing').map((p) => `matched nothing: ${p.part} (${p.selector})`),
    ...health.parts.filter((p) => p.state === 'unknown').map((p) => `not known yet: ${p.part}`),
    `features off: ${health.off.join(', ') || '—'}`,
  ];
  return `${lines.join('\n')}\n`;
}
