import { pinyin } from 'pinyin-pro';
import type { Phase, Snippet } from './snippet';

/**
 * Quick search over the snippet library, typed into the sidebar or the popup on every keystroke.
 *
 * Matches, case-insensitively:
 * - plain substrings of the title, body, shortcut and tags;
 * - pinyin of the title, tags and shortcut: the query may spell each syllable (or English word) in full or by any
 *   prefix of it, down to its initial, over consecutive syllables: `tk`, `tuikuan`, `tuik` and `tkuan` all find
 *   退款; `lv` (or `lu`) finds 绿. A pinyin match must start at the beginning of a syllable or word.
 *
 * Ranking: (0) the shortcut equals the query; (1) the title starts with the query, as text or as pinyin / initials;
 * (2) any other match. Ties: snippets of the given phase first, then more `uses`, then lower `order`.
 *
 * Everything that costs (pinyin conversion, lower-casing, normalising) is done once, when the index is built;
 * a search is then a few `includes` per snippet and, for a snippet that passes two bit-mask pre-filters (first
 * letters, letter pairs), a short walk over its syllables. No sorting: the index keeps its entries in tie order.
 */

export interface SnippetSearchOptions {
  /** The conversation's current phase: its snippets rank first among equals. Not a filter. */
  phase?: Phase | null;
  /** At most this many results. */
  limit?: number;
}

export interface SnippetIndex {
  search(query: string, opts?: SnippetSearchOptions): Snippet[];
}

/** Syllables (or words) of one field, ready for pinyin matching. */
interface Tokens {
  /** Lower-case pinyin syllables (ü written v) and lower-case latin words / digit runs, in order. */
  list: string[];
  /** Per token: whether it is pinyin (so that a typed `u` may stand for its `v`, i.e. ü). */
  pinyin: boolean[];
}

/** One snippet's tokens for pinyin matching: the title's, then each tag's, then the shortcut's. */
interface TokenRuns {
  list: string[];
  /** Per token: PINYIN when it is a pinyin syllable, RUN_START when a field (title, a tag, the shortcut) starts there. */
  flags: Uint8Array;
  /** The title's tokens are list[0 .. titleCount). */
  titleCount: number;
  /** Bit per first letter of any token (a–z: bits 0–25, any digit: bit 26): a quick "cannot match" test. */
  firstMask: number;
  /** Letter pairs a match can produce (built in tokenRuns): a query holding any other pair cannot match. */
  pairs: Uint32Array;
}

const PINYIN = 1;
const RUN_START = 2;

interface Entry {
  snippet: Snippet;
  shortcut: string;
  title: string;
  /** Title, body, shortcut and tags, normalised, joined by a separator no query holds. */
  text: string;
  tokens: TokenRuns;
}

const SEPARATOR = '\u0000';
const HAN = /\p{Script=Han}/u;
const RUNS = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/** Full-width letters to ASCII, lower case, one space for any run of white space. */
function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function bitOf(code: number): number {
  if (code >= 97 && code <= 122) return 1 << (code - 97);
  if (code >= 48 && code <= 57) return 1 << 26;
  return 0;
}

/** Letter classes for pair bits: a–z are 0–25, every digit is 26. */
const CLASSES = 27;
const PAIR_WORDS = Math.ceil((CLASSES * CLASSES) / 32);
const U = 117 - 97;
const V = 118 - 97;

function classOf(code: number): number {
  return code >= 97 && code <= 122 ? code - 97 : 26;
}

/** The pair bits a query needs (a–z0–9 only), as indexes into a pairs mask. */
function queryPairs(q: string): number[] {
  const bits: number[] = [];
  for (let j = 0; j + 1 < q.length; j++) bits.push(classOf(q.charCodeAt(j)) * CLASSES + classOf(q.charCodeAt(j + 1)));
  return bits;
}

function hasPairs(pairs: Uint32Array, needed: number[]): boolean {
  for (const bit of needed) if ((pairs[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
  return true;
}

function tokenize(text: string, cache: Map<string, Tokens>): Tokens {
  const cached = cache.get(text);
  if (cached) return cached;
  const list: string[] = [];
  const isPinyin: boolean[] = [];
  for (const match of normalizeText(text).matchAll(RUNS)) {
    if (match[1] !== undefined) {
      // One call per run of Chinese, so that pinyin-pro reads polyphones in context (重庆 chong, 重量 zhong).
      for (const syllable of pinyin(match[1], { type: 'array', toneType: 'none', v: true })) {
        const clean = syllable.toLowerCase().replace(/[^a-z0-9]/g, '');
        if (clean) {
          list.push(clean);
          isPinyin.push(true);
        }
      }
    } else if (match[2] !== undefined) {
      // Latin words: letters and digits apart, so that `size2` offers both `size` and `2`.
      for (const word of match[2].match(/[a-z]+|[0-9]+/g) ?? []) {
        list.push(word);
        isPinyin.push(false);
      }
    }
  }
  const tokens = { list, pinyin: isPinyin };
  cache.set(text, tokens);
  return tokens;
}

function tokenRuns(title: Tokens, others: Tokens[]): TokenRuns {
  const list: string[] = [];
  const flags: number[] = [];
  for (const run of [title, ...others]) {
    run.list.forEach((token, i) => {
      list.push(token);
      flags.push((run.pinyin[i] ? PINYIN : 0) | (i === 0 ? RUN_START : 0));
    });
  }
  let firstMask = 0;
  for (const token of list) firstMask |= bitOf(token.charCodeAt(0));
  // Pairs (a, b) that can sit side by side in a query a match spells: neighbours inside a token, and any letter of
  // a token followed by the first letter of the next token of the same field. A typed u may stand for a pinyin v.
  const pairs = new Uint32Array(PAIR_WORDS);
  const add = (a: number, b: number) => {
    const bit = a * CLASSES + b;
    pairs[bit >>> 5]! |= 1 << (bit & 31);
  };
  const addBoth = (a: number, b: number, isPinyin: boolean) => {
    add(a, b);
    if (isPinyin && a === V) add(U, b);
    if (isPinyin && b === V) add(a, U);
  };
  list.forEach((token, i) => {
    const isPinyin = (flags[i]! & PINYIN) !== 0;
    for (let k = 0; k + 1 < token.length; k++) addBoth(classOf(token.charCodeAt(k)), classOf(token.charCodeAt(k + 1)), isPinyin);
    const nextToken = list[i + 1];
    if (nextToken !== undefined && (flags[i + 1]! & RUN_START) === 0) {
      const first = classOf(nextToken.charCodeAt(0));
      for (let k = 0; k < token.length; k++) addBoth(classOf(token.charCodeAt(k)), first, isPinyin);
    }
  });
  return { list, flags: Uint8Array.from(flags), titleCount: title.list.length, firstMask, pairs };
}

/** A query reduced to what pinyin matching compares: a–z and 0–9, `ü` as `v`. Empty when it holds Chinese. */
function pinyinQuery(normalized: string): string {
  if (HAN.test(normalized)) return '';
  return normalized.replace(/ü/g, 'v').replace(/[^a-z0-9]/g, '');
}

/**
 * Whether `q` can be spelled by consecutive tokens of one field, each contributing a non-empty prefix of itself.
 * `titlePrefix`: only a run that starts at the title's first token; otherwise a run starting at any token of any
 * field. Walks the tokens once, carrying the set of query positions reached so far as bits (so q.length <= 30).
 */
function matchesTokens(tokens: TokenRuns, q: string, titlePrefix: boolean): boolean {
  const m = q.length;
  const end = titlePrefix ? tokens.titleCount : tokens.list.length;
  let reach = 0;
  for (let i = 0; i < end; i++) {
    const flags = tokens.flags[i]!;
    if (flags & RUN_START) reach = 0;
    if (!titlePrefix || i === 0) reach |= 1;
    if (reach === 0) {
      if (titlePrefix) return false;
      continue;
    }
    const token = tokens.list[i]!;
    const isPinyin = (flags & PINYIN) !== 0;
    let next = 0;
    for (let p = 0; p < m; p++) {
      if ((reach & (1 << p)) === 0) continue;
      for (let k = 0; k < token.length && p + k < m; k++) {
        const qc = q.charCodeAt(p + k);
        const tc = token.charCodeAt(k);
        // 'v' (118) stands for ü in pinyin; the agent may type 'u' (117) for it.
        if (qc !== tc && !(isPinyin && tc === 118 && qc === 117)) break;
        if (p + k + 1 === m) return true;
        next |= 1 << (p + k + 1);
      }
    }
    reach = next;
  }
  return false;
}

/** Longest query matched as pinyin (positions are bits of a 32-bit int); a longer one is matched as text only. */
const MAX_PINYIN_QUERY = 30;

export function createSnippetIndex(snippets: readonly Snippet[]): SnippetIndex {
  const cache = new Map<string, Tokens>();
  // In tie order without the phase: more uses first, then lower order, then as given. The phase only splits
  // this list in two, so a search sorts nothing: it deals the hits into (tier × phase) buckets in this order.
  const entries: Entry[] = snippets
    .map((snippet, position) => ({ snippet, position }))
    .sort((a, b) => b.snippet.uses - a.snippet.uses || a.snippet.order - b.snippet.order || a.position - b.position)
    .map(({ snippet }) => {
      const shortcut = normalizeText(snippet.shortcut ?? '');
      const title = normalizeText(snippet.title);
      const others = [...snippet.tags, snippet.shortcut ?? ''].filter((t) => t.trim() !== '').map((t) => tokenize(t, cache));
      return {
        snippet,
        shortcut,
        title,
        text: [title, normalizeText(snippet.body), shortcut, ...snippet.tags.map(normalizeText)].join(SEPARATOR),
        tokens: tokenRuns(tokenize(snippet.title, cache), others),
      };
    });

  return {
    search(query, opts = {}) {
      const { phase, limit } = opts;
      const q = normalizeText(query);
      // buckets[tier * 2 + (phase matches ? 0 : 1)]; tier 0: shortcut equals the query, 1: title prefix, 2: other.
      const buckets: Snippet[][] = [[], [], [], [], [], []];
      const pinyinOf = pinyinQuery(q);
      const pq = pinyinOf.length <= MAX_PINYIN_QUERY ? pinyinOf : '';
      const pqBit = pq === '' ? 0 : bitOf(pq.charCodeAt(0));
      const needed = queryPairs(pq);
      for (const entry of entries) {
        let tier: number;
        if (q === '') tier = 0;
        else if (entry.shortcut !== '' && entry.shortcut === q) tier = 0;
        else if (entry.title.startsWith(q)) tier = 1;
        else {
          const pinyinPossible = pqBit !== 0 && (entry.tokens.firstMask & pqBit) !== 0 && hasPairs(entry.tokens.pairs, needed);
          if (pinyinPossible && matchesTokens(entry.tokens, pq, true)) tier = 1;
          else if (entry.text.includes(q) || (pinyinPossible && matchesTokens(entry.tokens, pq, false))) tier = 2;
          else continue;
        }
        buckets[tier * 2 + (phase && entry.snippet.phase === phase ? 0 : 1)]!.push(entry.snippet);
      }
      // Concatenated by hand up to the limit: Array.prototype.flat is slow in V8, and this runs on every keystroke.
      const max = limit === undefined || !Number.isFinite(limit) ? Infinity : Math.max(0, Math.floor(limit));
      const results: Snippet[] = [];
      for (const bucket of buckets) {
        for (const hit of bucket) {
          if (results.length >= max) return results;
          results.push(hit);
        }
      }
      return results;
    },
  };
}

/** The naive baseline for the benchmark: a case-insensitive `includes` over title + body, no pinyin, no index. */
export function substringScan(snippets: readonly Snippet[], query: string): Snippet[] {
  const q = query.trim().toLowerCase();
  return snippets.filter((s) => (s.title + '\n' + s.body).toLowerCase().includes(q));
}
