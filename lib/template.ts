/**
 * Fill-ins in snippet bodies: `{{key}}`.
 *
 * A key is a letter followed by letters, digits or `_` (`/^[A-Za-z][A-Za-z0-9_]*$/`); spaces just inside the
 * braces are allowed (`{{ buyerName }}` is the key `buyerName`). Keys in AUTO_KEYS can be supplied by the page
 * (the buyer's name, the order number, ...); any other key is a free fill-in the agent types (amount, days, ...).
 *
 * Braces that do not open a placeholder are plain text: a single `{` or `}`, and `}}` with no `{{` before it.
 * A `{{` that is never closed, an empty key or a key with other characters is an error: the editor shows it, and
 * fillTemplate refuses such a body rather than sending half-parsed braces to a buyer.
 */

/** Keys the page (or the extension) can supply without the agent typing them. `date` and `time` are "now", formatted by the caller. */
export const AUTO_KEYS = ['buyerName', 'orderNumber', 'shopName', 'agentName', 'date', 'time'] as const;
export type AutoKey = (typeof AUTO_KEYS)[number];

export function isAutoKey(key: string): key is AutoKey {
  return (AUTO_KEYS as readonly string[]).includes(key);
}

const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

type Segment = { kind: 'text'; text: string } | { kind: 'key'; key: string };

interface Parsed {
  segments: Segment[];
  keys: string[];
  errors: string[];
}

/** A fill-in as an error message quotes it: a few dozen characters, however long the stray braces run. */
function quoted(raw: string): string {
  return `"{{${raw.length > 40 ? `${raw.slice(0, 37)}...` : raw}}}"`;
}

/**
 * One pass over the body, linear in its length: each `{{` and `}}` is found once, keys are kept in a Set (a
 * list's `includes` made a body of 120,000 fill-ins take 15 s), and text runs are joined once.
 */
function parse(body: string): Parsed {
  const segments: Segment[] = [];
  const keys = new Set<string>();
  const errors: string[] = [];
  let text: string[] = [];
  const endText = () => {
    const joined = text.join('');
    if (joined) segments.push({ kind: 'text', text: joined });
    text = [];
  };
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{{', i);
    if (open < 0) {
      text.push(body.slice(i));
      break;
    }
    text.push(body.slice(i, open));
    const close = body.indexOf('}}', open + 2);
    if (close < 0) {
      errors.push(`Unclosed "{{" at position ${open}.`);
      text.push(body.slice(open));
      break;
    }
    const raw = body.slice(open + 2, close);
    const key = raw.trim();
    if (key === '') {
      errors.push(`Empty fill-in ${quoted(raw)} at position ${open}.`);
      text.push(body.slice(open, close + 2));
    } else if (!KEY.test(key)) {
      errors.push(`Fill-in ${quoted(raw)} at position ${open}: a key is a letter followed by letters, digits or "_".`);
      text.push(body.slice(open, close + 2));
    } else {
      endText();
      segments.push({ kind: 'key', key });
      keys.add(key);
    }
    i = close + 2;
  }
  endText();
  return { segments, keys: [...keys], errors };
}

/** The fill-ins of a body, in order of first appearance and each once, and what is malformed in it. */
export function parseTemplate(body: string): { keys: string[]; errors: string[] } {
  const { keys, errors } = parse(body);
  return { keys, errors };
}

function valueOf(values: Record<string, string | undefined>, key: string): string | undefined {
  // Own properties only: a body's `{{constructor}}` must not pick up Object.prototype.constructor.
  if (!Object.prototype.hasOwnProperty.call(values, key)) return undefined;
  const value = values[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The body's keys that have no non-blank value, in order of first appearance. */
export function missingKeys(body: string, values: Record<string, string | undefined>): string[] {
  return parse(body).keys.filter((key) => valueOf(values, key) === undefined);
}

export type FillResult = { ok: true; text: string } | { ok: false; missing: string[]; errors: string[] };

/**
 * The body with every fill-in replaced by its value, inserted literally (a value is never parsed again, and `$`
 * in it means nothing special). Refused when a key has no non-blank value (`missing`) or the body is malformed
 * (`errors`): the result never holds an unfilled placeholder.
 */
export function fillTemplate(body: string, values: Record<string, string | undefined>): FillResult {
  const { segments, keys, errors } = parse(body);
  const missing = keys.filter((key) => valueOf(values, key) === undefined);
  if (missing.length > 0 || errors.length > 0) return { ok: false, missing, errors };
  return { ok: true, text: segments.map((segment) => (segment.kind === 'text' ? segment.text : (valueOf(values, segment.key) ?? ''))).join('') };
}
