import type { Strategy } from './strategy';

/**
 * The two synthetic events that editors accept as "the user inserted this text": the known editors' own
 * strategies (prosemirror.ts, draft.ts, quill.ts: paste; slate.ts, lexical.ts: beforeinput) and the
 * generic chain for any other contenteditable (index.ts).
 *
 * Why a synthetic event and not `execCommand('insertText')` or DOM edits: these editors own their document
 * model and render the DOM from it. Text written into their DOM behind their back is either reverted on the
 * next render (Draft.js, Slate), throws (Slate: "Cannot resolve a Slate node"), or is parsed back in ways
 * that differ per editor. A paste or a `beforeinput` is the editor's own input path: it reads the text,
 * applies it to its model at its own selection as a transaction (so its undo history records it), then
 * renders. None of them checks `isTrusted`.
 *
 * "The editor took it" is `preventDefault()`: each of these editors calls it when it handles the insert
 * itself (the browser can do nothing with an untrusted event anyway), so an event that comes back not
 * cancelled was ignored and the next strategy may try. Whether the text then stayed is checked by the
 * caller once the editor rendered (verify.ts).
 *
 * Firefox: see pageView below; the events are built in the page's world, so its editors read them as in
 * Chrome (Briskine injects a page-world script for the same reason).
 */

type View = Window & typeof globalThis;
type CloneInto = (value: object, target: object, options?: { wrapReflectors?: boolean }) => object;

/**
 * The page's own window, to build the events from. In Firefox a content script sees the page through Xray
 * wrappers: an event or a DataTransfer it constructs belongs to its own compartment, and the page's editor
 * cannot read a `beforeinput`'s `dataTransfer` across (Slate and Lexical then ignore it, and a later
 * strategy runs where theirs should have: measured in Firefox ESR 153). Built with the page's constructors (`wrappedJSObject`) and
 * an init dictionary cloned into the page (`cloneInto`), they are the page's own, as if its script had
 * dispatched them. Chrome's isolated world shares the DOM's objects: there the window is used as it is.
 */
function pageView(host: HTMLElement): View | null {
  const view = host.ownerDocument.defaultView as (View & { wrappedJSObject?: View }) | null;
  return view?.wrappedJSObject ?? view;
}

function forPage<T extends object>(init: T, view: View): T {
  const cloneInto = (globalThis as { cloneInto?: CloneInto }).cloneInto;
  return cloneInto ? (cloneInto(init, view, { wrapReflectors: true }) as T) : init;
}

function dataTransfer(view: View, text: string): DataTransfer {
  const data = new view.DataTransfer();
  data.setData('text/plain', text);
  return data;
}

/** A paste of plain `text` on `host` at the caret; true when the editor cancelled it (took it). */
export function dispatchPaste(host: HTMLElement, text: string): boolean {
  const view = pageView(host);
  if (!view || typeof view.DataTransfer !== 'function' || typeof view.ClipboardEvent !== 'function') return false;
  // Firefox's ClipboardEvent leaves `clipboardData` empty whatever it is given, and fills it from its own
  // `dataType`/`data` members instead; Chrome takes `clipboardData` and ignores the other two.
  const init = { clipboardData: dataTransfer(view, text), dataType: 'text/plain', data: text, bubbles: true, cancelable: true, composed: true };
  const event = new view.ClipboardEvent('paste', forPage(init, view));
  return !host.dispatchEvent(event);
}

/**
 * The caret just placed, as the event's target range. Why: slate-react takes its model's selection from the
 * DOM on a throttled `selectionchange`, so a caret the agent moved a moment before clicking away may not
 * have reached the model yet; when a `beforeinput` names a target range, slate-react selects that range
 * first, and Lexical reads the DOM selection anyway.
 */
function caretRanges(host: HTMLElement, view: View): StaticRange[] {
  const selection = host.ownerDocument.getSelection();
  if (!view || typeof view.StaticRange !== 'function' || !selection?.rangeCount) return [];
  const range = selection.getRangeAt(0);
  return [new view.StaticRange(forPage({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset }, view))];
}

/**
 * A `beforeinput` of `inputType` on `host` at the caret, the text in a DataTransfer (as Safari sends text
 * replacements: Slate and Lexical read `dataTransfer` before `data`, and take multi-line text from it as
 * paragraphs) and, for `insertText`, in `data` too (where an editor that handles typing reads it); true
 * when the editor cancelled it (took it).
 */
export function dispatchBeforeInput(host: HTMLElement, text: string, inputType: 'insertReplacementText' | 'insertText'): boolean {
  const view = pageView(host);
  if (!view || typeof view.DataTransfer !== 'function' || typeof view.InputEvent !== 'function') return false;
  const init = {
    inputType,
    data: inputType === 'insertText' ? text : null,
    dataTransfer: dataTransfer(view, text),
    targetRanges: caretRanges(host, view),
    bubbles: true,
    cancelable: true,
    composed: true,
  };
  const event = new view.InputEvent('beforeinput', forPage(init, view));
  return !host.dispatchEvent(event);
}

/** A paste, the input path of ProseMirror, Draft.js and Quill, and the first try on an unknown editor. */
export const paste: Strategy = { name: 'paste', run: dispatchPaste };

/** A text replacement, the input path Slate and Lexical route every insertion of text through. */
export const replacementText: Strategy = { name: 'beforeinput', run: (host, text) => dispatchBeforeInput(host, text, 'insertReplacementText') };

/** Typed text, as an unknown editor that handles `beforeinput` itself expects it. */
export const typedText: Strategy = { name: 'beforeinput', run: (host, text) => dispatchBeforeInput(host, text, 'insertText') };
