import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Sidebar, type SidebarState } from '@/components/Sidebar';
import { insertText } from '@/lib/editors';
import { t } from '@/lib/i18n';
import { createClient } from '@/lib/messaging';
import { readSettings } from '@/lib/settings';
import { loadSettings, settingsItem, updateSettings } from '@/lib/settings-store';
import { adapterForUrl, siteMatchPatterns } from '@/lib/sites/registry';
import type { Snippet } from '@/lib/snippet';
import { alertLevel, nextCrossing, type Waiting } from '@/lib/waiting';
import { beep } from './beep';
import { watchPage } from './page-watcher';
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
    };
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
      insert: (snippet: Snippet) => {
        const input = adapter.findInput(document);
        if (!input) return update({ notice: { kind: 'error', text: t('insertNoInput') } });
        if (!insertText(input, snippet.body)) return update({ notice: { kind: 'error', text: t('insertFailed') } });
        update({ notice: { kind: 'info', text: t('insertDone') } });
        void send('snippets.used', { id: snippet.id }).catch(() => undefined);
      },
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

    send('snippets.list', {})
      .then((snippets) => update({ snippets }))
      .catch((error: Error) => update({ snippets: [], notice: { kind: 'error', text: t('workerUnavailable', error.message) } }));

    const alerts = watchThresholds(ctx, () => state.waits, () => settings, (now) => update({ now }));
    const setWaits = (waits: Waiting[]) => {
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
    watchPage({
      adapter,
      doc: document,
      signal: controller.signal,
      reportEvents: (shopId, events) => send('chat.events', { site: adapter.id, shopId, events }).then(({ waits }) => setWaits(waits)),
      reportList: (shopId, conversations) => send('chat.conversations', { site: adapter.id, shopId, conversations }).then(({ waits }) => setWaits(waits)),
      onView: ({ problems, conversation, reportError }) =>
        update({
          problems,
          conversation,
          ...(reportError ? { notice: { kind: 'error', text: t('workerUnavailable', reportError) } } : {}),
        }),
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
