/**
 * The text of a file people bring in, from its bytes. Chinese spreadsheet tools save "CSV" in the
 * system's code page (GBK on a Chinese Windows: Excel, WPS), others in UTF-8 with or without a BOM,
 * "Unicode text" in UTF-16 with a BOM. The encoding is told from the bytes; bytes that are text in none
 * of them are refused naming the line, never turned into `�` and stored.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName }
  /** `line` counts from 1; `before` is the text up to the first bad byte, to name a row of a CSV file. */
  | { ok: false; line: number; before: string; message: string };

const ALL_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

const LABEL: Record<TextEncodingName, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16', gb18030: 'GBK' };

const BYTE_ORDER_MARKS: readonly [TextEncodingName, readonly number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

const linesIn = (text: string) => (text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;

/** Whether bytes[0, end) decode so far, an unfinished character at the end allowed. */
function decodesSoFar(encoding: TextEncodingName, bytes: Uint8Array, end: number): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** `bad`: the offset of the first byte that is not text in the encoding. */
type Attempt = { ok: true; text: string } | { ok: false; bad: number; before: string };

function attempt(encoding: TextEncodingName, bytes: Uint8Array): Attempt {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    // TextDecoder does not say where; the shortest prefix that fails ends with the bad byte.
    let low = 1;
    let high = bytes.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (decodesSoFar(encoding, bytes, mid)) low = mid + 1;
      else high = mid;
    }
    const bad = decodesSoFar(encoding, bytes, high) ? bytes.length : high - 1;
    return { ok: false, bad, before: new TextDecoder(encoding).decode(bytes.subarray(0, bad), { stream: true }) };
  }
}

/**
 * Decodes a file as the first of `accept` that fits: the encoding its byte order mark names, else UTF-8,
 * else GBK (decoded as GB18030, its superset).
 */
export function decodeTextFile(bytes: Uint8Array, accept: readonly TextEncodingName[] = ALL_ENCODINGS): DecodedText {
  const labels = [...new Set(accept.map((e) => LABEL[e]))];
  const expected = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}` : (labels[0] ?? 'UTF-8');
  const refuse = (before: string, why: string): DecodedText => ({ ok: false, line: linesIn(before), before, message: `${why}; save the file as ${LABEL[accept[0] ?? 'utf-8']}` });
  const accepted = (encoding: TextEncodingName, text: string): DecodedText => {
    // UTF-16 without a byte order mark, or not a text file at all: valid UTF-8 bytes, but not text.
    const nul = text.indexOf('\u0000');
    if (nul >= 0) return refuse(text.slice(0, nul), 'a NUL character: this is not a text file');
    return { ok: true, text, encoding };
  };

  const bom = BYTE_ORDER_MARKS.find(([, mark]) => mark.every((b, i) => bytes[i] === b));
  if (bom) {
    const [encoding] = bom;
    if (!accept.includes(encoding)) return refuse('', `the file is ${LABEL[encoding]} text, not ${expected}`);
    const result = attempt(encoding, bytes); // the decoder drops the mark
    return result.ok ? accepted(encoding, result.text) : refuse(result.before, `a byte that is not ${LABEL[encoding]} text`);
  }

  const utf8 = attempt('utf-8', bytes);
  if (utf8.ok) return accepted('utf-8', utf8.text);
  const notText = `a byte that is not text in ${expected}`;
  // GBK decodes most byte pairs, broken UTF-8 included; Chinese read fine as UTF-8 up to the bad byte
  // says the file is UTF-8 with a bad byte, not GBK.
  if (!accept.includes('gb18030') || /[\u0080-\uffff]/.test(utf8.before)) return refuse(utf8.before, notText);
  const gbk = attempt('gb18030', bytes);
  if (gbk.ok) return accepted('gb18030', gbk.text);
  // Neither fits: the one that read further is what the file was meant to be, and its bad byte the one to fix.
  return refuse(gbk.bad > utf8.bad ? gbk.before : utf8.before, notText);
}
