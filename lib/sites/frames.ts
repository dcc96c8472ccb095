/**
 * Some consoles put their chat input in an iframe of their own origin (an editor in `srcdoc`, an
 * `about:blank` frame it writes into). The content script runs in the console's top frame and reaches
 * into those frames' documents directly: same-origin frames are as much the console's page as its top
 * document. Cross-origin frames are out of reach and skipped (their document reads as null).
 */
const MAX_DEPTH = 2;

/** The documents of `doc`'s same-origin frames, nested ones too (two levels). */
export function sameOriginFrames(doc: Document, depth = MAX_DEPTH): Document[] {
  if (depth <= 0) return [];
  const found: Document[] = [];
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (inner) found.push(inner, ...sameOriginFrames(inner, depth - 1));
  }
  return found;
}

/** The first element matching `selector` in `doc`, or else in one of its same-origin frames. */
export function queryDeep<E extends Element = Element>(doc: Document, selector: string): E | null {
  const here = doc.querySelector<E>(selector);
  if (here) return here;
  for (const inner of sameOriginFrames(doc)) {
    const there = inner.querySelector<E>(selector);
    if (there) return there;
  }
  return null;
}
