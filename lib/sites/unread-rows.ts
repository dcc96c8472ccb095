/**
 * The rows of a chat thread that may not have been read yet, oldest first, without walking the whole thread
 * on every read: threads grow to thousands of rows over a shift, and a console re-renders many times a
 * second. Chat threads grow at their end (new messages) and at their start (history loaded on scrolling
 * up), so the walk goes back from the newest row to the first one already read, and the whole thread is
 * walked only when its first row is new (history came in), when the rows are not the thread's own children,
 * or when `whole` asks for it (the caller's occasional full pass, for a row a console inserted in the middle).
 * Shared by the adapters; no site's selector here.
 */
export function unreadRows(thread: Element, row: string, idOf: (row: Element) => string | null, isRead: ((id: string) => boolean) | undefined, whole = false): Element[] {
  const all = () => [...thread.querySelectorAll(row)];
  if (!isRead || whole) return all();
  let first = thread.firstElementChild;
  while (first && !first.matches(row)) first = first.nextElementSibling;
  const firstId = first && idOf(first);
  if (!first || !firstId || !isRead(firstId)) return all();
  const fresh: Element[] = [];
  for (let el = thread.lastElementChild; el && el !== first; el = el.previousElementSibling) {
    if (!el.matches(row)) continue;
    const id = idOf(el);
    if (id && isRead(id)) break;
    fresh.push(el);
  }
  return fresh.reverse();
}
