import type { KnownEditor } from './strategy';
import { replacementText } from './synthetic';

/**
 * Slate (slate-react).
 *
 * Detection: `<Editable>` renders its element with `data-slate-editor="true"`.
 *
 * Dispatch: a `beforeinput` with `insertReplacementText` and the text in a DataTransfer. slate-react listens
 * to the native `beforeinput` on its element, prevents the default and runs `ReactEditor.insertData` (a
 * DataTransfer, recognised by its constructor's name) at `editor.selection`, as for a paste: lines become
 * blocks, and slate-history records the operations. (slate-react takes a plain-text paste event too; the
 * `beforeinput` is the path all of its text insertion goes through, the one Briskine uses.) DOM edits are
 * not an option: Slate cannot map text it did not render back to its model.
 * Undo note: slate-history merges an `insert_text` that continues the previous one, so right after typing
 * at the same place, Ctrl+Z takes the typing and the snippet out together, exactly as after a real paste.
 */
export function isSlate(host: HTMLElement): boolean {
  return host.hasAttribute('data-slate-editor');
}

export const slate: KnownEditor = { is: isSlate, strategy: replacementText };
