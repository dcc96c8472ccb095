import type { KnownEditor } from './strategy';
import { paste } from './synthetic';

/**
 * Draft.js (Facebook's React editor, still in many consoles).
 *
 * Detection: the editable element has the class `public-DraftEditor-content` (Draft's documented public
 * class) and holds a `[data-contents="true"]` block container; either marks it.
 *
 * Dispatch: a paste. Draft re-renders its blocks from its EditorState, so any DOM edit it did not make is
 * dropped on the next render. Its React `onPaste` (editOnPaste) prevents the default, splits `text/plain`
 * into blocks, inserts them at the EditorState's selection (kept while blurred) and pushes an
 * `insert-fragment` change: a separate undo step from typing ('insert-characters'), so Ctrl+Z removes
 * exactly the snippet. The state renders on React's next tick; the page's model has it already.
 */
export function isDraft(host: HTMLElement): boolean {
  return host.classList.contains('public-DraftEditor-content') || host.querySelector(':scope > [data-contents="true"]') !== null;
}

export const draft: KnownEditor = { is: isDraft, strategy: paste };
