/**
 * Where an insertion goes in a contenteditable editor: at the agent's caret.
 *
 * The sidebar's buttons keep the page's focus (their mousedown is prevented), so usually the caret is still
 * in the editor. When it is not (the agent clicked the sidebar's search box, or somewhere else on the page),
 * the editor's last selection is put back if we saw it, else the caret goes to the end. Rich editors that
 * keep their own selection model (ProseMirror, Quill, Draft.js) insert at that one whatever the DOM says;
 * Lexical, Slate and plain contenteditable read the DOM selection, so for them this restore matters.
 */

/** The outermost contenteditable element around (or at) `el`: the element the editor listens on. */
export function editingHost(el: HTMLElement): HTMLElement {
  let host = el;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

function hostOf(node: Node | null): HTMLElement | null {
  const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  const html = el?.closest<HTMLElement>('[contenteditable]');
  return html?.isContentEditable ? editingHost(html) : null;
}

// The last selection seen inside each editor, kept from `selectionchange` (weakly: editors come and go).
const lastRanges = new WeakMap<HTMLElement, Range>();
const watched = new WeakSet<Document>();

/**
 * Remembers each editor's last selection in `doc` until `signal` aborts. `insertText` starts this itself on
 * its first call; a content script that calls it at start-up also restores the caret on the first insert.
 */
export function rememberSelections(doc: Document, signal?: AbortSignal): void {
  if (watched.has(doc)) return;
  watched.add(doc);
  const remember = () => {
    const selection = doc.getSelection();
    if (!selection?.rangeCount) return;
    const range = selection.getRangeAt(0);
    const host = hostOf(range.commonAncestorContainer);
    if (host) lastRanges.set(host, range.cloneRange());
  };
  remember();
  doc.addEventListener('selectionchange', remember, { signal });
  // `selectionchange` is queued as a task, and changes close together send one: a caret moved just before a
  // click elsewhere would be reported only where the click put it. On `focusout` the editor still holds it.
  doc.addEventListener('focusout', remember, { capture: true, signal });
  // And under load the queued `selectionchange` of a key or a click may come after the next click has
  // moved the selection away: the end of each key and click is read at once, as it happens.
  doc.addEventListener('keyup', remember, { capture: true, signal });
  doc.addEventListener('mouseup', remember, { capture: true, signal });
  signal?.addEventListener('abort', () => watched.delete(doc), { once: true });
}

function selectionInside(host: HTMLElement): Range | null {
  const selection = host.ownerDocument.getSelection();
  if (!selection?.rangeCount) return null;
  const range = selection.getRangeAt(0);
  return host.contains(range.commonAncestorContainer) ? range.cloneRange() : null;
}

function usable(range: Range | undefined, host: HTMLElement): range is Range {
  return Boolean(range && host.contains(range.startContainer) && host.contains(range.endContainer));
}

/**
 * Focuses the editor with the caret where the agent left it (or at the end). The selection is read before
 * `focus()`, because Chrome moves the caret to the start of a contenteditable that gains focus from script.
 */
export function placeCaret(host: HTMLElement): void {
  const doc = host.ownerDocument;
  const range = selectionInside(host) ?? (usable(lastRanges.get(host), host) ? lastRanges.get(host)! : null);
  host.focus({ preventScroll: true });
  const selection = doc.getSelection();
  if (!selection) return;
  const now = selectionInside(host);
  const inPlace = range && now && range.compareBoundaryPoints(Range.START_TO_START, now) === 0 && range.compareBoundaryPoints(Range.END_TO_END, now) === 0;
  if (!inPlace) {
    selection.removeAllRanges();
    selection.addRange(range ?? endOf(host));
  }
  // Editors with their own selection model (ProseMirror, Slate, Quill) take the DOM caret into it on
  // `selectionchange`, which the browser sends a task later: the insert that follows at once would go where
  // their model still says. Telling them now makes the caret just put back the one they insert at.
  const view = doc.defaultView;
  if (view) doc.dispatchEvent(new view.Event('selectionchange'));
}

/**
 * A caret at the end of the editor's last text: editors map a DOM point inside their own text nodes to
 * their model (a point between block elements is one some of them, Lexical for one, resolve oddly).
 */
function endOf(host: HTMLElement): Range {
  const range = host.ownerDocument.createRange();
  const walker = host.ownerDocument.createTreeWalker(host, 4 /* NodeFilter.SHOW_TEXT */);
  let last: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node;
  if (last) {
    range.setStart(last, last.textContent?.length ?? 0);
    range.collapse(true);
  } else {
    range.selectNodeContents(host);
    range.collapse(false);
  }
  return range;
}
