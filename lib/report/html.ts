/**
 * Building an HTML page as a string, safely: every interpolated value is escaped unless it is already `Html`.
 * Export text (buyer names, file names, profile ids) is untrusted, so it only ever enters the page through
 * `html\`...\``, an escaped attribute, or JSON in a `<script type="application/json">` with `<` escaped.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = Html | string | number | null | undefined | readonly Value[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: Value): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined) return '';
  return escapeHtml(String(value));
}

/** A template whose literal parts are trusted markup and whose values are escaped (lists are joined). */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Trusted markup written by this project (never export text). */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/**
 * JSON that a `<script type="application/json">` can hold: `<` is written `\u003c`, so no text can close the
 * element ("</script>") or open a comment; JSON.parse reads it back unchanged. U+2028/2029 are escaped too,
 * for older parsers that read it as script.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Trusted script source (the chart library, our start-up code) made safe inside `<script>`: a "</script" in a
 * string of the library would end the element early. `<\/` means the same in JavaScript strings and regexes.
 */
export function scriptSource(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1');
}
