import { CHINA_TIME_ZONE } from './console-time';
import type { PickerConfig } from './custom-site-handlers';
import { describeIssue } from './json-file';
import { AdapterFixSchema, FIXABLE_PARTS, type AdapterFix } from './sites/custom/fix';
import { CustomAdapterSchema, type CustomAdapter, type CustomPart } from './sites/custom/schema';

/**
 * The picker's steps and the record it saves (entrypoints/picker.content, components/Picker.tsx): which
 * parts the agent points at, in what order, how each is derived, and the custom adapter (or fix) built
 * from the answers, checked here before it is sent so that a problem is shown beside its field.
 */

/** What the picker is asked to do: the worker sets it before injecting the script. */
export type { PickerConfig };

/**
 * The parts the agent points at, in the picker's order. messageText is left out: a row's whole text
 * serves, and one more step would cost every agent time for a rare console.
 */
export const PICKER_PARTS = ['buyerMessage', 'shopMessage', 'robotMessage', 'messageTime', 'buyerName', 'conversationRow', 'conversationName', 'input', 'send'] as const satisfies readonly CustomPart[];
export type PickerPart = (typeof PICKER_PARTS)[number];

/** Parts a custom adapter cannot do without; the others have a skip button. */
export const REQUIRED_PARTS: readonly PickerPart[] = ['buyerMessage', 'shopMessage', 'buyerName', 'input', 'send'];

/**
 * How a click becomes a selector: `row` generalises to every row of its kind (derive.ts deriveRowSelector),
 * `inner` is relative to the row it is in (`within` names that row's parts), `single` is one element.
 */
export type PartKind = { kind: 'row' } | { kind: 'inner'; within: PickerPart[] } | { kind: 'single' };

const KINDS: Record<PickerPart, PartKind> = {
  buyerMessage: { kind: 'row' },
  shopMessage: { kind: 'row' },
  robotMessage: { kind: 'row' },
  conversationRow: { kind: 'row' },
  messageTime: { kind: 'inner', within: ['buyerMessage', 'shopMessage'] },
  conversationName: { kind: 'inner', within: ['conversationRow'] },
  buyerName: { kind: 'single' },
  input: { kind: 'single' },
  send: { kind: 'single' },
};

export function partKind(part: PickerPart): PartKind {
  return KINDS[part];
}

/** The parts a run of the picker walks through: all of them, or for a fix only the ones the health report named. */
export function pickerParts(config: PickerConfig): PickerPart[] {
  if (config.mode !== 'fix') return [...PICKER_PARTS];
  const asked = new Set(config.parts);
  // Buyer and shop messages are fixed together (AdapterFixSchema): asking for one asks for both.
  if (asked.has('buyerMessage') || asked.has('shopMessage')) asked.add('buyerMessage').add('shopMessage');
  return PICKER_PARTS.filter((p) => asked.has(p) && (FIXABLE_PARTS as readonly string[]).includes(p));
}

/** Whether the agent must point at `part` before going on (a fix needs every part it asked for). */
export function isRequired(part: PickerPart, config: PickerConfig): boolean {
  return config.mode === 'fix' || REQUIRED_PARTS.includes(part);
}

export type PickedSelectors = Partial<Record<PickerPart, string>>;

/** What the agent fills in on the last step of a new or edited console. */
export interface SiteForm {
  name: string;
  host: string;
  pathPrefix: string;
  timeZone: string;
}

/** Where the page is: what the defaults and the record are built from (the content script passes `location`). */
export interface PageInfo {
  title: string;
  hostname: string;
  /** `https:`, as location.protocol gives it. */
  protocol: string;
}

/** The last step's fields before the agent changes them: the edited record's, else the page's. */
export function defaultSiteForm(config: PickerConfig, page: PageInfo): SiteForm {
  if (config.mode === 'edit') {
    const { name, host, pathPrefix, timeZone } = config.site;
    return { name, host, pathPrefix, timeZone };
  }
  const title = page.title.replace(/\s+/g, ' ').trim().slice(0, 80);
  return { name: title || page.hostname, host: page.hostname, pathPrefix: '/', timeZone: CHINA_TIME_ZONE };
}

/**
 * A new record's id: the host as a slug and the time in base 36, so two consoles of one host taught a
 * second apart (or by two colleagues) do not replace each other when shared.
 */
export function newSiteId(host: string, now: number): string {
  const slug =
    host
      .toLowerCase()
      .replace(/^\*\./, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'site';
  return `custom-${slug}-${now.toString(36)}`;
}

/** The record a new or edited console is saved as (not yet checked; see checkSite). */
export function buildSite(config: PickerConfig, selectors: PickedSelectors, form: SiteForm, page: PageInfo, now: number): Record<string, unknown> {
  const existing = config.mode === 'edit' ? config.site : null;
  const picked = Object.fromEntries(PICKER_PARTS.filter((p) => selectors[p]).map((p) => [p, selectors[p]]));
  // A selector the picker does not ask for (messageText, from a hand-edited file) is kept as it was.
  const kept = existing?.selectors.messageText ? { messageText: existing.selectors.messageText } : {};
  const scheme = page.protocol.replace(/:$/, '');
  return {
    id: existing?.id ?? newSiteId(form.host, now),
    name: form.name,
    scheme: existing && scheme !== 'http' && scheme !== 'https' ? existing.scheme : scheme,
    host: form.host,
    pathPrefix: form.pathPrefix,
    selectors: { ...kept, ...picked },
    robot: { how: selectors.robotMessage ? 'selector' : 'none' },
    timeFormat: existing?.timeFormat ?? 'auto',
    timeZone: form.timeZone,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    version: 1,
  };
}

/** Where a problem is shown: beside a form field, beside a part, or above the Save button. */
export type ProblemPlace = keyof SiteForm | PickerPart | 'form';
export type Problems = Partial<Record<ProblemPlace, string>>;

function placeOf(path: readonly PropertyKey[]): ProblemPlace {
  const [head, sub] = path;
  if (head === 'name' || head === 'host' || head === 'pathPrefix' || head === 'timeZone') return head;
  if (head === 'selectors' && (PICKER_PARTS as readonly PropertyKey[]).includes(sub as PropertyKey)) return sub as PickerPart;
  if (head === 'robot') return 'robotMessage';
  // The id is made from the host: a host the id cannot be made of is the host's problem.
  if (head === 'id') return 'host';
  return 'form';
}

function problemsOf(issues: readonly Parameters<typeof describeIssue>[0][], data: unknown): Problems {
  const problems: Problems = {};
  // The first problem of each place: one message per field is what a person reads.
  for (const issue of issues) problems[placeOf(issue.path)] ??= describeIssue(issue, data).replace(/^[^:]*: /, '');
  return problems;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problems };

/** The record checked as the worker will check it, with each problem placed beside its field. */
export function checkSite(record: unknown): Checked<CustomAdapter> {
  const parsed = CustomAdapterSchema.safeParse(record);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: problemsOf(parsed.error.issues, record) };
}

/** A fix to built-in console `base` from the parts pointed at again, checked. */
export function buildFix(base: string, selectors: PickedSelectors, now: number): Checked<AdapterFix> {
  const record = { base, selectors: Object.fromEntries(FIXABLE_PARTS.filter((p) => selectors[p]).map((p) => [p, selectors[p]])), updatedAt: now };
  const parsed = AdapterFixSchema.safeParse(record);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: problemsOf(parsed.error.issues, record) };
}

/** The selectors the picker starts from: an edited console's own, else none. */
export function initialSelectors(config: PickerConfig): PickedSelectors {
  if (config.mode !== 'edit') return {};
  return Object.fromEntries(PICKER_PARTS.filter((p) => config.site.selectors[p]).map((p) => [p, config.site.selectors[p]]));
}

/** The config the worker left in `raw` (a JSON string), or null when it is missing or not one. */
export function parsePickerConfig(raw: unknown): PickerConfig | null {
  if (typeof raw !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.mode === 'new') return { mode: 'new' };
  if (v.mode === 'edit') {
    const site = CustomAdapterSchema.safeParse(v.site);
    return site.success ? { mode: 'edit', site: site.data } : null;
  }
  if (v.mode === 'fix' && typeof v.base === 'string' && Array.isArray(v.parts) && v.parts.every((p) => typeof p === 'string')) return { mode: 'fix', base: v.base, parts: v.parts as string[] };
  return null;
}
