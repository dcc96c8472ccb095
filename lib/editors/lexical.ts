import type { KnownEditor } from './strategy';
import { replacementText } from './synthetic';

/**
 * Lexical (Meta's editor).
 *
 * Detection: Lexical sets `data-lexical-editor="true"` on its root element when `setRootElement` is called.
 *
 * Dispatch: a `beforeinput` with `insertReplacementText` and the text in a DataTransfer. Lexical listens to
 * `beforeinput` on its root, prevents the default, resolves its selection from the DOM selection (hence the
 * caret restore in selection.ts) and dispatches CONTROLLED_TEXT_INSERTION_COMMAND with the event, so the
 * page's own command listeners (max length, mentions) see it, and the plain-text or rich-text plugin inserts
 * the DataTransfer's text (lines as paragraphs). The history plugin records a multi-character insert as
 * its own undo step. (Lexical takes a paste event too; `beforeinput` is its path for text insertion, also
 * used by spell-check replacements, and runs as a synchronous update.)
 */
export function isLexical(host: HTMLElement): boolean {
  return host.hasAttribute('data-lexical-editor');
}

export const lexical: KnownEditor = { is: isLexical, strategy: replacementText };
