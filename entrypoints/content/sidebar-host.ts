import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { t } from '@/lib/i18n';
import { randomToken } from './random-token';
import { dockedWidth } from '@/lib/dock';
import { parseFrameMessage, SIDEBAR_CHANNEL_KEY, viewChanges, type FrameMessage, type HostMessage, type SidebarView } from '@/lib/sidebar-channel';
import { createDock } from './dock';

/**
 * The sidebar's place on the console page: a closed shadow root holding one frame of the extension's
 * (sidebar.html), which draws the sidebar in the extension's own process. The page's main thread then pays
 * for no layout, paint or script of the sidebar, only for compositing one frame; and the page can neither
 * read the sidebar nor click into it. This side keeps the view, sends what changed, and hands the agent's
 * actions to `onAction`. See lib/sidebar-channel.ts for the channel.
 */
const FRAME_CSS = `
:host { all: initial; }
iframe {
  position: fixed; z-index: 2147483600; top: 0; height: 100vh; display: block; margin: 0; padding: 0; border: 0;
  background: transparent; color-scheme: normal;
}`;
/** Marks the sidebar's host element on the page. */
export const SIDEBAR_HOST_ATTRIBUTE = 'data-kefu-sidekick';

export interface SidebarHost {
  /** Merges a change into the view; the frame gets the fields that changed. */
  update: (change: Partial<SidebarView>) => void;
  view: () => SidebarView;
  /** Moves the focus into the sidebar (before it focuses its search box or a fill-in form). */
  focus: () => void;
  /** The agent's quick-search shortcut, pressed in the page. */
  focusSearch: () => void;
}

/**
 * `onFrameGone`: the frame loaded again (reloaded, or emptied because the extension went away under the page).
 */
export async function mountSidebar(
  ctx: ContentScriptContext,
  initial: Omit<SidebarView, 'viewportHeight'>,
  onAction: (action: FrameMessage) => void,
  onFrameGone: () => void = () => undefined,
  /** The console's element that is narrowed to make room for the docked sidebar. */
  dockRoot = 'body',
): Promise<SidebarHost> {
  const dock = createDock(document, dockRoot);
  let view: SidebarView = { ...initial, viewportHeight: innerHeight };
  /** What the connected frame has been sent; null until it said it is ready. */
  let sent: SidebarView | null = null;
  let port: MessagePort | null = null;
  let frame: HTMLIFrameElement | null = null;
  // Only the frame this script made knows it: the frame takes the channel only from a message carrying the
  // token of its own address, so a port the page posts to it is ignored (see lib/sidebar-channel.ts).
  let token = randomToken();
  // The polyfill's typings hide WXT's typed getURL (as in background/alerts.ts).
  const frameUrl = (browser.runtime as unknown as { getURL(path: string): string }).getURL('/sidebar.html');
  const frameOrigin = new URL(frameUrl).origin;

  const send = (message: HostMessage) => {
    try {
      port?.postMessage(message);
    } catch {
      // Nothing can be cloned or sent any more (the script is being torn down): the orphan check takes it from here.
      port = null;
      onFrameGone();
    }
  };
  const flush = () => {
    if (!port) return;
    const change = viewChanges(sent, view);
    sent = view;
    if (Object.keys(change).length) send({ type: 'view', view: change });
  };
  /** The frame on its side, as wide as the sidebar (or its tab), and the console moved out of its way. */
  const place = (width = dockedWidth(view.layout, view.collapsed)) => {
    if (!frame) return;
    const { side } = view.layout;
    frame.style.width = `${width}px`;
    frame.style.setProperty(side, '0');
    frame.style.setProperty(side === 'right' ? 'left' : 'right', 'auto');
    dock.apply(side, width);
  };

  const ui: ShadowRootContentScriptUi<void> = await createShadowRootUi(ctx, {
    // A plain <div>, not a custom element: a page that defines an element's name before we create it can
    // get even a closed shadow root through attachInternals(); a <div> is nobody's to define.
    name: 'div',
    css: FRAME_CSS,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Closed: the page cannot read the frame's address, and with it the token.
    mode: 'closed',
    onMount(container) {
      token = randomToken();
      frame = document.createElement('iframe');
      // Each load of the frame's document (the first, or a reload) gets a channel of its own.
      frame.addEventListener('load', () => connect(frame));
      frame.src = `${frameUrl}#${token}`;
      frame.title = t('sidebarTitle');
      // The health report is copied from inside the frame.
      frame.allow = 'clipboard-write';
      container.append(frame);
      place();
    },
    onRemove() {
      frame?.remove();
      frame = null;
    },
  });

  /**
   * Hands the frame's document one end of a new channel. Posted to the extension's origin only: should the
   * page have navigated the frame elsewhere, the message is not delivered; and the port travels inside the
   * message, never through the page's window. Both ends live in the extension (this script and its frame).
   */
  const connect = (loaded: HTMLIFrameElement | null) => {
    const target = loaded?.contentWindow;
    if (!target || loaded !== frame) return;
    if (port) onFrameGone();
    port?.close();
    const channel = new MessageChannel();
    port = channel.port1;
    sent = null;
    port.onmessage = (event: MessageEvent) => {
      const message = parseFrameMessage(event.data);
      if (!message) return;
      if (message.type === 'ready') flush();
      // The frame measured its content (the open sidebar, or only its tab): exactly that much room.
      else if (message.type === 'size') place(Math.ceil(message.width));
      else onAction(message);
    };
    target.postMessage({ [SIDEBAR_CHANNEL_KEY]: token }, frameOrigin, [channel.port2]);
  };
  const onResize = () => {
    host.update({ viewportHeight: innerHeight });
    dock.keep();
  };
  addEventListener('resize', onResize);
  ctx.onInvalidated(() => {
    removeEventListener('resize', onResize);
    // Stopped (the extension went away, or was switched off): the console gets its room back.
    dock.clear();
    port?.close();
    port = null;
  });

  // A name for tests and for people reading the page's DOM; the page could find the host anyway.
  ui.shadowHost.setAttribute(SIDEBAR_HOST_ATTRIBUTE, '');
  ui.mount();
  keepMounted(ctx, ui);

  const host: SidebarHost = {
    update(change) {
      const before = view;
      view = { ...view, ...change };
      if (before.collapsed !== view.collapsed || before.layout !== view.layout) place();
      flush();
    },
    view: () => view,
    focus: () => frame?.focus(),
    focusSearch() {
      frame?.focus();
      send({ type: 'focusSearch' });
    },
  };
  return host;
}

/**
 * Single-page consoles sometimes wipe the body's children or replace the body; put the sidebar back when
 * that happens. Only those two lists are watched: the sidebar is a child of the body, and a console adds
 * elements deep inside it many times a second.
 */
function keepMounted(ctx: ContentScriptContext, ui: ShadowRootContentScriptUi<void>): void {
  const observer = new MutationObserver(() => {
    if (!ui.shadowHost.isConnected && document.body) {
      ui.remove();
      ui.mount();
    }
    watch();
  });
  const watch = () => {
    observer.disconnect();
    observer.observe(document.documentElement, { childList: true });
    if (document.body) observer.observe(document.body, { childList: true });
  };
  watch();
  ctx.onInvalidated(() => {
    observer.disconnect();
    ui.remove();
  });
}
