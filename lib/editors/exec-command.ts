/**
 * `document.execCommand('insertText')`: deprecated but still the one way to insert text that the browser
 * itself treats as typing (undo step, trusted beforeinput/input). Missing in some environments, so
 * its absence is a "no", not an error.
 */
export function execInsertText(doc: Document, text: string): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  try {
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}
