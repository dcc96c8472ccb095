import { featureText, BUYER_FEATURE, CATEGORY_FEATURE, EDGE_GRAM, MAX_GRAM, type ExtraFeature } from './features';
import type { Normalized } from './normalize';
import { CodeTrie } from './trie';
import type { GuardCategory, GuardSide } from './types';

/**
 * The learned half of the guard: one logistic regression per category over the character n-grams of
 * features.ts, trained by scripts/train-guard.ts on the labelled corpus (test/fixtures/guard-corpus.json) and
 * shipped as model.json.
 *
 * The rules (rules.ts) know the words; this knows how risky messages are built, so it also finds phrasings no
 * rule was written for. A message is read window by window: each clause, each two neighbouring clauses and the
 * whole message, so that one risky clause in a long friendly message is not drowned by the rest, and the span
 * flagged is the shortest window that crosses the category's threshold.
 *
 * Scoring costs one trie walk per position of the message, whatever the number of windows: each window's sum is
 * read from running totals (see `scoreWindows`). A window is at most MAX_WINDOW long.
 */
export interface GuardModelData {
  version: 1;
  categories: GuardCategory[];
  /** The features, '\n' between them. */
  features: string;
  /** One character per feature and category (feature-major): code - WEIGHT_ZERO is the weight in `scale` steps. */
  weights: string;
  scale: number;
  bias: number[];
  /** Per category, the logit at or above which a window is flagged; in a window where a rule found it, the second. */
  thresholds: number[];
  ruledThresholds: number[];
  /** The rules precise enough on the corpus to flag alone, whatever the model says, as `trustKey` spells them. */
  trustedRules: string[];
  /** What it was trained on, for the record. */
  trainedOn: { messages: number; sets: string[] };
}

/** The printable ASCII range the weights are written in: 0x21 + 47 is zero, one step per character. */
export const WEIGHT_ZERO = 0x21 + 47;
export const WEIGHT_STEPS = 47;

export interface LearnedHit {
  category: GuardCategory;
  /** The best logit of the windows where no rule found the category, and of those where one did. */
  logit: number;
  ruledLogit: number;
  /** UTF-16 indices into the text as given. */
  start: number;
  end: number;
}

/**
 * The longest window read as one, in feature-text units: about the longest chat message of the corpus. The
 * weights add up over a window, and a longer one would add up to a finding made of nothing in particular.
 */
export const MAX_WINDOW = 200;

const EDGE_START = '^'.charCodeAt(0);
const EDGE_END = '$'.charCodeAt(0);

/** Where a clause ends: sentence and clause punctuation of both languages, and line breaks. */
export const CLAUSE_END = /[，,。！？!?；;\n～~…、：:]|\.(?=\s|$)|\s(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])\s/gu;

export class GuardModel {
  readonly categories: readonly GuardCategory[];
  private readonly index = new Map<string, number>();
  /**
   * The weights in `scale` steps, as stored: small enough to stay in the processor's cache while a text is read
   * (a message's grams land all over it); sums are kept in steps and scaled once per window.
   */
  private readonly weights: Int8Array;
  private readonly scale: number;
  private readonly bias: Float64Array;
  private readonly thresholds: Float64Array;
  private readonly ruledThresholds: Float64Array;
  private readonly trustedRules: ReadonlySet<string>;
  /** The grams and edge features in a trie (trie.ts), walked from each position of a text. */
  private readonly grams = new CodeTrie();
  /** The feature each trie node spells, or -1. */
  private readonly featureAt: Int32Array;

  constructor(data: GuardModelData) {
    if (data.version !== 1) throw new Error(`guard model version ${String(data.version)} is not 1`);
    this.categories = data.categories;
    const features = data.features ? data.features.split('\n') : [];
    if (data.weights.length !== features.length * this.categories.length || data.bias.length !== this.categories.length || data.thresholds.length !== this.categories.length || data.ruledThresholds.length !== this.categories.length) throw new Error('guard model: weights and features disagree');
    const nodes: [number, number][] = [];
    features.forEach((f, i) => {
      this.index.set(f, i);
      // Grams and the edge features (^ + the first characters, the last characters + $) alike.
      if (f.length <= MAX_GRAM + 1 && f.charCodeAt(0) > 1) nodes.push([this.grams.add(f), i]);
    });
    this.featureAt = new Int32Array(this.grams.size).fill(-1);
    for (const [node, feature] of nodes) this.featureAt[node] = feature;
    this.weights = new Int8Array(data.weights.length);
    for (let i = 0; i < data.weights.length; i++) this.weights[i] = data.weights.charCodeAt(i) - WEIGHT_ZERO;
    this.scale = data.scale;
    this.bias = Float64Array.from(data.bias);
    this.thresholds = Float64Array.from(data.thresholds);
    this.ruledThresholds = Float64Array.from(data.ruledThresholds);
    this.trustedRules = new Set(data.trustedRules);
  }

  /** Whether a rule's findings in a message of this side stand on their own (see `trustedRules`). */
  trusts(side: GuardSide, ruleId: string): boolean {
    return this.trustedRules.has(trustKey(side, ruleId));
  }

  /** The logits of a whole text's feature counts (features.ts `featureCounts`), one per category. */
  scoreCounts(counts: ReadonlyMap<string, number>): Float64Array {
    const width = this.categories.length;
    const sums = new Float64Array(width);
    for (const [feature, count] of counts) {
      const at = this.index.get(feature);
      if (at === undefined) continue;
      for (let c = 0; c < width; c++) sums[c]! += count * this.weights[at * width + c]!;
    }
    for (let c = 0; c < width; c++) sums[c] = this.bias[c]! + this.scale * sums[c]!;
    return sums;
  }

  /**
   * For each category of `only` that a window reaches the threshold of, the shortest such window: what the guard
   * flags. A window where a rule found the category has its own threshold (`ruledThresholds`), calibrated apart:
   * such windows hold the risky messages the rules know and also most of the harmless ones that look like them.
   * `keepAll` (for the trainer): every category, flagged or not (start and end -1), with its best logits.
   */
  check(input: string, n: Normalized, side: GuardSide, only: ReadonlySet<GuardCategory>, extras: readonly ExtraFeature[] = [], keepAll = false): LearnedHit[] {
    const { text, compactAt } = featureText(n);
    if (!text.trim()) return [];
    const windows = this.windowsOf(input, n, text, compactAt);
    const count = windows.length >> 1;
    // Each window in the text as given (start, end), or -1 where it holds nothing but spaces.
    const spans = new Int32Array(count * 2).fill(-1);
    for (let w = 0; w < count; w++) {
      let first = windows[2 * w]!;
      let last = windows[2 * w + 1]! - 1;
      while (first <= last && compactAt[first]! < 0) first++;
      while (last >= first && compactAt[last]! < 0) last--;
      if (first > last) continue;
      spans[2 * w] = n.start[compactAt[first]!]!;
      spans[2 * w + 1] = n.end[compactAt[last]!]!;
    }
    const sums = this.scoreWindows(text, windows, side);
    const width = this.categories.length;
    // Per window and category: whether a rule found that category inside it (the other threshold applies).
    const ruled = new Uint8Array(count * width);
    for (const extra of extras) {
      const at = this.index.get(extra.feature);
      const kind = extra.feature.startsWith(CATEGORY_FEATURE) ? this.categories.indexOf(extra.feature.slice(CATEGORY_FEATURE.length) as GuardCategory) : -1;
      if (at === undefined && kind < 0) continue;
      for (let w = 0; w < count; w++) {
        if (spans[2 * w]! < 0 || extra.start < spans[2 * w]! || extra.end > spans[2 * w + 1]!) continue;
        if (kind >= 0) ruled[w * width + kind] = 1;
        if (at !== undefined) for (let c = 0; c < width; c++) sums[w * width + c]! += this.weights[at * width + c]!;
      }
    }
    // From steps to logits.
    for (let w = 0; w < count; w++) for (let c = 0; c < width; c++) sums[w * width + c] = this.bias[c]! + this.scale * sums[w * width + c]!;
    const out: LearnedHit[] = [];
    for (let c = 0; c < width; c++) {
      const category = this.categories[c]!;
      if (!only.has(category)) continue;
      let best = -Infinity;
      let bestRuled = -Infinity;
      let chosen = -1;
      for (let w = 0; w < count; w++) {
        if (spans[2 * w]! < 0) continue;
        const logit = sums[w * width + c]!;
        const byRule = ruled[w * width + c] === 1;
        if (byRule) bestRuled = Math.max(bestRuled, logit);
        else best = Math.max(best, logit);
        const length = windows[2 * w + 1]! - windows[2 * w]!;
        if (logit >= (byRule ? this.ruledThresholds[c]! : this.thresholds[c]!) && (chosen < 0 || length < windows[2 * chosen + 1]! - windows[2 * chosen]!)) chosen = w;
      }
      if (chosen >= 0 || keepAll) out.push({ category, logit: best, ruledLogit: bestRuled, start: chosen >= 0 ? spans[2 * chosen]! : -1, end: chosen >= 0 ? spans[2 * chosen + 1]! : -1 });
    }
    return out;
  }

  /**
   * Clause windows in feature-text units, as (start, end) pairs: the whole text, and when it has more than one
   * clause each clause, and when more than two each two neighbours.
   */
  private windowsOf(input: string, n: Normalized, text: string, compactAt: Int32Array): Int32Array {
    // Where each compact unit sits in the feature text, to carry the clause ends found in the input over.
    const featureOf = new Int32Array(n.text.length + 1).fill(text.length);
    for (let f = compactAt.length - 1; f >= 0; f--) if (compactAt[f]! >= 0) featureOf[compactAt[f]!] = f;
    const bounds = [0];
    let compact = 0;
    for (const m of input.matchAll(CLAUSE_END)) {
      while (compact < n.text.length && n.start[compact]! < m.index) compact++;
      const f = featureOf[compact]!;
      // Matches come in order, so the cuts do too; two ends with nothing read between them are one.
      if (f > bounds[bounds.length - 1]! && f < text.length) bounds.push(f);
    }
    bounds.push(text.length);
    const clauses: number[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      // A clause longer than any chat message is read in pieces of the longest window.
      for (let start = bounds[i]!; start < bounds[i + 1]!; start += MAX_WINDOW) clauses.push(start, Math.min(bounds[i + 1]!, start + MAX_WINDOW));
    }
    const windows = text.length <= MAX_WINDOW ? [0, text.length] : [];
    const clauseCount = clauses.length >> 1;
    if (clauseCount > 1 || !windows.length) {
      windows.push(...clauses);
      if (clauseCount > 2) {
        for (let i = 0; i + 1 < clauseCount; i++) if (clauses[2 * i + 3]! - clauses[2 * i]! <= MAX_WINDOW) windows.push(clauses[2 * i]!, clauses[2 * i + 3]!);
      }
    }
    return Int32Array.from(windows);
  }

  /**
   * Each window's sum of weights, in `scale` steps, bias left out (window-major). The weights of every gram are
   * summed by where the gram ends, from the start of the text; a window [a, b) holds the grams that end in (a, b] less those that start before a, which
   * are walked again from the MAX_GRAM - 1 units before a and taken back. Two reads and a few corrections per
   * window, one trie walk per position.
   */
  private scoreWindows(text: string, windows: Int32Array, side: GuardSide): Float64Array {
    const width = this.categories.length;
    const weights = this.weights;
    const size = text.length + 1;
    // running[e]: the weights of every gram that ends at or before e; filled by walking the trie from each start.
    const running = new Float64Array(size * width);
    const trie = this.grams;
    const featureAt = this.featureAt;
    for (let start = 0; start < text.length; start++) {
      let node = CodeTrie.ROOT;
      for (let len = 1; len <= MAX_GRAM && start + len <= text.length; len++) {
        node = trie.child(node, text.charCodeAt(start + len - 1));
        if (node < 0) break;
        const at = featureAt[node]!;
        if (at < 0) continue;
        const base = (start + len) * width;
        const from = at * width;
        if (width === 6) {
          // The hottest line of the guard: written out for the six categories.
          running[base]! += weights[from]!;
          running[base + 1]! += weights[from + 1]!;
          running[base + 2]! += weights[from + 2]!;
          running[base + 3]! += weights[from + 3]!;
          running[base + 4]! += weights[from + 4]!;
          running[base + 5]! += weights[from + 5]!;
        } else for (let c = 0; c < width; c++) running[base + c]! += weights[from + c]!;
      }
    }
    for (let i = width; i < running.length; i++) running[i]! += running[i - width]!;
    const buyer = side === 'buyer' ? (this.index.get(BUYER_FEATURE) ?? -1) : -1;
    const count = windows.length >> 1;
    const out = new Float64Array(count * width);
    for (let w = 0; w < count; w++) {
      const start = windows[2 * w]!;
      const end = windows[2 * w + 1]!;
      const base = w * width;
      for (let c = 0; c < width; c++) out[base + c] = running[end * width + c]! - running[start * width + c]!;
      // Grams that end inside the window but start before it: walked again from the few units before it.
      for (let from = Math.max(0, start - MAX_GRAM + 1); from < start; from++) {
        let node = CodeTrie.ROOT;
        for (let len = 1; len <= MAX_GRAM && from + len <= end; len++) {
          node = trie.child(node, text.charCodeAt(from + len - 1));
          if (node < 0) break;
          const at = featureAt[node]!;
          if (from + len <= start || at < 0) continue;
          for (let c = 0; c < width; c++) out[base + c]! -= weights[at * width + c]!;
        }
      }
      // The edge features, as edgeFeatures() spells them: ^ and the first EDGE_GRAM units, the last and $.
      let head = trie.child(CodeTrie.ROOT, EDGE_START);
      for (let k = 1; head >= 0 && k <= EDGE_GRAM && k <= end - start; k++) {
        head = trie.child(head, text.charCodeAt(start + k - 1));
        const at = head >= 0 ? featureAt[head]! : -1;
        if (at >= 0) for (let c = 0; c < width; c++) out[base + c]! += weights[at * width + c]!;
      }
      for (let k = 1; k <= EDGE_GRAM && k <= end - start; k++) {
        let node = CodeTrie.ROOT;
        for (let i = end - k; node >= 0 && i < end; i++) node = trie.child(node, text.charCodeAt(i));
        if (node >= 0) node = trie.child(node, EDGE_END);
        const at = node >= 0 ? featureAt[node]! : -1;
        if (at >= 0) for (let c = 0; c < width; c++) out[base + c]! += weights[at * width + c]!;
      }
      if (buyer >= 0) for (let c = 0; c < width; c++) out[base + c]! += weights[buyer * width + c]!;
    }
    return out;
  }
}

/** How a trusted rule is named in the model: its side and its id. */
export function trustKey(side: GuardSide, ruleId: string): string {
  return `${side}:${ruleId}`;
}
