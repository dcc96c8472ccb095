import safeRegex from 'safe-regex2';
import { describeIssue, isRecord, parseJsonText } from '../json-file';
import { z } from '../z';
import { normalize } from './normalize';
import { TermMatcher } from './terms';
import { GUARD_CATEGORIES, GUARD_SEVERITIES } from './types';

/**
 * A shop's own rules: words or patterns with a category, a severity and a suggestion, and words that must never
 * alarm (a shop that sells 微信支付 stickers allows "微信支付贴纸"). They travel as a versioned JSON file, taken
 * whole or refused whole naming the entry and the field at fault, as snippet files are (lib/snippet-io.ts).
 *
 * Words and allowed words are matched like the built-in ones, through every disguise normalize.ts undoes.
 * Patterns are JavaScript regular expressions (with the `u` flag) run on that same compact text: lower case,
 * simplified characters, no spaces or punctuation. A pattern is refused when it is too long, not valid, can
 * match nothing at all (it would flag every message), or could backtrack catastrophically (safe-regex2's star
 * height test: `(a+)+$` would hang the page on "aaaa…b").
 */

export const GUARD_RULES_FORMAT = 'kefu-sidekick/guard-rules';
export const GUARD_RULES_VERSION = 1;
export const MAX_PATTERN_LENGTH = 200;
export const MAX_CUSTOM_RULES = 500;
/** Patterns read at most this many compact characters: a shop's regex must not cost more on a pasted novel. */
export const PATTERN_TEXT_CAP = 2000;

export type PatternProblem = 'syntax' | 'backtracking' | 'tooLong' | 'matchesEmpty';

/** Whether a shop's pattern may be used, and if not, why. */
export function validatePattern(pattern: string): { ok: true } | { ok: false; reason: PatternProblem } {
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, reason: 'tooLong' };
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'u');
  } catch {
    return { ok: false, reason: 'syntax' };
  }
  if (!safeRegex(re)) return { ok: false, reason: 'backtracking' };
  if (re.test('')) return { ok: false, reason: 'matchesEmpty' };
  return { ok: true };
}

const PATTERN_MESSAGE: Record<PatternProblem, string> = {
  tooLong: `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`,
  syntax: 'not a valid regular expression',
  backtracking: 'the pattern could take forever on some messages (nested repetition like (a+)+): write it without a repeated group that repeats',
  matchesEmpty: 'the pattern matches an empty text, so it would flag every message',
};

const wordText = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((w) => normalize(w).text.length > 0, 'needs at least one letter, digit or character (spaces and punctuation alone match nothing)');

export const CustomGuardRuleSchema = z
  .object({
    id: z.string().trim().min(1).max(100),
    kind: z.enum(['word', 'pattern']),
    text: z.string().min(1),
    category: z.enum(GUARD_CATEGORIES),
    severity: z.enum(GUARD_SEVERITIES),
    suggestion: z.string().trim().max(500).optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.kind === 'pattern') {
      const check = validatePattern(rule.text);
      if (!check.ok) ctx.addIssue({ code: 'custom', path: ['text'], message: PATTERN_MESSAGE[check.reason] });
    } else {
      const parsed = wordText.safeParse(rule.text);
      if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['text'], message: parsed.error.issues[0]?.message ?? 'not a word' });
    }
  });
export type CustomGuardRule = z.infer<typeof CustomGuardRuleSchema>;

export const GuardRulesFileSchema = z.object({
  format: z.literal(GUARD_RULES_FORMAT),
  version: z.literal(GUARD_RULES_VERSION),
  rules: z.array(CustomGuardRuleSchema).max(MAX_CUSTOM_RULES),
  allow: z.array(wordText).max(MAX_CUSTOM_RULES),
});
export type GuardRulesFile = z.infer<typeof GuardRulesFileSchema>;

/** A shop's rules ready to run: built once when the rules change, used on every message. */
export interface CompiledCustomRules {
  readonly words: TermMatcher;
  /** Compact word → the rules written with it. */
  readonly wordRules: ReadonlyMap<string, readonly CustomGuardRule[]>;
  readonly patterns: readonly { rule: CustomGuardRule; re: RegExp }[];
  readonly allow: TermMatcher;
}

/**
 * Compiles validated rules. A rule that would not pass validation (a bad or unsafe pattern, a word of
 * punctuation only) is skipped rather than thrown on: the file import refuses them before they get here.
 */
export function compileCustomRules(rules: readonly CustomGuardRule[], allow: readonly string[] = []): CompiledCustomRules {
  const wordRules = new Map<string, CustomGuardRule[]>();
  const patterns: { rule: CustomGuardRule; re: RegExp }[] = [];
  for (const rule of rules) {
    if (rule.kind === 'word') {
      const word = normalize(rule.text).text;
      if (!word) continue;
      wordRules.set(word, [...(wordRules.get(word) ?? []), rule]);
    } else if (validatePattern(rule.text).ok) patterns.push({ rule, re: new RegExp(rule.text, 'gu') });
  }
  // A word is matched as written: its "(", "|" or a final "*" are letters here, not the built-in shorthands.
  const literal = (w: string) => w.replace(/[()|*]/g, '');
  const literalRules = new Map<string, CustomGuardRule[]>();
  for (const [word, list] of wordRules) if (literal(word)) literalRules.set(literal(word), [...(literalRules.get(literal(word)) ?? []), ...list]);
  const allowWords = allow.map((w) => literal(normalize(w).text)).filter(Boolean);
  return { words: new TermMatcher(literalRules.keys()), wordRules: literalRules, patterns, allow: new TermMatcher(allowWords) };
}

export interface GuardRulesProblem {
  /** 1 = the first rule; absent for the file as a whole or the allow list. */
  entry?: number;
  field?: string;
  message: string;
}

/** A rules file, checked whole: all its rules and allowed words, or the first problem, naming the entry and field. */
export function parseGuardRulesFile(text: string): { ok: true; rules: CustomGuardRule[]; allow: string[] } | { ok: false; error: GuardRulesProblem } {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, error: { field: '(file)', message: json.error } };
  const data = json.data;
  if (!isRecord(data) || data.format !== GUARD_RULES_FORMAT) return { ok: false, error: { field: 'format', message: 'this is not a Kefu Sidekick guard rules file' } };
  if (data.version !== GUARD_RULES_VERSION) return { ok: false, error: { field: 'version', message: `${String(data.version)} is not a version this extension reads (${GUARD_RULES_VERSION})` } };
  if (!Array.isArray(data.rules)) return { ok: false, error: { field: 'rules', message: 'expected a list' } };
  if (data.rules.length > MAX_CUSTOM_RULES) return { ok: false, error: { field: 'rules', message: `at most ${MAX_CUSTOM_RULES} rules (this file has ${data.rules.length})` } };
  const rules: CustomGuardRule[] = [];
  const ids = new Set<string>();
  for (const [index, entry] of data.rules.entries()) {
    const parsed = CustomGuardRuleSchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.map(String).join('.') || '(entry)';
      const value = isRecord(entry) ? entry[String(issue.path[0])] : entry;
      const message = describeIssue({ ...issue, path: [] }, value).replace(/^\(the file\): /, '');
      return { ok: false, error: { entry: index + 1, field, message } };
    }
    if (ids.has(parsed.data.id)) return { ok: false, error: { entry: index + 1, field: 'id', message: `"${parsed.data.id}" appears twice in the file` } };
    ids.add(parsed.data.id);
    rules.push(parsed.data);
  }
  const allowParsed = z.array(wordText).max(MAX_CUSTOM_RULES).safeParse(data.allow ?? []);
  if (!allowParsed.success) {
    const issue = allowParsed.error.issues[0]!;
    return { ok: false, error: { field: `allow${issue.path.length ? `[${String(issue.path[0])}]` : ''}`, message: issue.message } };
  }
  return { ok: true, rules, allow: allowParsed.data };
}

/** The file a shop exports its rules to (and imports back with parseGuardRulesFile). */
export function exportGuardRules(rules: readonly CustomGuardRule[], allow: readonly string[]): string {
  const clean = rules.map(({ id, kind, text, category, severity, suggestion }) => ({ id, kind, text, category, severity, ...(suggestion ? { suggestion } : {}) }));
  return `${JSON.stringify({ format: GUARD_RULES_FORMAT, version: GUARD_RULES_VERSION, rules: clean, allow: [...allow] }, null, 2)}\n`;
}
