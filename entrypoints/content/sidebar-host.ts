import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { t } from '@/lib/i18n';
import { parseFrameMessage, SIDEBAR_PORT_PREFIX, sidebarHeight, viewChanges, type FrameMessage, type HostMessage, type SidebarView } from '@/lib/sidebar-channel';

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
  position: fixed; z-index: 2147483600; top: 52px; right: 0; display: block; margin: 0; padding: 0; border: 0;
  background: transparent; color-scheme: normal;
}`;
/** Room the frame keeps around the open sidebar for its shadow (see .frame in entrypoints/sidebar/style.css). */
const OPEN_PADDING = { width: 28, height: 28 };
/** The collapsed tab's size until the frame has measured it. */
const TAB_GUESS = { width: 40, height: 120 };

export interface SidebarHost {
  /** Merges a change into the view; the frame gets the fields that changed. */
  update: (change: Partial<SidebarView>) => void;
  view: () => SidebarView;
  /** Moves the focus into the sidebar (before it focuses its search box or a fill-in form). */
  focus: () => void;
  /** The agent's quick-search shortcut, pressed in the page. */
  focusSearch: () => void;
}

export async function mountSidebar(ctx: ContentScriptContext, initial: Omit<SidebarView, 'viewportHeight'>, onAction: (action: FrameMessage) => void): Promise<SidebarHost> {
  let view: SidebarView = { ...initial, viewportHeight: innerHeight };
  /** What the connected frame has been sent; null until it said it is ready. */
  let sent: SidebarView | null = null;
  let port: Browser.runtime.Port | null = null;
  let frame: HTMLIFrameElement | null = null;
  // Only the frame this script made knows it: a copy of sidebar.html the page embeds itself cannot connect.
  // (getRandomValues, not randomUUID: the latter exists only in secure contexts, and a console may be plain http.)
  const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  // The polyfill's typings hide WXT's typed getURL (as in background/alerts.ts).
  const frameUrl = (browser.runtime as unknown as { getURL(path: string): string }).getURL('/sidebar.html');

  const send = (message: HostMessage) => port?.postMessage(message);
  const flush = () => {
    if (!port) return;
    const change = viewChanges(sent, view);
    sent = view;
    if (Object.keys(change).length) send({ type: 'view', view: change });
  };
  const sizeGuess = () => (view.collapsed ? TAB_GUESS : { width: 300 + OPEN_PADDING.width, height: sidebarHeight(view.viewportHeight) + OPEN_PADDING.height });
  const resize = (size: { width: number; height: number }) => {
    if (!frame) return;
    frame.style.width = `${size.width}px`;
    frame.style.height = `${size.height}px`;
  };

  const ui: ShadowRootContentScriptUi<void> = await createShadowRootUi(ctx, {
    name: 'kefu-sidekick',
    css: FRAME_CSS,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Closed: the page cannot read the frame's address, and with it the token.
    mode: 'closed',
    onMount(container) {
      frame = document.createElement('iframe');
      frame.src = `${frameUrl}#${token}`;
      frame.title = t('sidebarTitle');
      resize(sizeGuess());
      container.append(frame);
    },
    onRemove() {
      frame?.remove();
      frame = null;
    },
  });

  const onConnect = (incoming: Browser.runtime.Port) => {
    if (!incoming.name.startsWith(SIDEBAR_PORT_PREFIX)) return;
    if (incoming.name !== SIDEBAR_PORT_PREFIX + token || !incoming.sender?.url?.startsWith(frameUrl)) return incoming.disconnect();
    port?.disconnect();
    port = incoming;
    sent = null;
    incoming.onMessage.addListener((raw: unknown) => {
      const message = parseFrameMessage(raw);
      if (!message) return;
      if (message.type === 'ready') flush();
      else if (message.type === 'size') resize(message);
      else onAction(message);
    });
    incoming.onDisconnect.addListener(() => {
      if (port === incoming) port = null;
    });
  };
  browser.runtime.onConnect.addListener(onConnect);
  const onResize = () => host.update({ viewportHeight: innerHeight });
  addEventListener('resize', onResize);
  ctx.onInvalidated(() => {
    browser.runtime.onConnect.removeListener(onConnect);
    removeEventListener('resize', onResize);
    port?.disconnect();
  });

  ui.mount();
  keepMounted(ctx, ui);

  const host: SidebarHost = {
    update(change) {
      const before = view;
      view = { ...view, ...change };
      if (before.collapsed !== view.collapsed && !view.collapsed) resize(sizeGuess());
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
