import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Sidebar, type SidebarActions, type SidebarState } from '@/components/Sidebar';
import { t, uiLanguage } from '@/lib/i18n';
import { isQuickSearchKey, parseHostMessage, SIDEBAR_CHANNEL_KEY, sidebarHeight, type FrameMessage, type SidebarView } from '@/lib/sidebar-channel';
import { createSnippetIndex } from '@/lib/snippet-search';
import { createSuggester } from '@/lib/suggest';
import { defaultLayout } from '@/lib/dock';
import { defaultThresholds } from '@/lib/waiting';
import { createClient } from '@/lib/messaging';
import { conversationLanguage } from '@/lib/conversation-language';
import { defaultSettings, readSettings, type Settings } from '@/lib/settings';
import { loadSettings, settingsItem } from '@/lib/settings-store';
import type { AfterSaleContext } from '@/components/AfterSalePanel';
import type { FixablePart } from '@/lib/sites/custom/fix';
import { sitePattern } from '@/lib/sites/custom/schema';
import '@/components/after-sale.css';
import './style.css';

/**
 * The sidebar's frame: draws what the console page's content script (the host) sends, and sends back what
 * the agent does. It reads nothing of the page and inserts nothing itself: the host does both. See
 * lib/sidebar-channel.ts for why the sidebar lives in a frame of its own.
 */
document.documentElement.lang = uiLanguage();
document.title = t('sidebarTitle');
const app = document.getElementById('app')!;

let view: SidebarView = {
  collapsed: false,
  problems: [],
  layout: defaultLayout,
  health: null,
  conversation: null,
  snippets: null,
  phase: null,
  waits: [],
  waitsTotal: 0,
  thresholds: defaultThresholds,
  fillIn: null,
  notice: null,
  viewportHeight: innerHeight,
};
let received = false;
let searchToken = 0;
let waitsSince = Date.now();
let post: (message: FrameMessage) => void = () => undefined;

/**
 * A new search function only when the snippets, the phase or the buyer's last words change: the picker searches
 * again only then. A typed query searches the library; an empty box shows the snippets that answer what the
 * buyer asks first (lib/suggest.ts), then the rest in the search's order.
 */
let searchFor: { snippets: SidebarView['snippets']; phase: SidebarView['phase']; asks: SidebarView['asks']; search: SidebarActions['search'] } | null = null;
let indexFor: { snippets: SidebarView['snippets']; index: ReturnType<typeof createSnippetIndex>; suggester: ReturnType<typeof createSuggester> } | null = null;
const search = () => {
  if (searchFor?.snippets !== view.snippets || searchFor?.phase !== view.phase || searchFor?.asks !== view.asks) {
    // The index is built once per library: the buyer's words change far more often than the snippets.
    if (indexFor?.snippets !== view.snippets) {
      const index = createSnippetIndex(view.snippets ?? []);
      indexFor = { snippets: view.snippets, index, suggester: createSuggester(view.snippets ?? [], index) };
    }
    const { index, suggester } = indexFor;
    const { phase, asks } = view;
    searchFor = {
      snippets: view.snippets,
      phase,
      asks,
      search: (query) => (query.trim() === '' ? suggester.rank(asks ?? [], { phase, limit: 60 }) : index.search(query, { phase, limit: 60 })),
    };
  }
  return searchFor.search;
};

const actions: SidebarActions = {
  toggle: () => post({ type: 'toggle' }),
  insert: (snippet) => post({ type: 'insert', snippetId: snippet.id }),
  search: () => [],
  submitFillIn: (values) => post({ type: 'submitFillIn', values }),
  cancelFillIn: () => post({ type: 'cancelFillIn' }),
  backToInput: () => post({ type: 'backToInput' }),
  open: (waiting) => post({ type: 'open', conversationId: waiting.conversationId, key: waiting.key }),
  markOrder: () => post({ type: 'markOrder' }),
  layout: (layout) => post({ type: 'layout', layout }),
  insertText: (text) => post({ type: 'insertText', text }),
  guardSuggestion: (index) => post({ type: 'guardSuggestion', index }),
  fixByPointing: (parts) => void fixByPointing(parts),
  guardSendAnyway: () => post({ type: 'guardSendAnyway' }),
  guardEdit: () => post({ type: 'guardEdit' }),
  copyHealth: (report) => void copyText(report).then((copied) => {
    if (!copied) return;
    view = { ...view, notice: { kind: 'info', text: t('healthCopied') } };
    draw();
  }),
};

/** The clipboard from the frame (the host lets it: allow="clipboard-write"), else the old copy command. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    document.body.append(field);
    field.select();
    const done = document.execCommand('copy');
    field.remove();
    return done;
  }
}

/**
 * The after-sale tools talk to the worker themselves (cases live in its database); the frame is the
 * extension's own document, so it may. The shop's after-sale choices are read from the settings, kept fresh.
 */
const send = createClient((message) => browser.runtime.sendMessage(message));
let settings: Settings = defaultSettings;
void loadSettings().then((s) => ((settings = s), draw()));
settingsItem.watch((value) => ((settings = readSettings(value)), draw()));
let afterSale: AfterSaleContext | undefined;
const afterSaleContext = (): AfterSaleContext => {
  const lang = conversationLanguage(view.asks ?? [], uiLanguage());
  if (afterSale?.settings !== settings.afterSale || afterSale.lang !== lang || afterSale.library !== view.snippets) {
    afterSale = { send, settings: settings.afterSale, lang, ...(view.snippets ? { library: view.snippets } : {}) };
  }
  return afterSale;
};

/**
 * The console's own site is asked for (from this click: the request needs the agent's gesture), then the picker
 * starts in this tab for just the parts to point at again. The page's origin is the frame's parent's.
 */
async function fixByPointing(parts: FixablePart[]) {
  const parent = location.ancestorOrigins?.[0] ?? (document.referrer ? new URL(document.referrer).origin : '');
  if (!parent) return;
  const url = new URL(parent);
  const granted = await browser.permissions.request({ origins: [sitePattern(url)] }).catch(() => false);
  if (!granted) {
    view = { ...view, notice: { kind: 'error', text: t('teachRefused', url.hostname) } };
    return draw();
  }
  await send('picker.start', { fix: parts }).catch((error: Error) => {
    view = { ...view, notice: { kind: 'error', text: t('workerUnavailable', error.message) } };
    draw();
  });
}

function draw() {
  if (!received) return;
  actions.search = search();
  const state: SidebarState = { ...view, now: waitsSince, searchToken };
  render(
    <div class={`frame frame--${view.layout.side}${view.collapsed ? '' : ' frame--open'}`} style={{ '--sidebar-height': `${sidebarHeight(view.viewportHeight)}px`, '--sidebar-width': `${view.layout.width}px` }}>
      <Sidebar state={state} actions={actions} afterSale={afterSaleContext()} />
    </div>,
    app,
  );
}

// The host sizes the frame element to the content: the sidebar open, or only its tab.
new ResizeObserver(() => {
  const box = app.firstElementChild?.getBoundingClientRect();
  if (box) post({ type: 'size', width: Math.ceil(box.width), height: Math.ceil(box.height) });
}).observe(app);

/**
 * Letters typed right after Alt+K, before the search box has the focus: the sidebar opening from its tab
 * takes a frame or two, and the agent is already typing. They land on the frame's document, are kept, and
 * go into the box when it takes the focus (within a second, else they are let go).
 */
const typeAhead = (() => {
  let typed: string | null = null;
  let expires: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener(
    'keydown',
    (event) => {
      if (typed === null || event.isComposing || event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return;
      if ((event.target as Element).closest?.('input, textarea, [contenteditable]')) return;
      typed += event.key;
      event.preventDefault();
    },
    { capture: true },
  );
  document.addEventListener('focusin', (event) => {
    const box = event.target as HTMLInputElement;
    if (typed === null || !box.matches?.('.snippet-search')) return;
    const text = typed;
    typed = null;
    if (!text) return;
    box.value += text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return {
    start() {
      typed = '';
      clearTimeout(expires);
      expires = setTimeout(() => (typed = null), 1_000);
    },
  };
})();

// Alt+K inside the frame: the same quick search as from the page.
document.addEventListener(
  'keydown',
  (event) => {
    if (!isQuickSearchKey(event)) return;
    event.preventDefault();
    searchToken++;
    typeAhead.start();
    // Collapsed, the search box shows once the host has opened the sidebar; the token focuses it then.
    if (view.collapsed) post({ type: 'expand' });
    draw();
  },
  { capture: true },
);

/**
 * Waits for the host's end of the channel (lib/sidebar-channel.ts): the first message carrying this frame's
 * token and a port. Anything else posted to this window, by the page or anyone, is ignored.
 */
function connect() {
  const token = location.hash.slice(1);
  if (!token) return;
  let port: MessagePort | null = null;
  addEventListener('message', (event: MessageEvent) => {
    const data = event.data as Record<string, unknown> | null;
    if (port || event.source !== parent || typeof data !== 'object' || data?.[SIDEBAR_CHANNEL_KEY] !== token || !event.ports[0]) return;
    port = event.ports[0];
    const channel = port;
    post = (message) => channel.postMessage(message);
    channel.onmessage = (message: MessageEvent) => onHostMessage(message.data);
    post({ type: 'ready' });
  });
  // The extension was reloaded or removed under the page: this frame has nothing left to show.
  const check = setInterval(() => {
    if (browser.runtime?.id) return;
    clearInterval(check);
    render(null, app);
  }, 1_000);
}

/**
 * The host gives this frame the focus right before it asks for the search box; when the focus comes from
 * another frame of the page (a chat input in an iframe), it reaches this frame's process after the message,
 * and taking it empties this document's focus again. For half a second, the search box is focused again
 * whenever it lost the focus that way (the agent has not moved it: the box itself never had it since).
 */
function keepSearchFocused() {
  const until = Date.now() + 500;
  const check = () => {
    const box = document.querySelector<HTMLInputElement>('.snippet-search');
    if (box && document.activeElement === document.body) box.focus();
    if (Date.now() < until) setTimeout(check, 50);
  };
  setTimeout(check, 50);
}

function onHostMessage(raw: unknown) {
  const message = parseHostMessage(raw);
  if (!message) return;
  if (message.type === 'focusSearch') {
    searchToken++;
    typeAhead.start();
    keepSearchFocused();
  } else {
    if (message.view.waits) waitsSince = Date.now();
    view = { ...view, ...message.view };
    received = true;
  }
  draw();
}
connect();
