import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Sidebar, type SidebarActions, type SidebarState } from '@/components/Sidebar';
import { rememberSelections } from '@/lib/editors';
import { t, uiLanguage } from '@/lib/i18n';
import { createClient } from '@/lib/messaging';
import { createBuyerWords } from '@/lib/buyer-words';
import { createFrameRider, createTickClock } from '@/lib/frame-rider';
import { guessPhase } from '@/lib/phase';
import { parseRequest } from '@/lib/protocol';
import { readSettings } from '@/lib/settings';
import { createSnippetIndex, type SnippetIndex } from '@/lib/snippet-search';
import { loadSettings, settingsItem, updateSettings } from '@/lib/settings-store';
import { adapterForUrl, siteMatchPatterns } from '@/lib/sites/registry';
import type { Phase, Snippet } from '@/lib/snippet';
import { alertLevel, nextCrossing, type Waiting } from '@/lib/waiting';
import { beep } from './beep';
import { watchPage } from './page-watcher';
import { watchShortcuts } from './shortcuts';
import { createInserter, type InsertOutcome } from './snippet-inserter';
import sidebarCss from './style.css?inline';

const send = createClient((message) => browser.runtime.sendMessage(message));
/** The longest a routine redraw of the sidebar waits for the page to redraw too. */
const RIDE_GRACE_MS = 250;

export default defineContentScript({
  matches: siteMatchPatterns(),
  // The sidebar's CSS is inlined into its shadow root: no web-accessible resource for pages to probe.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const adapter = adapterForUrl(location.href);
    if (!adapter) return;
    let settings = await loadSettings();
    if (settings.disabledSites.includes(adapter.id)) return;

    let state: SidebarState = {
      collapsed: settings.sidebarCollapsed,
      problems: [],
      conversation: null,
      snippets: null,
      notice: null,
      waits: [],
      now: Date.now(),
      thresholds: settings.thresholds,
      fillIn: null,
      searchToken: 0,
    };
    let pendingTarget: HTMLElement | null = null;
    const snippetsHere = (all: Snippet[]) => all.filter((s) => !s.sites?.length || s.sites.includes(adapter.id));
    let container: HTMLElement | null = null;
    // The sidebar's routine redraws (count-up, new waits) join the page's own frames; see lib/frame-rider.ts.
    const rider = createFrameRider(RIDE_GRACE_MS);
    const clock = createTickClock(rider);
    // Any change, text too (a console's own clocks tick in place): the page's frame follows it.
    const pageChanges = new MutationObserver(rider.pageChanged);
    pageChanges.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    ctx.onInvalidated(() => {
      pageChanges.disconnect();
      rider.cancel();
    });
    const update = (change: Partial<SidebarState>) => {
      state = { ...state, ...change };
      if (container) render(<Sidebar state={state} actions={actions} clock={clock} />, container);
    };
    const shop = () => ({ site: adapter.id, shopId: adapter.shopId(document) ?? '' });
    const actions: SidebarActions = {
      toggle: () => {
        update({ collapsed: !state.collapsed });
        void updateSettings({ sidebarCollapsed: state.collapsed });
      },
      insert: (snippet: Snippet) => void insertAndTell(snippet),
      search: () => [],
      submitFillIn: (values: Record<string, string>) => {
        const request = state.fillIn;
        if (!request) return;
        update({ fillIn: null });
        if (values.agentName && !settings.agentName) void updateSettings({ agentName: values.agentName });
        insertAndTell(request.snippet, pendingTarget ?? undefined, values);
      },
      cancelFillIn: () => {
        update({ fillIn: null });
        (pendingTarget ?? adapter.findInput(document))?.focus();
      },
      backToInput: () => adapter.findInput(document)?.focus(),
      open: (waiting: Waiting) => {
        adapter.openConversation(document, waiting.conversationId);
      },
      markOrder: () => {
        const conversation = state.conversation;
        if (!conversation) return;
        const at = Date.now();
        const event = {
          id: `${adapter.id}:${shop().shopId}:marked-order:${conversation.conversationId}:${at}`,
          ...shop(),
          conversationId: conversation.conversationId,
          buyerName: conversation.buyerName,
          type: 'order' as const,
          sender: 'system' as const,
          auto: false,
          at,
          atSource: 'seen' as const,
          text: '',
        };
        send('chat.events', { ...shop(), events: [event] }).then(
          ({ waits }) => {
            setWaits(waits);
            update({ notice: { kind: 'info', text: t('orderMarked') } });
          },
          (error: Error) => update({ notice: { kind: 'error', text: t('workerUnavailable', error.message) } }),
        );
      },
    };

    const insert = createInserter({
      adapter,
      doc: document,
      conversation: () => state.conversation,
      agentName: () => settings.agentName,
      locale: uiLanguage,
      askFor: ({ snippet, missing, target }) => {
        pendingTarget = target;
        update({ collapsed: false, fillIn: { snippet, missing } });
      },
    });
    const NOTICES: Record<InsertOutcome, SidebarState['notice']> = {
      inserted: { kind: 'info', text: t('insertDone') },
      'needs-input': null,
      'no-input': { kind: 'error', text: t('insertNoInput') },
      failed: { kind: 'error', text: t('insertFailed') },
    };
    const insertAndTell = (snippet: Snippet, target?: HTMLElement, typed?: Record<string, string>): InsertOutcome => {
      const outcome = insert(snippet, target, typed);
      update({ notice: NOTICES[outcome] });
      if (outcome === 'inserted') void send('snippets.used', { id: snippet.id }).catch(() => undefined);
      return outcome;
    };
    /**
     * The search the sidebar runs: over this site's snippets, the open conversation's phase first. A new
     * function whenever the library or the phase changes, and only then: the picker searches again when it
     * gets a new one, not on every redraw of the sidebar.
     */
    let phase: Phase | null = null;
    let index = createSnippetIndex([]);
    const buyerWords = createBuyerWords();
    const setSearch = (nextIndex: SnippetIndex, nextPhase: Phase | null) => {
      [index, phase] = [nextIndex, nextPhase];
      actions.search = (query: string) => nextIndex.search(query, { phase: nextPhase, limit: 60 });
    };
    /** The phase from the open conversation's order and its buyer's last words (fitting snippets rank first). */
    const refreshPhase = () => {
      const conversation = state.conversation;
      const next = guessPhase(conversation, conversation ? buyerWords.of(conversation.conversationId) : []);
      if (next === phase) return;
      setSearch(index, next);
      update({});
    };

    const ui = await createShadowRootUi(ctx, {
      name: 'kefu-sidekick',
      css: sidebarCss,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      // Typing in the sidebar must not reach the page's own keyboard shortcuts.
      isolateEvents: true,
      onMount(uiContainer) {
        container = uiContainer;
        update({});
      },
      onRemove() {
        if (container) render(null, container);
        container = null;
      },
    });
    ui.mount();
    keepMounted(ctx, ui);

    const loadSnippets = () =>
      send('snippets.list', {})
        .then((all) => {
          const snippets = snippetsHere(all);
          setSearch(createSnippetIndex(snippets), phase);
          update({ snippets });
        })
        .catch((error: Error) => update({ snippets: state.snippets ?? [], notice: { kind: 'error', text: t('workerUnavailable', error.message) } }));
    void loadSnippets();

    let pendingWaits: Waiting[] = state.waits;
    const alerts = watchThresholds(ctx, () => pendingWaits, () => settings, (now) => update({ waits: pendingWaits, now }));
    let waitsKey = '';
    const setWaits = (waits: Waiting[]) => {
      const key = waits.map((w) => `${w.key}\u0000${w.since}`).join('\u0001');
      if (key === waitsKey) return;
      waitsKey = key;
      pendingWaits = waits;
      rider.schedule(() => {
        if (pendingWaits !== state.waits) update({ waits: pendingWaits, now: Date.now() });
      });
      alerts.rearm();
    };
    settingsItem.watch((value) => {
      settings = readSettings(value);
      update({ thresholds: settings.thresholds });
      alerts.rearm();
    });

    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    // The caret of every editor, remembered as the agent types: a click in the sidebar takes the focus away.
    rememberSelections(document, controller.signal);
    watchShortcuts({
      doc: document,
      signal: controller.signal,
      find: (shortcut) => state.snippets?.find((s) => s.shortcut?.toLowerCase() === shortcut.toLowerCase()),
      expand: (snippet, target) => void insertAndTell(snippet as Snippet, target),
    });
    // Alt+K: the quick search, from anywhere on the console page.
    document.addEventListener(
      'keydown',
      (event) => {
        if (!event.altKey || event.ctrlKey || event.metaKey || event.key.toLowerCase() !== 'k') return;
        event.preventDefault();
        update({ collapsed: false, searchToken: state.searchToken + 1 });
      },
      { capture: true, signal: controller.signal },
    );
    // The popup's "insert" lands here: the same path as a click in the sidebar.
    browser.runtime.onMessage.addListener((message) => {
      const request = parseRequest(message);
      if (request?.ok && request.name === 'page.snippetsChanged') return loadSnippets().then(() => ({ ok: true, data: {} }));
      if (!request?.ok || request.name !== 'page.insert') return undefined;
      const snippet = state.snippets?.find((s) => s.id === (request.payload as { id: string }).id);
      return Promise.resolve({ ok: true, data: { outcome: snippet ? insertAndTell(snippet) : 'failed' } });
    });
    watchPage({
      adapter,
      doc: document,
      signal: controller.signal,
      reportEvents: (shopId, events) => {
        const changed = buyerWords.record(events);
        if (state.conversation && changed.has(state.conversation.conversationId)) refreshPhase();
        return send('chat.events', { site: adapter.id, shopId, events }).then(({ waits }) => setWaits(waits));
      },
      reportList: (shopId, conversations) => send('chat.conversations', { site: adapter.id, shopId, conversations }).then(({ waits }) => setWaits(waits)),
      onView: ({ problems, conversation, reportError }) => {
        update({
          problems,
          conversation,
          ...(reportError ? { notice: { kind: 'error', text: t('workerUnavailable', reportError) } } : {}),
        });
        refreshPhase();
      },
    });
  },
});

/**
 * The page's own clock for this shop's thresholds: at each crossing, redraws the waiting list's colours and
 * wakes the worker (which Chrome may have stopped) so the badge changes at once. The count-up between
 * crossings ticks inside the waiting list itself.
 */
function watchThresholds(ctx: ContentScriptContext, waits: () => Waiting[], settings: () => { thresholds: SidebarState['thresholds']; soundOnBreach: boolean }, onTick: (now: number) => void) {
  let crossing: number | undefined;
  const rearm = () => {
    if (crossing !== undefined) clearTimeout(crossing);
    const now = Date.now();
    const next = nextCrossing(waits(), now, settings().thresholds);
    if (next === null) return;
    crossing = ctx.setTimeout(() => {
      const { thresholds, soundOnBreach } = settings();
      const breachedNow = waits().some((w) => alertLevel(Date.now() - w.since, thresholds) === 'breach' && alertLevel(next - 1 - w.since, thresholds) !== 'breach');
      if (breachedNow && soundOnBreach) beep();
      onTick(Date.now());
      void send('alerts.refresh', {}).catch(() => undefined);
      rearm();
    }, next - now + 5);
  };
  return { rearm };
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
