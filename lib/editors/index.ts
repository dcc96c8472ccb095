import { insertIntoContentEditable } from './content-editable';
import { insertIntoDraft } from './draft';
import { insertIntoLexical } from './lexical';
import { insertIntoProseMirror } from './prosemirror';
import { insertIntoQuill } from './quill';
import { editingHost, rememberSelections } from './selection';
import { insertIntoSlate } from './slate';
import { insertIntoTextField, isTextField } from './text-field';

export { rememberSelections } from './selection';

/** A strategy inserts `text` at the caret of `target` if `target` is its kind of editor; false otherwise. */
export type InsertStrategy = (target: HTMLElement, text: string) => boolean;

/**
 * The order the strategies are tried in, and why:
 * 1. Text fields (`<textarea>`, `<input>`): told apart by element type, so never confused with the rest.
 * 2. Editors with a model of their own, each told apart by a marker only that library writes. They come
 *    before plain contenteditable because every one of them *is* a contenteditable, and a native edit
 *    would bypass or confuse their model.
 *    - ProseMirror, Draft.js, Quill: a synthetic paste (their paste handlers read `text/plain`).
 *    - Slate, Lexical: a synthetic `beforeinput` (the input path they route text insertion through).
 *    The markers never occur together, so their order among themselves does not matter; paste first as in
 *    Briskine. A strategy whose event the editor did not take returns false and the next ones are tried.
 * 3. Plain contenteditable: `execCommand('insertText')`, last, as the catch-all for any other editable
 *    (and a fallback for a rich editor that declined its event, e.g. Quill 1 or Firefox, see synthetic.ts).
 * Nothing here ever sends: no Enter, no submit, no click.
 */
export const strategies: readonly InsertStrategy[] = [
  (target, text) => isTextField(target) && insertIntoTextField(target, text),
  insertIntoProseMirror,
  insertIntoDraft,
  insertIntoQuill,
  insertIntoSlate,
  insertIntoLexical,
  insertIntoContentEditable,
];

/**
 * The element an editor listens on, for the element a site adapter found: the element itself if it is a
 * text field; the outermost contenteditable if it is inside one (an adapter may name a paragraph of it);
 * else the first text field or editable inside it, since consoles often give their class to a wrapper
 * (Quill's `.ql-container`, Draft.js's root, a React component's `div`) and the editable is nested.
 */
export function findEditable(target: HTMLElement): HTMLElement | null {
  if (isTextField(target)) return target;
  if (target.isContentEditable) return editingHost(target);
  const inner = target.querySelector<HTMLElement>('textarea, input:not([type]), input[type="text"], input[type="search"], [contenteditable]:not([contenteditable="false"])');
  if (!inner) return null;
  return isTextField(inner) ? inner : inner.isContentEditable ? editingHost(inner) : null;
}

/**
 * Puts text at the caret of a page's chat input so that the page's own state (its framework's, or its
 * editor's model) sees it. Returns whether one of the strategies handled it.
 */
export function insertText(target: HTMLElement, text: string): boolean {
  const editable = findEditable(target);
  if (!editable) return false;
  // From the first insert on, each editor's last selection is remembered, for when the focus has left it.
  rememberSelections(editable.ownerDocument);
  return strategies.some((insert) => insert(editable, text));
}
