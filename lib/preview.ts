/**
 * The start of a text, cut to about `width` Latin letters (a Chinese character counts two, as it is drawn
 * about twice as wide), on one line, with an ellipsis when cut. The sidebar shows snippet bodies this way
 * instead of clipping them with CSS: sixty clipped boxes were sixty compositor layers on the seller's page.
 */
export function previewText(text: string, width: number): string {
  // Only the start can show: a 2,000-character body is not flattened whole for sixty rows a keystroke.
  // (Four times the width leaves room for runs of white space, which fold into one.)
  const head = text.length > width * 4 + 64 ? text.slice(0, width * 4 + 64) : text;
  const flat = head.replace(/\s+/g, ' ').trim();
  let used = 0;
  let end = 0;
  for (const char of flat) {
    used += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) || char.codePointAt(0)! > 0xffff ? 2 : 1;
    if (used > width) return `${flat.slice(0, end).trimEnd()}…`;
    end += char.length;
  }
  return head === text ? flat : `${flat.trimEnd()}…`;
}
