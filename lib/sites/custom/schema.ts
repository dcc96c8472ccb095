import { CHINA_TIME_ZONE } from '../../console-time';
import { isValidTimeZone } from '../../local-time';
import { describeIssue, isRecord, parseJsonText } from '../../json-file';
import { z } from '../../z';

/**
 * A custom adapter is data, not code: what the agent taught the extension about a console by pointing
 * (lib/sites/custom/derive.ts), stored in the extension's database and run by one generic adapter
 * (./generic.ts). Agents share them as a file, taken whole or refused whole like snippet files.
 */

/** The parts a custom adapter needs the agent to point at (the picker walks through them in this order). */
export const CUSTOM_PARTS = ['buyerMessage', 'shopMessage', 'robotMessage', 'messageText', 'messageTime', 'buyerName', 'conversationRow', 'conversationName', 'input', 'send'] as const;
export type CustomPart = (typeof CUSTOM_PARTS)[number];

/** A selector path as ./query.ts reads it; long enough for a structural path through two shadow roots. */
const SelectorPath = z.string().trim().min(1).max(1000);

/** A hostname as match patterns take it: `seller.example.com`, or `*.example.com` for it and its subdomains. No port. */
const HOST = /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;


export const CustomSelectorsSchema = z.object({
  /** Rows of the open thread: every buyer message, every shop message. */
  buyerMessage: SelectorPath,
  shopMessage: SelectorPath,
  /** Rows (or a mark inside a row) of the shop's robot / auto replies; they are shop messages too. */
  robotMessage: SelectorPath.optional(),
  /** Inside a row: the message's text; the row's whole text without it. */
  messageText: SelectorPath.optional(),
  /** Inside a row: the time the console prints; the time the message was first seen without it. */
  messageTime: SelectorPath.optional(),
  buyerName: SelectorPath,
  /** Rows of the conversation list, and inside one the buyer's name. */
  conversationRow: SelectorPath.optional(),
  conversationName: SelectorPath.optional(),
  input: SelectorPath,
  send: SelectorPath,
});
export type CustomSelectors = z.infer<typeof CustomSelectorsSchema>;

export const CustomAdapterSchema = z
  .object({
    id: z.string().regex(/^custom-[a-z0-9][a-z0-9-]{0,62}$/, 'expected "custom-" then lowercase letters, digits and dashes'),
    /** The agent's own label, e.g. "Our B2B console". */
    name: z.string().trim().min(1).max(80),
    scheme: z.enum(['https', 'http']).default('https'),
    host: z.string().trim().toLowerCase().regex(HOST, 'expected a hostname such as seller.example.com or *.example.com'),
    pathPrefix: z.string().trim().startsWith('/').max(500).default('/'),
    selectors: CustomSelectorsSchema,
    /** How robot replies are told from manual ones: by selectors.robotMessage, or not at all (all manual). */
    robot: z.object({ how: z.enum(['selector', 'none']) }).default({ how: 'none' }),
    /** auto: the time element's datetime attribute, else its text; clock: its text; datetimeAttr: its attribute only. */
    timeFormat: z.enum(['auto', 'clock', 'datetimeAttr']).default('auto'),
    /** The zone the console prints its clocks in. */
    timeZone: z.string().refine(isValidTimeZone, 'not a time zone (e.g. Asia/Shanghai)').default(CHINA_TIME_ZONE),
    createdAt: z.number().int().nonnegative(),
    updatedAt: z.number().int().nonnegative(),
    version: z.literal(1),
  })
  .refine((r) => r.robot.how !== 'selector' || r.selectors.robotMessage !== undefined, { path: ['selectors', 'robotMessage'], message: 'robot.how is "selector": a robot message selector is needed' })
  .refine((r) => r.selectors.conversationName === undefined || r.selectors.conversationRow !== undefined, { path: ['selectors', 'conversationRow'], message: 'a conversation name needs the conversation rows it is in' });
export type CustomAdapter = z.infer<typeof CustomAdapterSchema>;
/** A record as written by hand or by an older extension: defaults not filled in yet. */
export type CustomAdapterInput = z.input<typeof CustomAdapterSchema>;

/** The content-script match pattern of a custom console: `https://seller.example.com/im/*`. */
/** The permission a page's site takes: its scheme and hostname, any port and path (`https://desk.example.com/*`). */
export function sitePattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

export function customMatchPattern(record: Pick<CustomAdapter, 'scheme' | 'host' | 'pathPrefix'>): string {
  return `${record.scheme}://${record.host}${record.pathPrefix}*`;
}

/** Whether `hostname` is the record's host, or for `*.example.com`, example.com or one of its subdomains (as match patterns read it). */
export function hostMatches(pattern: string, hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (!pattern.startsWith('*.')) return host === pattern;
  const domain = pattern.slice(2);
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * The parts whose selector the page's browser rejects. lib has no document of its own: the caller passes
 * the check (./query.ts isValidPath bound to a document), so a record is refused before it is saved.
 */
export function invalidSelectorParts(record: Pick<CustomAdapter, 'selectors'>, isValid: (path: string) => boolean): CustomPart[] {
  return CUSTOM_PARTS.filter((part) => {
    const selector = record.selectors[part];
    return selector !== undefined && !isValid(selector);
  });
}

// ---------------------------------------------------------------------------------------------------
// The share file

export const CUSTOM_SITES_KIND = 'kefu-sidekick/custom-sites';
export const CUSTOM_SITES_VERSION = 1;
/** More consoles than any team works in: a file with more is not one of ours. */
export const MAX_CUSTOM_ADAPTERS = 50;

export const CustomAdaptersFileSchema = z.object({
  kind: z.literal(CUSTOM_SITES_KIND),
  version: z.literal(CUSTOM_SITES_VERSION),
  adapters: z.array(CustomAdapterSchema).max(MAX_CUSTOM_ADAPTERS),
});

/** Where a file is wrong: `entry` is the adapter's place in the file (1 = first), null for the file itself. */
export interface CustomFileProblem {
  entry: number | null;
  field: string;
  message: string;
}
export type CustomFileResult = { ok: true; adapters: CustomAdapter[] } | { ok: false; problem: CustomFileProblem };

/** A shared file of custom adapters, taken whole or refused whole at its first problem. */
export function parseCustomAdaptersFile(text: string): CustomFileResult {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, problem: { entry: null, field: '(file)', message: json.error } };
  const { data } = json;
  if (!isRecord(data) || data.kind !== CUSTOM_SITES_KIND) return { ok: false, problem: { entry: null, field: 'kind', message: 'this is not a Kefu Sidekick custom sites file' } };
  if (data.version !== CUSTOM_SITES_VERSION) return { ok: false, problem: { entry: null, field: 'version', message: `${String(data.version)} is not a version this extension reads (${CUSTOM_SITES_VERSION})` } };
  if (!Array.isArray(data.adapters)) return { ok: false, problem: { entry: null, field: 'adapters', message: 'expected a list' } };
  if (data.adapters.length > MAX_CUSTOM_ADAPTERS) return { ok: false, problem: { entry: null, field: 'adapters', message: `at most ${MAX_CUSTOM_ADAPTERS} custom sites (this file has ${data.adapters.length})` } };
  const adapters: CustomAdapter[] = [];
  const ids = new Set<string>();
  for (const [index, entry] of data.adapters.entries()) {
    const parsed = CustomAdapterSchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, problem: { entry: index + 1, field: issue.path.map(String).join('.') || '(entry)', message: describeIssue(issue, entry).replace(/^[^:]*: /, '') } };
    }
    if (ids.has(parsed.data.id)) return { ok: false, problem: { entry: index + 1, field: 'id', message: `"${parsed.data.id}" appears twice in the file` } };
    ids.add(parsed.data.id);
    adapters.push(parsed.data);
  }
  return { ok: true, adapters };
}

/** The share file of `records`, as parseCustomAdaptersFile reads it back. */
export function exportCustomAdapters(records: readonly CustomAdapter[]): string {
  return `${JSON.stringify({ kind: CUSTOM_SITES_KIND, version: CUSTOM_SITES_VERSION, adapters: records }, null, 2)}\n`;
}
