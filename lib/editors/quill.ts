import type { KnownEditor } from './strategy';
import { paste } from './synthetic';

/**
 * Quill (1 and 2).
 *
 * Detection: Quill's editable element is `.ql-editor` inside the `.ql-container` it was given; the classes
 * are Quill's own and stay whatever theme the page uses.
 *
 * Dispatch: a paste. Quill 2's clipboard module listens for `paste` on `.ql-editor`, prevents the default,
 * restores its saved range (`getSelection(true)`: the caret it remembers while blurred), converts the text
 * to a Delta and applies it with source `user`: the page's `text-change` listeners fire and the history
 * module records it (Ctrl+Z undoes it; like a real paste, it joins the undo step of typing done within the
 * history's `delay`, 1 s by default).
 * Quill 1 is not covered: it pastes by letting the browser fill a hidden container, which an untrusted
 * event never does; it does not cancel the event, so the generic chain goes on (index.ts) and its last
 * strategy, execCommand, types the text, which Quill 1 takes as typing.
 */
export function isQuill(host: HTMLElement): boolean {
  return host.classList.contains('ql-editor');
}

export const quill: KnownEditor = { is: isQuill, strategy: paste };
