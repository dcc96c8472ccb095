import { checkSnippet, MAX_CHECKED_LENGTH, type CompiledCustomRules, type GuardFinding, type GuardReason } from './guard';

/**
 * The conduct guard over snippets: the options page marks the risky rows, the editor warns while the agent types,
 * and an import asks before a risky file goes in. Pure: the UI turns reason keys into text.
 */

/** A fill-in as lib/template.ts reads it: `{{key}}`, spaces allowed just inside the braces. */
const FILL_IN = /\{\{\s*[A-Za-z][A-Za-z0-9_]*\s*\}\}/g;

/**
 * The body with each fill-in blanked to as many spaces: a key is a program name, not words to the buyer (`{{qq}}号`
 * would read as a contact app), and the same length keeps every finding's start/end pointing into the body as the
 * agent typed it. Cut first where the guard stops reading anyway: the editor checks on every keystroke, and
 * blanking a pasted megabyte whole doubled that keystroke's cost.
 */
function withoutFillIns(body: string): string {
  const read = body.length > MAX_CHECKED_LENGTH ? body.slice(0, MAX_CHECKED_LENGTH) : body;
  return read.includes('{{') ? read.replace(FILL_IN, (fillIn) => ' '.repeat(fillIn.length)) : read;
}

/** What the guard finds in one snippet body, fill-ins left out; spans index into `body` as given. Not cached. */
export function snippetFindings(body: string, rules?: CompiledCustomRules): GuardFinding[] {
  return checkSnippet(withoutFillIns(body), rules);
}

/**
 * Findings by body, per rule set. The options page reloads the whole library after every change, and the guard
 * reads a body of the default library's size in ~0.1 ms (English ~0.15): 2,000 snippets cost 170-350 ms on each
 * reload; from the cache, ~1 ms. Bounded like lib/i18n's cache, above a library at its limit (5,000).
 */
const CACHE_LIMIT = 12_000;
const NO_RULES = {};
const caches = new WeakMap<object, Map<string, readonly GuardFinding[]>>();

function cachedFindings(body: string, rules: CompiledCustomRules | undefined): readonly GuardFinding[] {
  const key = rules ?? NO_RULES;
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = new Map()));
  let findings = cache.get(body);
  if (!findings) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    findings = snippetFindings(body, rules);
    cache.set(body, findings);
  }
  return findings;
}

/**
 * The risky snippets of a list, by id, with their findings (shared between calls: read, do not change them); a
 * snippet with no finding is not in the map. Each distinct body is checked once per rule set.
 */
export function snippetRisks(snippets: readonly { id: string; body: string }[], rules?: CompiledCustomRules): Map<string, readonly GuardFinding[]> {
  const risky = new Map<string, readonly GuardFinding[]>();
  for (const { id, body } of snippets) {
    const findings = cachedFindings(body, rules);
    if (findings.length) risky.set(id, findings);
  }
  return risky;
}

/** The distinct reasons of some findings, in the order they first appear in the text. */
export function riskSummary(findings: readonly GuardFinding[]): GuardReason[] {
  return [...new Set(findings.map((f) => f.reason))];
}
