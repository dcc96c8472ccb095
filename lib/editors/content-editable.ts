import { execInsertText } from './exec-command';
import { placeCaret } from './selection';

/**
 * Plain contenteditable inputs (JD's chat input), and the last resort for a rich editor that declined its
 * own strategy's event. The caret is kept where the agent left it; when the selection is elsewhere (the
 * agent clicked the sidebar), the editor's last selection comes back, or the caret goes to the end.
 * `execCommand('insertText')` keeps undo and fires the trusted `beforeinput`/`input` events the page
 * listens to. It must come after the rich editors' strategies: those editors own a model that a native
 * edit either bypasses (Draft.js re-renders it away) or confuses (Slate cannot map it back).
 */
export function insertIntoContentEditable(el: HTMLElement, text: string): boolean {
  if (!el.isContentEditable) return false;
  placeCaret(el);
  const before = el.textContent ?? '';
  return execInsertText(el.ownerDocument, text) && (el.textContent ?? '') !== before;
}
