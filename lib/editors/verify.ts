/**
 * Whether inserted text is still in the editor once the editor has had its say. An editor with a document
 * model of its own renders its DOM from that model: text put into its DOM by a way it does not follow is
 * there for a moment, then its next render throws it away. So the editor is read only after it settled.
 */

/** The longest wait for a frame: `requestAnimationFrame` does not run in a hidden tab. */
const FRAME_TIMEOUT_MS = 100;

/**
 * Waits for the editor's own update: a microtask turn (Lexical and React's discrete updates render in one),
 * the next animation frame (editors that render per frame) or 100 ms, whichever is first, then one more task
 * (React's scheduler and editors that defer with a timeout run there).
 */
export async function settle(): Promise<void> {
  await Promise.resolve();
  await new Promise<void>((resolve) => {
    let frame: number | undefined;
    const done = () => {
      clearTimeout(timer);
      if (frame !== undefined && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      resolve();
    };
    const timer = setTimeout(done, FRAME_TIMEOUT_MS);
    if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(done);
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Text without the characters editors add, drop or turn into others as they render: whitespace (lines
 * become paragraphs, spaces become no-break spaces, a paragraph's text has no newline in textContent) and
 * the zero-width characters some keep in empty lines (Slate's and Quill's U+FEFF, matched by `\s`).
 */
function squeeze(text: string): string {
  return text.replace(/[\s\u200b-\u200d]+/g, '');
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/**
 * Whether `text` went in: it occurs more often in the editor's text now than before. Counting, not looking
 * for it, because the same reply may already be in the editor. Known miss: a selection that held exactly
 * this text, replaced by it, counts no more than before and reads as "did not go in".
 */
export function landed(before: string, now: string, text: string): boolean {
  const needle = squeeze(text);
  if (!needle) return now !== before;
  return occurrences(squeeze(now), needle) > occurrences(squeeze(before), needle);
}

/** Whether the editor's text is what it was, as far as an editor's own rendering lets one tell. */
export function unchanged(before: string, now: string): boolean {
  return squeeze(now) === squeeze(before);
}
