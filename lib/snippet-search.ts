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
 * a search is then a few `includes` and a small walk over each snippet's syllables.
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
  return { list, flags: Uint8Array.from(flags), titleCount: title.list.length, firstMask };
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

/** Longest pinyin query matched by syllables (bits of a 32-bit int); a longer one is cut to this length. */
const MAX_PINYIN_QUERY = 30;

function applyLimit<T>(list: T[], limit: number | undefined): T[] {
  if (limit === undefined || !Number.isFinite(limit)) return list;
  return list.slice(0, Math.max(0, Math.floor(limit)));
}

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
      const pq = pinyinQuery(q).slice(0, MAX_PINYIN_QUERY);
      const pqBit = pq === '' ? 0 : bitOf(pq.charCodeAt(0));
      for (const entry of entries) {
        let tier: number;
        if (q === '') tier = 0;
        else if (entry.shortcut !== '' && entry.shortcut === q) tier = 0;
        else if (entry.title.startsWith(q)) tier = 1;
        else {
          const pinyinPossible = pqBit !== 0 && (entry.tokens.firstMask & pqBit) !== 0;
          if (pinyinPossible && matchesTokens(entry.tokens, pq, true)) tier = 1;
          else if (entry.text.includes(q) || (pinyinPossible && matchesTokens(entry.tokens, pq, false))) tier = 2;
          else continue;
        }
        buckets[tier * 2 + (phase && entry.snippet.phase === phase ? 0 : 1)]!.push(entry.snippet);
      }
      return applyLimit(buckets.flat(), limit);
    },
  };
}

/** The naive baseline for the benchmark: a case-insensitive `includes` over title + body, no pinyin, no index. */
export function substringScan(snippets: readonly Snippet[], query: string): Snippet[] {
  const q = query.trim().toLowerCase();
  return snippets.filter((s) => (s.title + '\n' + s.body).toLowerCase().includes(q));
}
