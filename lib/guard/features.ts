import type { Normalized } from './normalize';
import type { GuardCategory, GuardSide } from './types';

/**
 * What the learned checker (classifier.ts) reads of a piece of text: the character n-grams of its compact form
 * (normalize.ts, so the disguises are already undone), 1 to 4 characters long, counted, plus the first and last
 * few characters marked as such (^滚, 滚$).
 *
 * Character n-grams need no word list and no word segmentation, so they carry over to phrasings nobody wrote
 * down: 穷鬼, 脑子有病 and "what did you expect" are made of grams that recur in other insults and other sarcasm.
 * Two changes to the compact form make them generalise further:
 * - every digit reads as 0: a phone number, a QQ number and a price differ by how many digits they have, not by
 *   which;
 * - a space stays between two Latin words ("do you even" rather than "doyoueven"), so English grams keep their
 *   word edges; Chinese has none to keep.
 * A buyer's message adds one feature of its own: the same words weigh differently from the buyer.
 */
export const MAX_GRAM = 4;
/** How many characters at each edge of a text are also read as "at the edge". */
export const EDGE_GRAM = 3;
export const BUYER_FEATURE = '\u0000buyer';
/** The feature of a category a rule found: this prefix and the category. */
export const CATEGORY_FEATURE = '\u0001category:';

const LATIN_OR_DIGIT = /[a-z0-9]/;

/** The feature text of a whole message, and for each of its units the compact unit it came from (-1: a space). */
export interface FeatureText {
  text: string;
  compactAt: Int32Array;
}

/** How many digits in a row are read, and how many of any other character repeated: more says nothing new. */
export const DIGIT_RUN = 4;
export const REPEAT_RUN = 3;

/**
 * The text the grams are taken from. A run of digits, spaced or not, is read as at most DIGIT_RUN zeros, and a
 * character repeated (哈哈哈哈, soooo, xxxxxxxx) at most REPEAT_RUN times: counted grams would otherwise add up
 * without end over a long number or a key held down. The last unit read of a run stands for the whole run, so
 * that a span ending there ends where the run does.
 */
export function featureText(n: Normalized): FeatureText {
  let text = '';
  const compactAt = new Int32Array(n.text.length * 2);
  let run = 0;
  // The last unit written, kept aside: reading it back from the string being built would flatten it each time.
  let last = '';
  for (let i = 0; i < n.text.length; i++) {
    const ch = n.text[i]!;
    const code = ch.charCodeAt(0);
    const digit = code >= 0x30 && code <= 0x39;
    const unit = digit ? '0' : ch;
    if (last === unit && (digit || !n.gapBefore[i])) {
      run++;
      if (run > (digit ? DIGIT_RUN : REPEAT_RUN)) {
        compactAt[text.length - 1] = i;
        continue;
      }
    } else run = 1;
    if (i > 0 && n.gapBefore[i] && !(digit && last === '0') && LATIN_OR_DIGIT.test(ch) && LATIN_OR_DIGIT.test(n.text[i - 1]!)) {
      compactAt[text.length] = -1;
      text += ' ';
      run = 1;
    }
    compactAt[text.length] = i;
    text += unit;
    last = unit;
  }
  return { text, compactAt: compactAt.subarray(0, text.length) };
}

/** The edge features of a text: its first and last EDGE_GRAM characters, each prefix and suffix once. */
export function edgeFeatures(text: string): string[] {
  const out: string[] = [];
  for (let k = 1; k <= EDGE_GRAM && k <= text.length; k++) out.push(`^${text.slice(0, k)}`, `${text.slice(text.length - k)}$`);
  return out;
}

/** The features of a text and how often each occurs: what the trainer reads, and what the checker sums. */
export function featureCounts(text: string, side: GuardSide): Map<string, number> {
  const out = new Map<string, number>();
  const add = (f: string) => out.set(f, (out.get(f) ?? 0) + 1);
  for (let i = 0; i < text.length; i++) for (let len = 1; len <= MAX_GRAM && i + len <= text.length; len++) add(text.slice(i, i + len));
  for (const f of edgeFeatures(text)) add(f);
  if (side === 'buyer') add(BUYER_FEATURE);
  return out;
}

/**
 * A feature that is not in the text's grams, found over a span of it (UTF-16 indices into the text as given):
 * what a rule found there. A window counts it when the span lies inside the window.
 */
export interface ExtraFeature {
  feature: string;
  start: number;
  end: number;
}

/**
 * What the rules found, as features: each rule that fired, and each category a rule found. The model learns how
 * far each rule is to be trusted and in which company: "stupid" from a buyer who says "I'm so stupid" is not
 * abuse, 一定发出 about the shop's own shipping is not an over-promise.
 */
export function ruleFeatures(found: readonly { ruleId: string; category: GuardCategory; start: number; end: number }[]): ExtraFeature[] {
  return found.flatMap((f) => [
    { feature: `\u0001rule:${f.ruleId}`, start: f.start, end: f.end },
    { feature: `${CATEGORY_FEATURE}${f.category}`, start: f.start, end: f.end },
  ]);
}
