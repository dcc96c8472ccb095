import * as OpenCC from 'opencc-js/t2cn';

/**
 * The text the rules read, with a way back to the text as typed.
 *
 * People who want a word past a filter write it with spaces, dots or emoji between the characters (微 信,
 * w.x), in full-width letters (ｖｘ), in traditional characters (聯繫 → 联系, 較 → 较), or with a heart for 心/信.
 * The compact form undoes all of that at once: full-width → half-width, lower case, traditional → simplified,
 * and every separator (spaces, punctuation, symbols, emoji, zero-width and combining marks) dropped. The rules
 * are written against that form; `start`/`end` give, for each of its UTF-16 units, the span of the original
 * characters it came from, so that a finding's span is exact in the text as typed.
 *
 * Kept although they are symbols, because rules read them: `%` (100%), `+` (+86), `@` (e-mail), `*` (f*ck),
 * `$`/`¥` (prices). A heart becomes 心, the homophone of 信 it stands for in "V❤" and "薇❤信".
 */
export interface Normalized {
  /** The text as given. */
  originalText: string;
  /** The compact form. */
  text: string;
  /** For each UTF-16 unit of `text`: where its original character starts in the input. */
  start: Int32Array;
  /** For each UTF-16 unit of `text`: where its original character ends in the input (exclusive). */
  end: Int32Array;
  /** For each UTF-16 unit of `text`: whether a separator was dropped right before it (a word gap in the input). */
  gapBefore: Uint8Array;
}

// Built once: the converter loads its dictionary on creation.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

const KEEP_SYMBOLS = new Set(['%', '+', '@', '*', '$', '¥', '_']);
const HEARTS = /^[\u2764\u2661\u2665\u{1F493}-\u{1F49F}\u{1F9E1}\u{1F90D}\u{1F90E}\u{1F49C}\u{1F499}\u{1F49A}\u{1F49B}\u{1F5A4}]$/u;
const SEPARATOR = /^[\p{White_Space}\p{P}\p{S}\p{Cf}\p{M}\p{Cc}\p{Cs}\p{Extended_Pictographic}]$/u;

/** Per character (not per text): the answer for a character seen once is cached, most messages reuse few. */
const classCache = new Map<string, string>();

/** A character's compact form: '' when it is a separator. */
function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return ch;
    return KEEP_SYMBOLS.has(ch) ? ch : '';
  }
  if (code >= 0x4e00 && code <= 0x9fff) return ch;
  if (code >= 0xff01 && code <= 0xff5e) return fold(String.fromCharCode(code - 0xfee0));
  let folded = classCache.get(ch);
  if (folded === undefined) {
    if (HEARTS.test(ch)) folded = '心';
    else if (KEEP_SYMBOLS.has(ch) || ch === '￥') folded = ch === '￥' ? '¥' : ch;
    else if (SEPARATOR.test(ch)) folded = '';
    else folded = ch.toLowerCase();
    if (classCache.size < 5000) classCache.set(ch, folded);
  }
  return folded;
}

const HAS_HAN = /[\u3400-\u9fff]/;

/**
 * The text in simplified characters, one for one: OpenCC converts phrases, and a phrase that changes length
 * would shift every index after it, so then each character is converted alone.
 */
function simplified(text: string): string {
  if (!HAS_HAN.test(text)) return text;
  const whole = toSimplified(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const one = toSimplified(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}

/** The compact form of `input` and its map back to `input`'s indices. */
export function normalize(input: string): Normalized {
  const source = simplified(input);
  const start = new Int32Array(source.length + 1);
  const end = new Int32Array(source.length + 1);
  const gapBefore = new Uint8Array(source.length + 1);
  let text = '';
  let gap = 0;
  for (let i = 0; i < source.length; ) {
    const code = source.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    // A lone surrogate is a character of its own here; it is not a letter, so it is dropped.
    const ch = source.slice(i, i + width);
    const folded = fold(ch);
    if (folded === '') gap = 1;
    else {
      for (let k = 0; k < folded.length; k++) {
        const at = text.length + k;
        start[at] = i;
        end[at] = i + width;
        gapBefore[at] = k === 0 ? gap : 0;
      }
      text += folded;
      gap = 0;
    }
    i += width;
  }
  return { originalText: input, text, start: start.subarray(0, text.length), end: end.subarray(0, text.length), gapBefore: gapBefore.subarray(0, text.length) };
}

/** The input span [start, end) that compact units [from, to) came from. */
export function originalSpan(n: Normalized, from: number, to: number): { start: number; end: number } {
  return { start: n.start[from]!, end: n.end[to - 1]! };
}
