import type { ComposerHandle, ComposerOptions } from './types';
import './composers.css';

/**
 * A hostile rich editor of our own (no library), as strict as the strictest real ones. It exists to prove
 * that the extension never claims an insertion that did not stay: text put into its DOM in any way but
 * real typing shows for a moment and is then gone, from the screen and from what Send sends.
 *
 * - Its text lives in its own model (text and selection); the contenteditable is drawn from that model.
 * - It takes in only trusted input: the browser's `beforeinput` for typing, line breaks, deletions and a
 *   real paste or drop (a key or a paste behind it), applied to the model at the caret, with the browser's
 *   own edit cancelled.
 * - Synthetic (untrusted) `paste` and `beforeinput` are ignored, not cancelled: they have no default
 *   action, so they change nothing.
 * - Any DOM change it did not make (`execCommand('insertText')`, a script's text node) is put back from the
 *   model on the next animation frame, the caret where the model says. An IME's composition is let through
 *   until it ends, then its committed text goes into the model.
 */
export function mount(host: HTMLElement, options: ComposerOptions): ComposerHandle {
  const doc = host.ownerDocument;
  const win = doc.defaultView!;
  const root = doc.createElement('div');
  root.className = 'composer-library composer-library--reverting';
  root.contentEditable = 'true';
  root.setAttribute('role', 'textbox');
  root.setAttribute('aria-multiline', 'true');
  root.setAttribute('aria-label', options.placeholder);
  root.dataset.placeholder = options.placeholder;
  // The model's offsets are the text's own: its newlines must stay characters on screen, whatever styles apply.
  root.style.whiteSpace = 'pre-wrap';
  host.append(root);

  const model = { text: '', start: 0, end: 0 };
  // The only nodes ever drawn: the text, and a <br> that gives a trailing newline a line to show on. Kept
  // from one draw to the next, as an editor that reconciles its DOM does, so a remembered caret stays valid.
  const textNode = doc.createTextNode('');
  const lineEnd = doc.createElement('br');
  /** The DOM holds changes not made here; until they are put back, the DOM's caret means nothing to the model. */
  let dirty = false;
  let frame = 0;
  /** The model's selection when an IME composition began: the committed text replaces it. */
  let composition: { start: number; end: number } | null = null;

  const observer = new MutationObserver(() => revertSoon());

  function draw() {
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    if (textNode.data !== model.text) textNode.data = model.text;
    const wanted: Node[] = [...(model.text ? [textNode] : []), ...(model.text.endsWith('\n') ? [lineEnd] : [])];
    const drawn = root.childNodes;
    if (drawn.length !== wanted.length || wanted.some((node, i) => drawn[i] !== node)) root.replaceChildren(...wanted);
    // What was just drawn is the model itself, not a change to put back.
    observer.takeRecords();
    dirty = false;
    if (doc.activeElement !== root) return;
    const at = (offset: number): [Node, number] => (model.text ? [textNode, offset] : [root, 0]);
    win.getSelection()?.setBaseAndExtent(...at(model.start), ...at(model.end));
  }

  function revertSoon() {
    dirty = true;
    if (composition || frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  }

  function replace(start: number, end: number, inserted: string) {
    model.text = model.text.slice(0, start) + inserted + model.text.slice(end);
    model.start = model.end = start + inserted.length;
    draw();
    options.onChange(model.text);
  }

  /** A DOM point as an offset in the model's text; null where the model has no such point. */
  function offsetOf(node: Node | null, offset: number): number | null {
    if (node === textNode) return Math.min(offset, model.text.length);
    if (node === root) return offset === 0 ? 0 : model.text.length;
    return null;
  }

  function readSelection() {
    if (dirty) return;
    const selection = win.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const anchor = offsetOf(selection.anchorNode, selection.anchorOffset);
    const focus = offsetOf(selection.focusNode, selection.focusOffset);
    if (anchor === null || focus === null) return;
    model.start = Math.min(anchor, focus);
    model.end = Math.max(anchor, focus);
  }

  /** The range the browser means to change, in the model; the model's selection if it names nodes not drawn here. */
  function targetRange(event: InputEvent): [number, number] {
    const range = event.getTargetRanges()[0];
    const start = range ? offsetOf(range.startContainer, range.startOffset) : null;
    const end = range ? offsetOf(range.endContainer, range.endOffset) : null;
    return start === null || end === null ? [model.start, model.end] : [Math.min(start, end), Math.max(start, end)];
  }

  /**
   * The agent's hand is on it: a key held down, or a real paste or drop, in this very task. Firefox sends a
   * trusted `beforeinput` for a script's `execCommand('insertText')` too (Chrome sends none): there, without
   * a key or a paste behind it, that one is not typing, and its edit is put back like any other. (Not asked
   * in Chrome, where text committed without a key, as a test types Chinese, comes with no keydown.)
   */
  const keyOrPasteNeeded = /Firefox\//.test(win.navigator.userAgent);
  let byHand = false;
  const handNow = (event: Event) => {
    if (!event.isTrusted) return;
    byHand = true;
    win.setTimeout(() => (byHand = false), 0);
  };

  function onBeforeInput(event: InputEvent) {
    if (!event.isTrusted || (keyOrPasteNeeded && !byHand) || event.inputType === 'insertCompositionText') return;
    event.preventDefault();
    // Foreign text still on screen: the browser's range counts it, so it is put back and the model's caret used.
    const foreign = dirty;
    if (foreign) draw();
    const [start, end] = foreign ? [model.start, model.end] : targetRange(event);
    const type = event.inputType;
    if (type === 'insertText' || type === 'insertReplacementText' || type === 'insertFromPaste' || type === 'insertFromDrop') {
      const text = (event.data ?? event.dataTransfer?.getData('text/plain') ?? '').replace(/\r\n?/g, '\n');
      if (text) replace(start, end, text);
    } else if (type === 'insertParagraph' || type === 'insertLineBreak') {
      replace(start, end, '\n');
    } else if (type.startsWith('delete')) {
      if (start !== end) replace(start, end, '');
      else if (type.includes('Backward') && start > 0) replace(start - charBefore(model.text, start), start, '');
      else if (type.includes('Forward') && start < model.text.length) replace(start, start + charAfter(model.text, start), '');
    }
    // Anything else (formatting, the browser's own undo) is cancelled and changes nothing: this editor has none.
  }

  function onCompositionStart() {
    if (dirty) draw();
    composition = { start: model.start, end: model.end };
  }

  function onCompositionEnd(event: CompositionEvent) {
    const began = composition ?? { start: model.start, end: model.end };
    composition = null;
    if (event.data) replace(began.start, began.end, event.data);
    else draw();
  }

  observer.observe(root, { childList: true, characterData: true, subtree: true });
  doc.addEventListener('selectionchange', readSelection);
  // `selectionchange` comes a task after the caret moved; the end of a key press or click reads it at once,
  // so a change made right after one (a script's) meets a model whose caret is where the agent put it.
  root.addEventListener('keyup', readSelection);
  root.addEventListener('mouseup', readSelection);
  for (const type of ['keydown', 'paste', 'drop']) root.addEventListener(type, handNow, true);
  root.addEventListener('beforeinput', onBeforeInput);
  root.addEventListener('compositionstart', onCompositionStart);
  root.addEventListener('compositionend', onCompositionEnd);

  return {
    text: () => model.text,
    clear: () => {
      model.text = '';
      model.start = model.end = 0;
      draw();
      options.onChange('');
    },
    destroy: () => {
      if (frame) win.cancelAnimationFrame(frame);
      observer.disconnect();
      doc.removeEventListener('selectionchange', readSelection);
      root.remove();
    },
  };
}

/** The length in UTF-16 units of the character before `at` (2 for one outside the BMP, such as an emoji). */
function charBefore(text: string, at: number): number {
  return at >= 2 && /[\uDC00-\uDFFF]/.test(text[at - 1]!) && /[\uD800-\uDBFF]/.test(text[at - 2]!) ? 2 : 1;
}

function charAfter(text: string, at: number): number {
  return /[\uD800-\uDBFF]/.test(text[at] ?? '') && /[\uDC00-\uDFFF]/.test(text[at + 1] ?? '') ? 2 : 1;
}
