import { sameOriginFrames } from '../frames';

/**
 * Selector paths of custom adapters. Web-component consoles keep their parts inside open shadow roots,
 * which no CSS selector enters: a path is CSS selectors joined by `>>>`, each `>>>` crossing into the
 * open shadow root of the elements matched so far, e.g. `chat-app >>> chat-composer >>> textarea`.
 * A path without `>>>` is a plain selector. Like lib/sites/frames.ts queryDeep, a path is looked for in
 * the page and in its same-origin frames. Nothing here throws: a selector the browser rejects matches nothing.
 */
export const SHADOW_SEPARATOR = '>>>';

/** Where a selector is evaluated: a document, an open shadow root, or an element (row-relative parts). */
type Scope = Document | DocumentFragment | Element;

/** The CSS selectors of a path, in order; an empty one (`a >>>`) makes the path invalid. */
export function splitPath(path: string): string[] {
  return path.split(SHADOW_SEPARATOR).map((s) => s.trim());
}

/** Joins selectors into a path, each step after the first inside the previous step's shadow root. */
export function joinPath(steps: readonly string[]): string {
  return steps.join(` ${SHADOW_SEPARATOR} `);
}

function selectAll(scope: Scope, selector: string): Element[] {
  try {
    return [...scope.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/** Every element `path` names starting from `scopes`, in the scopes' order then document order, each once. */
export function queryAllFrom(scopes: readonly Scope[], path: string): Element[] {
  const steps = splitPath(path);
  if (steps.some((s) => !s)) return [];
  let current: Scope[] = [...scopes];
  for (const [i, step] of steps.entries()) {
    const found = current.flatMap((scope) => selectAll(scope, step));
    if (i === steps.length - 1) return [...new Set(found)];
    current = found.map((host) => host.shadowRoot).filter((root): root is ShadowRoot => root !== null);
  }
  return [];
}

/** Every element `path` names in `doc` and its same-origin frames. */
export function queryAllDeepPath<E extends Element = Element>(doc: Document, path: string): E[] {
  return queryAllFrom([doc, ...sameOriginFrames(doc)], path) as E[];
}

/** The first element `path` names in `doc` or one of its same-origin frames. */
export function queryDeepPath<E extends Element = Element>(doc: Document, path: string): E | null {
  // A plain selector (the usual case, checked often): the first match, without listing them all.
  if (!path.includes(SHADOW_SEPARATOR)) {
    try {
      return doc.querySelector<E>(path) ?? sameOriginFrames(doc).reduce<E | null>((found, inner) => found ?? inner.querySelector<E>(path), null);
    } catch {
      return null;
    }
  }
  return (queryAllDeepPath<E>(doc, path)[0] as E | undefined) ?? null;
}

/** How many elements `path` names on the page: what the picker shows, live, next to each part. */
export function countMatches(doc: Document, path: string): number {
  return queryAllDeepPath(doc, path).length;
}

/** The elements a row-relative `path` names inside `row` (and inside shadow roots under it, with `>>>`). */
export function queryAllWithin(row: Element, path: string): Element[] {
  return queryAllFrom([row], path);
}

/** Whether every selector of `path` is one `doc`'s browser accepts. */
export function isValidPath(doc: Document, path: string): boolean {
  const probe = doc.createDocumentFragment();
  return splitPath(path).every((step) => {
    if (!step) return false;
    try {
      probe.querySelector(step);
      return true;
    } catch {
      return false;
    }
  });
}
