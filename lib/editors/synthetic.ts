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
 * Known limitation, Firefox: a content script's events and DataTransfer live in its own compartment, and the
 * page cannot always read `clipboardData`/`dataTransfer` through the Xray wrapper; Briskine dispatches these
 * from an injected page-world script for that reason. The Chrome build does not need it (the page's
 * listeners read the same DataTransfer); in Firefox these strategies may do nothing, and then the
 * contenteditable `execCommand` fallback runs, which ProseMirror, Quill, Lexical and Slate accept as typing
 * and Draft.js does not reliably (its text is then found missing, and copied instead).
 */

function dataTransfer(view: Window & typeof globalThis, text: string): DataTransfer {
  const data = new view.DataTransfer();
  data.setData('text/plain', text);
  return data;
}

/** A paste of plain `text` on `host` at the caret; true when the editor cancelled it (took it). */
export function dispatchPaste(host: HTMLElement, text: string): boolean {
  const view = host.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  if (!view || typeof view.DataTransfer !== 'function' || typeof view.ClipboardEvent !== 'function') return false;
  const event = new view.ClipboardEvent('paste', { clipboardData: dataTransfer(view, text), bubbles: true, cancelable: true, composed: true });
  return !host.dispatchEvent(event);
}

/**
 * The caret just placed, as the event's target range. Why: slate-react takes its model's selection from the
 * DOM on a throttled `selectionchange`, so a caret the agent moved a moment before clicking away may not
 * have reached the model yet; when a `beforeinput` names a target range, slate-react selects that range
 * first, and Lexical reads the DOM selection anyway.
 */
function caretRanges(host: HTMLElement): StaticRange[] {
  const view = host.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const selection = host.ownerDocument.getSelection();
  if (!view || typeof view.StaticRange !== 'function' || !selection?.rangeCount) return [];
  const range = selection.getRangeAt(0);
  return [new view.StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset })];
}

/**
 * A `beforeinput` of `inputType` on `host` at the caret, the text in a DataTransfer (as Safari sends text
 * replacements: Slate and Lexical read `dataTransfer` before `data`, and take multi-line text from it as
 * paragraphs) and, for `insertText`, in `data` too (where an editor that handles typing reads it); true
 * when the editor cancelled it (took it).
 */
export function dispatchBeforeInput(host: HTMLElement, text: string, inputType: 'insertReplacementText' | 'insertText'): boolean {
  const view = host.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  if (!view || typeof view.DataTransfer !== 'function' || typeof view.InputEvent !== 'function') return false;
  const event = new view.InputEvent('beforeinput', {
    inputType,
    data: inputType === 'insertText' ? text : null,
    dataTransfer: dataTransfer(view, text),
    targetRanges: caretRanges(host),
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  return !host.dispatchEvent(event);
}

/** A paste, the input path of ProseMirror, Draft.js and Quill, and the first try on an unknown editor. */
export const paste: Strategy = { name: 'paste', run: dispatchPaste };

/** A text replacement, the input path Slate and Lexical route every insertion of text through. */
export const replacementText: Strategy = { name: 'beforeinput', run: (host, text) => dispatchBeforeInput(host, text, 'insertReplacementText') };

/** Typed text, as an unknown editor that handles `beforeinput` itself expects it. */
export const typedText: Strategy = { name: 'beforeinput', run: (host, text) => dispatchBeforeInput(host, text, 'insertText') };
