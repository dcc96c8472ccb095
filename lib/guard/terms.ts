import type { Normalized } from './normalize';

/**
 * Word lists, matched all at once over the compact text (normalize.ts) with one trie.
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

interface TrieNode {
  next: Map<number, TrieNode>;
  /** The patterns that end here, with the terms (as written) they came from. */
  owners: { pattern: string; term: string; prefix: boolean }[] | null;
}

const node = (): TrieNode => ({ next: new Map(), owners: null });

/** One trie over many term lists; `find` returns the hits by term. */
export class TermMatcher {
  private readonly root = node();
  readonly size: number;

  constructor(terms: Iterable<string>) {
    let size = 0;
    for (const written of new Set(terms)) {
      const prefix = written.endsWith('*');
      const bare = prefix ? written.slice(0, -1) : written;
      for (const pattern of expandTerm(bare)) {
        if (!pattern) continue;
        let at = this.root;
        for (let i = 0; i < pattern.length; i++) {
          const code = pattern.charCodeAt(i);
          let child = at.next.get(code);
          if (!child) {
            child = node();
            at.next.set(code, child);
          }
          at = child;
        }
        (at.owners ??= []).push({ pattern, term: written, prefix });
        size++;
      }
    }
    this.size = size;
  }

  /** Every occurrence of every term (overlapping ones too), grouped by the term as written. */
  find(n: Normalized): Map<string, TermHit[]> {
    const hits = new Map<string, TermHit[]>();
    const text = n.text;
    const root = this.root.next;
    for (let start = 0; start < text.length; start++) {
      let at = root.get(text.charCodeAt(start));
      let end = start + 1;
      while (at) {
        if (at.owners) {
          for (const { pattern, term, prefix } of at.owners) {
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
        at = at.next.get(text.charCodeAt(end));
        end++;
      }
    }
    return hits;
  }
}
