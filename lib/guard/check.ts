import { DataSet, englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { GuardModel, type GuardModelData, type LearnedHit } from './classifier';
import { ruleFeatures } from './features';
import { PATTERN_TEXT_CAP, type CompiledCustomRules } from './custom-rules';
import MODEL_DATA from './model.json';
import { normalize, type Normalized } from './normalize';
import { PLAIN_WORDS } from './plain-words';
import { findLinks, findNumbers, NUMBER_TERMS } from './numbers';
import { ADVICE, NEGATION_WINDOW, NEGATIONS, RULES, type AdviceKey, type BuiltinRule } from './rules';
import { TermMatcher, type TermHit } from './terms';
import { GUARD_CATEGORIES, type GuardCategory, type GuardFinding, type GuardReason, type GuardSeverity, type GuardSide } from './types';

export interface GuardOptions {
  /** Whose message it is; default 'shop'. A buyer's message is checked for abuse, off-platform and threats only. */
  side?: GuardSide;
  rules?: CompiledCustomRules;
  /** Whether the learned checker (classifier.ts) decides, default true; false: every rule's finding counts alone. */
  learned?: boolean;
}

/** Longer texts are checked up to here: nobody sends more in a chat, and the cost stays bounded. */
export const MAX_CHECKED_LENGTH = 20_000;
const DEFAULT_WINDOW = 12;
const BUYER_CATEGORIES: ReadonlySet<GuardCategory> = new Set(['abuse', 'offPlatform', 'threat']);
const ALL_CATEGORIES: ReadonlySet<GuardCategory> = new Set(GUARD_CATEGORIES);

// Built once, at first use of the module: one trie for every word of every rule.
const MATCHER = new TermMatcher([
  ...RULES.flatMap((r) => [...r.terms, ...(r.near ?? []), ...(r.notPartOf ?? []), ...(r.unless ?? [])]),
  ...NEGATIONS,
  ...Object.values(NUMBER_TERMS).flat(),
]);

// English swearing beyond our own list, through its leetspeak and look-alikes. Product words
// that are also slang (a "dick clip", a "pussy cat" toy) are dropped: a shop sells those.
const PRODUCT_WORDS = new Set(['dick', 'pussy', 'cock', 'tit', 'boob', 'ass']);
const OBSCENITY = new RegExpMatcher({
  ...new DataSet<{ originalWord: string }>().addAll(englishDataset).removePhrasesIf((p) => PRODUCT_WORDS.has(p.metadata?.originalWord ?? '')).build(),
  ...englishRecommendedTransformers,
});

let model: GuardModel | null = null;
/** Built at first use: reading the weights takes a few milliseconds, and not every page checks a message. */
function learnedModel(): GuardModel {
  model ??= new GuardModel(MODEL_DATA as unknown as GuardModelData);
  return model;
}

/** What a learned finding says and suggests, per category: the closest built-in reason and its advice. */
function learnedDraft(hit: LearnedHit, side: GuardSide, window: string): Draft {
  const base = { category: hit.category, severity: 'medium' as GuardSeverity, ruleId: `learned-${hit.category}`, start: hit.start, end: hit.end };
  switch (hit.category) {
    case 'abuse':
      return { ...base, reason: 'insult', advice: 'calm' };
    case 'offPlatform':
      return PAYMENT_WORDS.test(window) ? { ...base, reason: 'payOutside', advice: 'payOnPlatform' } : { ...base, reason: 'contactApp', advice: 'stayInChat' };
    case 'overPromise':
      return { ...base, reason: 'absolutePromise', advice: 'noAbsolute' };
    case 'threat':
      return side === 'buyer' ? { ...base, reason: 'complaintThreat', advice: 'buyerApology' } : { ...base, reason: 'intimidation', advice: 'resolveTogether' };
    case 'blame':
      return { ...base, reason: 'notOurFault', advice: 'weHandleIt' };
    case 'sarcasm':
      return { ...base, reason: 'priceSarcasm', advice: 'priceRespect' };
  }
}
const PAYMENT_WORDS = /[付转账款钱汇賬轉錢匯]|pay|transfer|money|wire|bank|refund/i;

/** Trigger term → the rules it triggers, so that a check visits only the rules whose words are in the text. */
const RULES_BY_TERM = new Map<string, BuiltinRule[]>();
for (const rule of RULES) for (const term of rule.terms) RULES_BY_TERM.set(term, [...(RULES_BY_TERM.get(term) ?? []), rule]);

const SEVERITY_RANK: Record<GuardSeverity, number> = { low: 0, medium: 1, high: 2 };
const ID_CHAR = /[a-z0-9_]/;
const LATIN = /[a-z]/i;
const HAN = /[\u3400-\u9fff]/;

type Draft = Omit<GuardFinding, 'suggestion' | 'snippetId'> & { advice?: AdviceKey; customSuggestion?: string };

/** The hits of a text, and the hits of each word list gathered once per text (a rule's list serves all its hits). */
interface Hits {
  byTerm: Map<string, TermHit[]>;
  byList: Map<readonly string[], TermHit[]>;
}

function hitsOf(hits: Hits, terms: readonly string[] | undefined): TermHit[] {
  if (!terms) return [];
  let out = hits.byList.get(terms);
  if (out) return out;
  out = [];
  for (const t of terms) {
    const list = hits.byTerm.get(t);
    if (list) out.push(...list);
  }
  hits.byList.set(terms, out);
  return out;
}

const gap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, b.start - a.end, a.start - b.end);

/** The compact span a rule flags for one hit of its terms, or null when the context says it is harmless. */
function judge(rule: BuiltinRule, hit: TermHit, n: Normalized, hits: Hits): { start: number; end: number } | null {
  if (hitsOf(hits, rule.notPartOf).some((o) => o.start <= hit.start && o.end >= hit.end)) return null;
  const window = rule.window ?? DEFAULT_WINDOW;
  if (rule.unless && hitsOf(hits, rule.unless).length) return null;
  const windows = rule.negationWindow ?? NEGATION_WINDOW;
  const negationWindow = /[a-z]/.test(n.text[hit.start] ?? '') ? windows.latin : windows.han;
  if (rule.negatable && hitsOf(hits, NEGATIONS).some((g) => g.end <= hit.start && hit.start - g.end <= negationWindow)) return null;
  if (!rule.near) return { start: hit.start, end: hit.end };
  // The closest context word on each side: "加我微信转账" is flagged whole, not just 微信转.
  let before: TermHit | null = null;
  let after: TermHit | null = null;
  for (const c of hitsOf(hits, rule.near)) {
    // A context word inside the hit itself (the "chat" of "wechat") is no context.
    if (c.start >= hit.start && c.end <= hit.end) continue;
    const d = gap(hit, c);
    if (d > window) continue;
    if (c.start < hit.start) {
      if (!before || d < gap(hit, before)) before = c;
    } else if (!after || d < gap(hit, after)) after = c;
  }
  // An account name right after the app is flagged with it ("vx：kefu888"), and is context enough by itself.
  const id = rule.idAfter ? accountAfter(n, hit.end) : null;
  if (!before && !after && id === null) return null;
  return { start: Math.min(hit.start, before?.start ?? hit.start), end: Math.max(hit.end, after?.end ?? hit.end, id ?? hit.end) };
}

/**
 * Where an account name right after a contact app ends ("vx：kefu888", "wx1234567", "微信 z h a n g 8 8 8"), or
 * null. It counts when it has a digit or "_" or follows a colon; it runs over one word of the original, or
 * over letters typed one by one with spaces between.
 */
function accountAfter(n: Normalized, from: number): number | null {
  let end = from;
  let segment = 0;
  while (end < n.text.length && ID_CHAR.test(n.text[end]!)) {
    if (end > from && n.gapBefore[end]) {
      if (segment > 1) break;
      segment = 0;
    }
    segment++;
    end++;
  }
  if (end - from < 4) return null;
  const id = n.text.slice(from, end);
  const between = n.originalText.slice(n.end[from - 1]!, n.start[from]!);
  return /[\d_]/.test(id) || /[:：=]/.test(between) ? end : null;
}

function fromCompact(n: Normalized, from: number, to: number): { start: number; end: number } {
  return { start: n.start[from]!, end: n.end[to - 1]! };
}

/**
 * The text with each run of non-ASCII characters (Chinese) cut to one space, and the plainest English words
 * (plain-words.ts) too, and for each character kept its index in the text: obscenity reads only English, and its
 * cost grows with the length it reads.
 */
function latinOnly(input: string): { text: string; at: Int32Array } {
  const at = new Int32Array(input.length);
  let text = '';
  let blank = false;
  for (let i = 0; i < input.length; ) {
    const code = input.charCodeAt(i);
    // A run of letters is a word; digits and symbols (f*ck, sh1t) are kept one by one.
    let end = i + 1;
    if (isLetter(code)) while (end < input.length && isLetter(input.charCodeAt(end))) end++;
    if (code >= 0x80 || code <= 0x20 || (end - i > 2 && PLAIN_WORDS.has(input.slice(i, end).toLowerCase()))) {
      if (!blank) {
        at[text.length] = i;
        text += ' ';
        blank = true;
      }
    } else {
      for (let k = i; k < end; k++) at[text.length + k - i] = k;
      text += input.slice(i, end);
      blank = false;
    }
    i = end;
  }
  return { text, at };
}

const isLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

function builtinFindings(input: string, n: Normalized, side: GuardSide): Draft[] {
  const byTerm = MATCHER.find(n);
  const hits: Hits = { byTerm, byList: new Map() };
  const drafts: Draft[] = [];
  for (const [term, termHits] of byTerm) {
    for (const rule of RULES_BY_TERM.get(term) ?? []) {
      if (!rule.sides.includes(side)) continue;
      for (const hit of termHits) {
        const span = judge(rule, hit, n, hits);
        if (span) drafts.push({ category: rule.category, severity: rule.severity, reason: rule.reason, ruleId: rule.id, advice: rule.advice, ...fromCompact(n, span.start, span.end) });
      }
    }
  }
  for (const found of findNumbers(n, byTerm)) {
    drafts.push({ category: 'offPlatform', severity: 'high', reason: found.reason, ruleId: `number-${found.reason}`, advice: 'stayInChat', ...fromCompact(n, found.start, found.end) });
  }
  for (const found of findLinks(input, byTerm)) {
    const advice: AdviceKey = found.reason === 'paymentLink' ? 'payOnPlatform' : 'stayInChat';
    drafts.push({ category: 'offPlatform', severity: found.reason === 'email' ? 'medium' : 'high', reason: found.reason, ruleId: `link-${found.reason}`, advice, start: found.start, end: found.end });
  }
  if (LATIN.test(input)) {
    const { text, at } = latinOnly(input);
    for (const m of OBSCENITY.getAllMatches(text)) {
      drafts.push({ category: 'abuse', severity: 'high', reason: 'insult', ruleId: 'abuse-obscenity', advice: 'calm', start: at[m.startIndex]!, end: at[m.endIndex]! + 1 });
    }
  }
  return drafts;
}

function customFindings(n: Normalized, rules: CompiledCustomRules): Draft[] {
  const drafts: Draft[] = [];
  const add = (rule: CompiledCustomRules['patterns'][number]['rule'], from: number, to: number) =>
    drafts.push({ category: rule.category, severity: rule.severity, reason: 'customRule' as GuardReason, ruleId: rule.id, customSuggestion: rule.suggestion, ...fromCompact(n, from, to) });
  for (const [word, list] of rules.words.find(n)) {
    for (const hit of list) for (const rule of rules.wordRules.get(word) ?? []) add(rule, hit.start, hit.end);
  }
  const capped = n.text.slice(0, PATTERN_TEXT_CAP);
  for (const { rule, re } of rules.patterns) {
    re.lastIndex = 0;
    for (const m of capped.matchAll(re)) if (m[0].length > 0) add(rule, m.index, m.index + m[0].length);
  }
  return drafts;
}

/** Findings of one category that overlap become one, spanning both, at the higher severity. */
function merge(drafts: Draft[]): Draft[] {
  drafts.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Draft[] = [];
  const open = new Map<GuardCategory, Draft>();
  for (const d of drafts) {
    const last = open.get(d.category);
    if (last && d.start < last.end) {
      last.end = Math.max(last.end, d.end);
      if (SEVERITY_RANK[d.severity] > SEVERITY_RANK[last.severity]) last.severity = d.severity;
      continue;
    }
    const copy = { ...d };
    open.set(d.category, copy);
    out.push(copy);
  }
  return out;
}

function finish(draft: Draft, side: GuardSide, lang: 'zh' | 'en'): GuardFinding {
  const { advice: key, customSuggestion, ...finding } = draft;
  const out: GuardFinding = finding;
  if (customSuggestion) out.suggestion = customSuggestion;
  else if (key) {
    const advice = ADVICE[key];
    const text = side === 'buyer' ? (advice.buyer ?? advice.shop) : advice.shop;
    out.suggestion = text[lang];
    if (advice.snippet) out.snippetId = `${lang}-${advice.snippet}`;
  }
  return out;
}

/** The text cut at a length, never through the middle of a surrogate pair. */
function capped(text: string): string {
  if (text.length <= MAX_CHECKED_LENGTH) return text;
  const cut = /[\ud800-\udbff]/.test(text[MAX_CHECKED_LENGTH - 1]!) ? MAX_CHECKED_LENGTH - 1 : MAX_CHECKED_LENGTH;
  return text.slice(0, cut);
}

function run(text: string, options: GuardOptions): GuardFinding[] {
  if (typeof text !== 'string' || !text.trim()) return [];
  const side: GuardSide = options.side === 'buyer' ? 'buyer' : 'shop';
  const input = capped(text);
  const n = normalize(input);
  let drafts = builtinFindings(input, n, side);
  if (side === 'buyer') drafts = drafts.filter((d) => BUYER_CATEGORIES.has(d.category));
  if (options.learned !== false) {
    // The model decides, reading the rules' findings among its features; where it flags a window that touches a
    // rule's finding of the same category, that finding (its exact words, its own reason) is what is shown.
    // The rules precise enough on the corpus flag on their own.
    const model = learnedModel();
    const ruled = merge(drafts);
    const hits = model.check(input, n, side, side === 'buyer' ? BUYER_CATEGORIES : ALL_CATEGORIES, ruleFeatures(ruled));
    drafts = [
      ...ruled.filter((d) => model.trusts(side, d.ruleId)),
      ...hits.flatMap((hit) => {
        const found = ruled.filter((d) => d.category === hit.category && d.start < hit.end && d.end > hit.start);
        return found.length ? found : [learnedDraft(hit, side, input.slice(hit.start, hit.end))];
      }),
    ];
  }
  if (options.rules) {
    drafts.push(...customFindings(n, options.rules).filter((d) => side === 'shop' || BUYER_CATEGORIES.has(d.category)));
    const allowed = [...options.rules.allow.find(n).values()].flat().map((h) => fromCompact(n, h.start, h.end));
    // A learned finding reads a whole clause: an allowed word anywhere in it lets the clause pass.
    if (allowed.length) drafts = drafts.filter((d) => !allowed.some((a) => (a.start <= d.start && a.end >= d.end) || (d.ruleId.startsWith('learned-') && a.start >= d.start && a.end <= d.end)));
  }
  const lang = HAN.test(input) ? 'zh' : 'en';
  return merge(drafts).map((d) => finish(d, side, lang));
}

/**
 * Checks one chat message: the findings, sorted by where they start, overlapping findings of a category merged
 * into one. Never throws: input it cannot read yields no findings.
 */
export function checkMessage(text: string, options: GuardOptions = {}): GuardFinding[] {
  try {
    return run(text, options ?? {});
  } catch {
    return [];
  }
}

/** Checks a snippet's text as a message the shop would send. */
export function checkSnippet(body: string, rules?: CompiledCustomRules): GuardFinding[] {
  return checkMessage(body, { side: 'shop', rules });
}
