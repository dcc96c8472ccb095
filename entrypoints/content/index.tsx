import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Sidebar, type SidebarState } from '@/components/Sidebar';
import { rememberSelections } from '@/lib/editors';
import { t, uiLanguage } from '@/lib/i18n';
import { createClient } from '@/lib/messaging';
import { guessPhase } from '@/lib/phase';
import { parseRequest } from '@/lib/protocol';
import { readSettings } from '@/lib/settings';
import { createSnippetIndex } from '@/lib/snippet-search';
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
    let index = createSnippetIndex([]);
    let pendingTarget: HTMLElement | null = null;
    const snippetsHere = (all: Snippet[]) => all.filter((s) => !s.sites?.length || s.sites.includes(adapter.id));
    let container: HTMLElement | null = null;
    const update = (change: Partial<SidebarState>) => {
      state = { ...state, ...change };
      if (container) render(<Sidebar state={state} actions={actions} />, container);
    };
    const shop = () => ({ site: adapter.id, shopId: adapter.shopId(document) ?? '' });
    const actions = {
      toggle: () => {
        update({ collapsed: !state.collapsed });
        void updateSettings({ sidebarCollapsed: state.collapsed });
      },
      insert: (snippet: Snippet) => void insertAndTell(snippet),
      search: (query: string) => index.search(query, { phase: currentPhase(), limit: 60 }),
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
          ({ waits }) => update({ waits, notice: { kind: 'info', text: t('orderMarked') } }),
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
     * The phase of the open conversation, from its order and its buyer's last words: fitting snippets rank
     * first. The picker searches on every render (the count-up redraws each second), so the thread is read
     * once per change of conversation or new messages, not per render.
     */
    let phase: Phase | null = null;
    const currentPhase = () => {
      if (phase === null) {
        const texts = adapter.readMessages(document, Date.now()).filter((m) => m.sender === 'buyer').slice(-3).map((m) => m.text);
        phase = guessPhase(state.conversation, texts);
      }
      return phase;
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
          index = createSnippetIndex(snippets);
          update({ snippets });
        })
        .catch((error: Error) => update({ snippets: state.snippets ?? [], notice: { kind: 'error', text: t('workerUnavailable', error.message) } }));
    void loadSnippets();

    const alerts = watchThresholds(ctx, () => state.waits, () => settings, (now) => update({ now }));
    let waitsKey = '';
    const setWaits = (waits: Waiting[]) => {
      const key = waits.map((w) => `${w.key}\u0000${w.since}`).join('\u0001');
      if (key === waitsKey) return;
      waitsKey = key;
      update({ waits, now: Date.now() });
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
        phase = null;
        return send('chat.events', { site: adapter.id, shopId, events }).then(({ waits }) => setWaits(waits));
      },
      reportList: (shopId, conversations) => send('chat.conversations', { site: adapter.id, shopId, conversations }).then(({ waits }) => setWaits(waits)),
      onView: ({ problems, conversation, reportError }) => {
        phase = null;
        update({
          problems,
          conversation,
          ...(reportError ? { notice: { kind: 'error', text: t('workerUnavailable', reportError) } } : {}),
        });
      },
    });
  },
});

/**
 * The page's own clock for this shop's waits: ticks the count-up every second while anyone waits, and at
 * each threshold crossing wakes the worker (which Chrome may have stopped) so the badge changes at once.
 */
function watchThresholds(ctx: ContentScriptContext, waits: () => Waiting[], settings: () => { thresholds: SidebarState['thresholds']; soundOnBreach: boolean }, onTick: (now: number) => void) {
  let crossing: number | undefined;
  ctx.setInterval(() => {
    if (waits().length) onTick(Date.now());
  }, 1_000);
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

/** Single-page consoles sometimes wipe the body's children; put the sidebar back when that happens. */
function keepMounted(ctx: ContentScriptContext, ui: ShadowRootContentScriptUi<void>): void {
  const observer = new MutationObserver(() => {
    if (!ui.shadowHost.isConnected && document.body) {
      ui.remove();
      ui.mount();
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    ui.remove();
  });
}
