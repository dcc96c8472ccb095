import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Sidebar, type SidebarState } from '@/components/Sidebar';
import { insertText } from '@/lib/editors';
import { t } from '@/lib/i18n';
import { createClient } from '@/lib/messaging';
import { loadSettings, updateSettings } from '@/lib/settings-store';
import { adapterForUrl, siteMatchPatterns } from '@/lib/sites/registry';
import type { Snippet } from '@/lib/snippet';
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
    const settings = await loadSettings();
    if (settings.disabledSites.includes(adapter.id)) return;

    let state: SidebarState = { collapsed: settings.sidebarCollapsed, problems: [], conversation: null, snippets: null, notice: null };
    let container: HTMLElement | null = null;
    const update = (change: Partial<SidebarState>) => {
      state = { ...state, ...change };
      if (container) render(<Sidebar state={state} actions={actions} />, container);
    };
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

    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    watchPage({
      adapter,
      doc: document,
      signal: controller.signal,
      report: (events) => send('chat.events', { events }),
      onView: ({ problems, conversation, reportError }) =>
        update({
          problems,
          conversation,
          ...(reportError ? { notice: { kind: 'error', text: t('workerUnavailable', reportError) } } : {}),
        }),
    });
  },
});

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
