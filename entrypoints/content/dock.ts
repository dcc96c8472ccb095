import { dockCss, type SidebarLayout } from '@/lib/dock';

/**
 * Gives the console the room the docked sidebar takes (lib/dock.ts): one <style> element of ours in the
 * page, rewritten when the sidebar opens, closes, moves or changes width, removed when the script stops.
 */
export function createDock(doc: Document, rootSelector: string) {
  let style: HTMLStyleElement | null = null;
  let css = '';
  let current: { side: string; px: number } = { side: '', px: -1 };
  const put = () => {
    if (!style) {
      style = doc.createElement('style');
      style.setAttribute('data-kefu-sidekick-dock', '');
    }
    style.textContent = css;
    // A console that rewrites its head must not take the room back: put it back when it is gone.
    if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
  };
  return {
    apply(side: SidebarLayout['side'], px: number) {
      // The same room again (the frame re-measured itself): nothing to restyle, no relayout for the page.
      if (side === current.side && px === current.px && style?.isConnected) return;
      current = { side, px };
      const root = doc.querySelector(rootSelector);
      // The rule depends on how the console lays its root out; read without our own rule in force.
      if (style) style.textContent = '';
      const position = root ? getComputedStyle(root).position : 'static';
      css = dockCss(rootSelector, position, side, px);
      put();
    },
    keep: () => {
      if (css && !style?.isConnected) put();
    },
    clear() {
      style?.remove();
      style = null;
      css = '';
      current = { side: '', px: -1 };
    },
  };
}
