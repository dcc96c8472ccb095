import { fillInLabel } from './FillInForm';

/** A preview's piece: text, or a fill-in shown as a chip (its value from the page when known, else its label). */
export type PreviewPart = { text: string } | { key: string; label: string; value?: string };

/** A well-formed fill-in, as lib/template.ts reads it; anything else in braces stays text, as it would be inserted. */
const FILL_IN = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** Drawn about twice as wide as a Latin letter (as lib/preview.ts counts them). */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const charWidth = (char: string) => (WIDE.test(char) || char.codePointAt(0)! > 0xffff ? 2 : 1);
const textWidth = (text: string) => [...text].reduce((sum, char) => sum + charWidth(char), 0);
/** A chip's border and padding take about two letters. */
const CHIP_EXTRA = 2;

/**
 * A snippet body as the list shows it: never a raw `{{key}}`. `width`: only the start, about that many Latin
 * letters wide, on one line, with an ellipsis when cut (the sidebar); without it, the whole body (the popup).
 * `values`: what the page knows (the buyer's name, the order number), shown in the chips.
 */
export function previewParts(body: string, values: Readonly<Record<string, string | undefined>> = {}, width?: number): PreviewPart[] {
  // Only the start can show: a 2,000-character body is not split whole for sixty rows a keystroke.
  const head = width !== undefined && body.length > width * 4 + 64 ? body.slice(0, width * 4 + 64) : body;
  const parts: PreviewPart[] = [];
  let at = 0;
  for (const match of head.matchAll(FILL_IN)) {
    if (match.index > at) parts.push({ text: head.slice(at, match.index) });
    const key = match[1]!;
    const value = Object.prototype.hasOwnProperty.call(values, key) ? values[key]?.trim() : undefined;
    parts.push(value ? { key, label: fillInLabel(key), value } : { key, label: fillInLabel(key) });
    at = match.index + match[0].length;
  }
  if (at < head.length) parts.push({ text: head.slice(at) });
  if (width === undefined) return parts;

  // One line: white space folded, then cut to the width.
  const out: PreviewPart[] = [];
  let used = 0;
  let pendingSpace = false;
  for (const [i, part] of parts.entries()) {
    if ('key' in part) {
      const needed = (pendingSpace ? 1 : 0) + textWidth(part.value ?? part.label) + CHIP_EXTRA;
      if (used + needed > width) return cut(out);
      if (pendingSpace) out.push({ text: ' ' });
      pendingSpace = false;
      out.push(part);
      used += needed;
      continue;
    }
    let flat = part.text.replace(/\s+/g, ' ');
    if (out.length === 0) flat = flat.trimStart();
    if (i === parts.length - 1 && head === body) flat = flat.trimEnd();
    let kept = pendingSpace ? ' ' : '';
    pendingSpace = flat.endsWith(' ');
    if (pendingSpace) flat = flat.slice(0, -1);
    for (const char of flat) {
      used += charWidth(char);
      if (used > width) {
        if (kept) out.push({ text: kept });
        return cut(out);
      }
      kept += char;
    }
    if (kept) out.push({ text: kept });
  }
  return head === body ? out : cut(out);
}

/** Ends a cut preview with an ellipsis, after the last text without its trailing space. */
function cut(parts: PreviewPart[]): PreviewPart[] {
  const last = parts.at(-1);
  if (last && 'text' in last) parts[parts.length - 1] = { text: `${last.text.trimEnd()}…` };
  else parts.push({ text: '…' });
  return parts;
}

// Inline: the list draws in the sidebar's frame and in the popup, which have style sheets of their own.
const CHIP_STYLE = { display: 'inline-block', padding: '0 4px', margin: '0 1px', borderRadius: '3px', background: 'rgba(22, 119, 255, 0.12)', color: 'inherit', fontSize: '0.95em', lineHeight: '1.3' };
const FILLED_STYLE = { ...CHIP_STYLE, background: 'rgba(82, 196, 26, 0.16)' };

/** The body, text and fill-in chips; rendered as text, never as HTML. */
export function SnippetPreview({ body, values, width }: { body: string; values?: Readonly<Record<string, string | undefined>>; width?: number }) {
  return (
    <>
      {previewParts(body, values, width).map((part, i) =>
        'key' in part ? (
          <span key={i} class={part.value ? 'fill-chip fill-chip--filled' : 'fill-chip'} title={part.label} style={part.value ? FILLED_STYLE : CHIP_STYLE}>
            {part.value ?? part.label}
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
