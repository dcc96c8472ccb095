import { execInsertText } from './exec-command';

/**
 * Plain contenteditable inputs (JD's chat input). The caret is kept where the agent left it; when the
 * selection is elsewhere (the agent clicked the sidebar), the text goes at the end.
 * `execCommand('insertText')` keeps undo and fires the `beforeinput`/`input` events the page listens to.
 * Rich editors (Quill, Draft.js, Lexical, Slate, ProseMirror) need their own strategies.
 */
export function insertIntoContentEditable(el: HTMLElement, text: string): boolean {
  if (!el.isContentEditable) return false;
  const doc = el.ownerDocument;
  el.focus();
  const selection = doc.getSelection();
  if (selection && (!selection.rangeCount || !el.contains(selection.getRangeAt(0).commonAncestorContainer))) {
    const range = doc.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  const before = el.textContent ?? '';
  return execInsertText(doc, text) && (el.textContent ?? '') !== before;
}
