import { isTextField } from '@/lib/editors/text-field';

/** A shortcut is letters, digits and a few marks typed right before the caret: `nh`, `th2`, `/ship`. */
const SHORTCUT_BEFORE_CARET = /([A-Za-z0-9_/.-]{1,30})$/;

function editableTarget(event: KeyboardEvent): HTMLElement | null {
  const first = event.composedPath()[0] as Node | undefined;
  // Not `instanceof HTMLElement`: an input in a same-origin frame is an element of that frame's window.
  if (!first || first.nodeType !== Node.ELEMENT_NODE) return null;
  const target = first as HTMLElement;
  if (isTextField(target)) return target.type === 'password' ? null : target;
  return target.isContentEditable ? target : null;
}

/** The shortcut-like word right before a collapsed caret, or null. */
export function wordBeforeCaret(target: HTMLElement): string | null {
  if (isTextField(target)) {
    const { selectionStart: start, selectionEnd: end, value } = target;
    if (start === null || start !== end) return null;
    return SHORTCUT_BEFORE_CARET.exec(value.slice(0, start))?.[1] ?? null;
  }
  const selection = target.ownerDocument.getSelection();
  if (!selection?.isCollapsed || !selection.anchorNode || !target.contains(selection.anchorNode)) return null;
  const text = selection.anchorNode.nodeType === Node.TEXT_NODE ? (selection.anchorNode.textContent ?? '').slice(0, selection.anchorOffset) : '';
  return SHORTCUT_BEFORE_CARET.exec(text)?.[1] ?? null;
}

/** Selects the `length` characters before the caret, so that the insertion replaces them. */
export function selectBeforeCaret(target: HTMLElement, length: number): void {
  if (isTextField(target)) {
    const start = target.selectionStart ?? 0;
    target.setSelectionRange(start - length, start);
    return;
  }
  const selection = target.ownerDocument.getSelection();
  for (let i = 0; i < length; i++) selection?.modify('extend', 'backward', 'character');
}

function afterSelectionChange(doc: Document, then: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    doc.removeEventListener('selectionchange', onChange);
    // One more turn: the editors' own selectionchange listeners run before ours returns.
    setTimeout(then, 0);
  };
  const onChange = () => run();
  doc.addEventListener('selectionchange', onChange);
  setTimeout(run, 50); // no selectionchange (nothing moved): go ahead anyway
}

/**
 * Shortcut then Tab, in any text field of a console page: when the word before the caret is a snippet's
 * shortcut, Tab expands it instead of moving the focus. Any other Tab is left to the page.
 */
export function watchShortcuts(options: {
  doc: Document;
  signal: AbortSignal;
  find: (shortcut: string) => unknown;
  /** May finish later (the insert waits to see its text stay); the key itself is decided at once. */
  expand: (found: NonNullable<unknown>, target: HTMLElement, shortcut: string) => void | Promise<unknown>;
}): void {
  options.doc.addEventListener(
    'keydown',
    (event) => {
      // The agent's own Tab only: a page that fakes key events must not read snippets out of its fields.
      if (!event.isTrusted || event.key !== 'Tab' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
      const target = editableTarget(event);
      const word = target && wordBeforeCaret(target);
      const found = word ? options.find(word) : undefined;
      if (!target || !word || !found) return;
      event.preventDefault();
      event.stopPropagation();
      selectBeforeCaret(target, word.length);
      // Rich editors (ProseMirror, Slate, Lexical, Quill, Draft) copy the DOM selection into their model on
      // `selectionchange`, which comes after this handler: insert once it has, so the shortcut is replaced.
      if (isTextField(target)) {
        void options.expand(found, target, word);
        return;
      }
      const doc = target.ownerDocument;
      afterSelectionChange(doc, () => {
        if (doc.getSelection()?.toString() === word) return void options.expand(found, target, word);
        // An editor that draws its last keystroke a frame later (Trix) put its own caret back over the
        // selection: the shortcut is selected again, once, if it is still right before the caret.
        if (wordBeforeCaret(target) !== word) return;
        selectBeforeCaret(target, word.length);
        afterSelectionChange(doc, () => void options.expand(found, target, word));
      });
    },
    { capture: true, signal: options.signal },
  );
}
