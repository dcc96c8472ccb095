import { execInsertText } from './exec-command';
import { placeCaret } from './selection';
import type { Snapshot, Strategy } from './strategy';

/**
 * Puts the caret where the text goes (selection.ts: where the agent left it) and notes the editor's text and
 * that caret, to put it back after a strategy whose text did not stay. The caret is noted as points (node
 * and offset), not as a live Range: an editor that reverts a foreign change by rewriting its text node would
 * leave a live Range collapsed at the node's start. An editor that re-renders puts new nodes in place of
 * the old: then the caret goes back by its place in the text, if the text is what it was.
 */
export function prepareContentEditable(host: HTMLElement): Snapshot {
  placeCaret(host);
  const doc = host.ownerDocument;
  const selection = doc.getSelection();
  const range = selection?.rangeCount ? selection.getRangeAt(0) : null;
  const text = host.textContent ?? '';
  if (!selection || !range || !host.contains(range.commonAncestorContainer)) return { text, reselect: () => undefined };
  const start = { node: range.startContainer, offset: range.startOffset, at: textOffset(host, range.startContainer, range.startOffset) };
  const end = { node: range.endContainer, offset: range.endOffset, at: textOffset(host, range.endContainer, range.endOffset) };
  return {
    text,
    reselect: () => {
      const back = doc.createRange();
      if ([start, end].every(({ node, offset }) => host.contains(node) && offset <= nodeLength(node))) {
        back.setStart(start.node, start.offset);
        back.setEnd(end.node, end.offset);
      } else if ((host.textContent ?? '') === text) {
        back.setStart(...textPoint(host, start.at));
        back.setEnd(...textPoint(host, end.at));
      } else {
        return;
      }
      selection.removeAllRanges();
      selection.addRange(back);
    },
  };
}

function nodeLength(node: Node): number {
  return node.nodeType === 1 ? node.childNodes.length : (node.textContent ?? '').length;
}

/** How many characters of the editor's text come before a point. */
function textOffset(host: HTMLElement, node: Node, offset: number): number {
  const before = host.ownerDocument.createRange();
  before.selectNodeContents(host);
  before.setEnd(node, offset);
  return before.toString().length;
}

/** The point `at` characters into the editor's text, inside a text node (where editors map it back). */
function textPoint(host: HTMLElement, at: number): [Node, number] {
  const walker = host.ownerDocument.createTreeWalker(host, 4 /* NodeFilter.SHOW_TEXT */);
  let left = at;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).data.length;
    if (left <= length) return [node, left];
    left -= length;
  }
  return [host, host.childNodes.length];
}

/**
 * `execCommand('insertText')` into any contenteditable: the last strategy, for plain ones (JD's chat input)
 * and for editors that took no synthetic event. It keeps the browser's undo and fires the trusted
 * `beforeinput`/`input` the page listens to. It must come after the rich editors' own strategies: those
 * editors own a model that a native edit either bypasses (Draft.js renders it away) or confuses (Slate
 * cannot map it back), and then the text shows for a moment and is gone.
 */
export const execCommandIntoContentEditable: Strategy = {
  name: 'execCommand',
  run: (host, text) => host.isContentEditable && execInsertText(host.ownerDocument, text),
  /**
   * When the text is neither gone nor there (the editor kept part of the edit, or mangled it), one undo of
   * the browser's: that takes back the browser's own edit. Not taken back: whatever the editor did to its
   * model in answer to the trusted events, unless the editor undoes through the same command (an editor
   * that handles `historyUndo` runs its own undo, which is the same step when the insert reached its
   * model). When the editor already threw the text away, nothing is undone: there is nothing to undo.
   */
  undo: (host, before) => {
    if ((host.textContent ?? '') === before.text) return;
    try {
      host.ownerDocument.execCommand('undo');
    } catch {
      /* no undo in this browser: the caller sees the text is not back and stops */
    }
  },
};
