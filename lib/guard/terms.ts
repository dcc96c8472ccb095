import type { Normalized } from './normalize';
import { CodeTrie } from './trie';

/**
 * Word lists, matched all at once over the compact text (normalize.ts) with one trie (trie.ts).
 *
 * Not modern-ahocorasick: it matches grapheme clusters through Intl.Segmenter, which on 500 Chinese characters
 * costs about 0.4 ms by itself, and the whole check has 1 ms. The compact text has no combining marks, emoji or
 * other multi-unit graphemes left (normalize.ts drops them), so UTF-16 units will do; words are at most a few
 * characters long, so a walk down the trie from each position costs little more than an automaton would.
 *
 * A term is written in compact form (lower case, simplified, no spaces: "notourproblem"), with two shorthands:
 * `(a|b|c)` expands to each alternative (`(你|您)去找` → 你去找, 您去找) and a trailing `*` lets a latin term
 * go on into a longer word (`guarantee*` finds guaranteed). A term that starts or ends with a latin letter or
 * digit only matches at a word edge of the text as typed: `wx` is not found in "new x", but is in "w x" and
 * "加wx" (the separators dropped between characters are remembered in Normalized.gapBefore).
 */

export interface TermHit {
  term: string;
  /** Compact-text units [start, end). */
  start: number;
  end: number;
}

/** All spellings a term with `(a|b)` groups stands for. */
export function expandTerm(term: string): string[] {
  const open = term.indexOf('(');
  if (open < 0) return [term];
  const close = term.indexOf(')', open);
  if (close < 0) return [term];
  const head = term.slice(0, open);
  const tails = expandTerm(term.slice(close + 1));
  return term
    .slice(open + 1, close)
    .split('|')
    .flatMap((alt) => tails.map((tail) => head + alt + tail));
}

const WORDISH = /[a-z0-9]/;

function isWordish(ch: string | undefined): boolean {
  return ch !== undefined && WORDISH.test(ch);
}

/** Whether a hit on [start, end) sits at word edges of the original text (for terms with latin ends). */
function atWordEdges(n: Normalized, term: string, start: number, end: number, prefix: boolean): boolean {
  const text = n.text;
  if (isWordish(term[0]) && start > 0 && isWordish(text[start - 1]) && !n.gapBefore[start]) return false;
  if (!prefix && isWordish(term[term.length - 1]) && end < text.length && isWordish(text[end]) && !n.gapBefore[end]) return false;
  return true;
}

interface Owner {
  pattern: string;
  term: string;
  prefix: boolean;
}

/** One trie over many term lists; `find` returns the hits by term. */
export class TermMatcher {
  private readonly trie = new CodeTrie();
  /** Per trie node: the patterns that end there, with the terms (as written) they came from. */
  private readonly owners: (Owner[] | undefined)[] = [];
  readonly size: number;

  constructor(terms: Iterable<string>) {
    let size = 0;
    for (const written of new Set(terms)) {
      const prefix = written.endsWith('*');
      const bare = prefix ? written.slice(0, -1) : written;
      for (const pattern of expandTerm(bare)) {
        if (!pattern) continue;
        const at = this.trie.add(pattern);
        (this.owners[at] ??= []).push({ pattern, term: written, prefix });
        size++;
      }
    }
    this.size = size;
  }

  /** Every occurrence of every term (overlapping ones too), grouped by the term as written. */
  find(n: Normalized): Map<string, TermHit[]> {
    const hits = new Map<string, TermHit[]>();
    const text = n.text;
    const trie = this.trie;
    for (let start = 0; start < text.length; start++) {
      let at = trie.child(CodeTrie.ROOT, text.charCodeAt(start));
      let end = start + 1;
      while (at >= 0) {
        const owners = this.owners[at];
        if (owners) {
          for (const { pattern, term, prefix } of owners) {
            if (!atWordEdges(n, pattern, start, end, prefix)) continue;
            // A prefix term flags the whole word it starts ("scammers", not "scammer").
            let wordEnd = end;
            if (prefix) while (wordEnd < text.length && isWordish(text[wordEnd]) && !n.gapBefore[wordEnd]) wordEnd++;
            const hit = { term, start, end: wordEnd };
            const list = hits.get(term);
            if (list) list.push(hit);
            else hits.set(term, [hit]);
          }
        }
        if (end >= text.length) break;
        at = trie.child(at, text.charCodeAt(end));
        end++;
      }
    }
    return hits;
  }
}
