/**
 * Putting text at the caret of a page's chat input so that the page's own state (its framework's, or its
 * editor's model) has it, and knowing whether it did.
 *
 * The order the strategies are tried in, and why:
 * 1. Text fields (`<textarea>`, `<input>`), told apart by element type: `execCommand('insertText')` (the
 *    browser's own typing: undo step, trusted `input`), then `setRangeText` with bubbling `input`/`change`
 *    (where the command does nothing). See text-field.ts.
 * 2. Contenteditable:
 *    a. An editor library known by a marker only it writes goes first with its own input path:
 *       ProseMirror, Draft.js, Quill a synthetic paste; Slate, Lexical a synthetic `beforeinput`
 *       (insertReplacementText). Each of them *is* a contenteditable whose model a native edit would bypass
 *       or confuse, so for them the first strategy is the one that sticks and no other event is sent.
 *    b. Then, for any contenteditable, known or not, the generic chain, less the mechanism already tried:
 *       a synthetic paste (text/plain), a synthetic `beforeinput` insertText, then `execCommand('insertText')`
 *       last. Paste first because it is the path most editors with a model of their own take (as in
 *       Briskine); `beforeinput` next for editors that handle typing themselves; execCommand last because it
 *       edits the DOM natively, which a plain contenteditable wants and a model-owning editor renders away.
 *    No editor is handled by name beyond 2a: an editor nobody wrote a strategy for gets the generic chain.
 * Each strategy runs with the caret put back where the agent left it (selection.ts). An untrusted event
 * that comes back not cancelled did nothing (it has no default action): the next strategy runs at once.
 * Otherwise the editor is given time to settle and its text is read (verify.ts): the inserted text must
 * be there more often than before. If it is not, the strategy's traces are taken back where its mechanism
 * can (a text field's value; the browser's undo of an execCommand), the caret is put back, and the next
 * strategy runs. Traces that could not be taken back (an editor that took a synthetic event and kept
 * something else than the text) end the chain: another insert on top of them would stack up copies.
 * Nothing here ever sends: no Enter, no submit, no click.
 */
import { execCommandIntoContentEditable, prepareContentEditable } from './content-editable';
import { draft } from './draft';
import { lexical } from './lexical';
import { proseMirror } from './prosemirror';
import { quill } from './quill';
import { editingHost, placeCaret, rememberSelections } from './selection';
import { slate } from './slate';
import type { InsertResult, KnownEditor, Snapshot, Strategy, StrategyName } from './strategy';
import { paste, typedText } from './synthetic';
import { isTextField, prepareTextField, textFieldStrategies } from './text-field';
import { landed, settle, unchanged } from './verify';

export { rememberSelections } from './selection';
export type { InsertResult, StrategyName } from './strategy';

/** The markers never occur together, so their order among themselves does not matter. */
const knownEditors: readonly KnownEditor[] = [proseMirror, draft, quill, slate, lexical];

const genericChain: readonly Strategy[] = [paste, typedText, execCommandIntoContentEditable];

function contentEditableStrategies(host: HTMLElement): readonly Strategy[] {
  if (!host.isContentEditable) return [];
  const own = knownEditors.find((editor) => editor.is(host))?.strategy;
  const rest = genericChain.filter((strategy) => strategy.name !== own?.name);
  return own ? [own, ...rest] : rest;
}

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

async function attempt<E extends HTMLElement>(editable: E, text: string, chain: readonly Strategy<E>[], prepare: (editable: E) => Snapshot, read: (editable: E) => string): Promise<InsertResult> {
  const tried: StrategyName[] = [];
  for (const strategy of chain) {
    const before = prepare(editable);
    tried.push(strategy.name);
    let ran = false;
    try {
      ran = strategy.run(editable, text);
    } catch {
      // A page's setter or an input type without a selection: as good as "did nothing", unless text changed.
    }
    // A page may act on an event and not cancel it: a changed text says something happened after all.
    if (!ran && read(editable) === before.text) continue;
    await settle();
    if (landed(before.text, read(editable), text)) return { ok: true, strategy: strategy.name };
    strategy.undo?.(editable, before);
    before.reselect();
    if (!unchanged(before.text, read(editable))) break;
  }
  return { ok: false, tried };
}

/** One insert at a time: each one's "before" must not hold another's text still on its way in. */
let previous: Promise<unknown> = Promise.resolve();

/**
 * Puts `text` at the caret of `target`'s editor and says which strategy's text stayed there, or, when none
 * did, which were tried; then the editor holds what it held before, as far as the strategies could take
 * their traces back (see the top of this file), with the caret put back.
 */
export function insertText(target: HTMLElement, text: string): Promise<InsertResult> {
  const editable = findEditable(target);
  if (!editable) return Promise.resolve({ ok: false, tried: [] });
  // From the first insert on, each editor's last selection is remembered, for when the focus has left it.
  rememberSelections(editable.ownerDocument);
  const run = async () => {
    if (isTextField(editable)) return attempt(editable, text, textFieldStrategies(editable), prepareTextField, (field) => field.value);
    // The caret first, then a frame's time: some editors take the DOM selection into their model only on
    // the next animation frame after a `selectionchange` (Trix), and a paste before that would go where
    // their model last had the caret, not over the shortcut just selected or at the caret put back.
    placeCaret(editable);
    await settle();
    return attempt(editable, text, contentEditableStrategies(editable), prepareContentEditable, (host) => host.textContent ?? '');
  };
  const result = previous.then(run);
  previous = result.catch(() => undefined);
  return result;
}
