/**
 * The composer on screen registers how to read its model; `window.__kefuDemo.composerText()` (demo/main.tsx)
 * reads it, so tests assert on the editor's own state and not on its DOM.
 */
let current: (() => string) | null = null;

/** Registers the current composer's reader; returns the function that unregisters it. */
export function registerComposerText(read: () => string): () => void {
  current = read;
  return () => {
    if (current === read) current = null;
  };
}

export function composerText(): string {
  return current?.() ?? '';
}
