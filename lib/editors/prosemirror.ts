import type { KnownEditor } from './strategy';
import { paste } from './synthetic';

/**
 * ProseMirror (and what is built on it: Tiptap, Remirror, Atlassian's editor).
 *
 * Detection: the view puts the class `ProseMirror` on its editable element (`view.dom`) and keeps it there
 * whatever the page's own classes are. The view object itself (`pmViewDesc`) is a JS property that a content
 * script, in its own world, cannot see, so the class is the marker.
 *
 * Dispatch: a paste. ProseMirror's paste handler parses `text/plain` with the schema's clipboard rules,
 * replaces its *state* selection (the caret it remembers even while blurred) in one transaction tagged
 * `paste`, so prosemirror-history undoes it with Mod-z, and calls preventDefault. Like a real paste, it
 * joins the undo group of typing done within `newGroupDelay` (500 ms) before it.
 */
export function isProseMirror(host: HTMLElement): boolean {
  return host.classList.contains('ProseMirror');
}

export const proseMirror: KnownEditor = { is: isProseMirror, strategy: paste };
