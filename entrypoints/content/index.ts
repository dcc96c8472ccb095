import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { rememberSelections } from '@/lib/editors';
import { t, uiLanguage } from '@/lib/i18n';
import { createClient } from '@/lib/messaging';
import { createBuyerWords } from '@/lib/buyer-words';
import { defaultLayout } from '@/lib/dock';
import { libraryCutText } from '@/lib/limit-messages';
import { fitLibrary } from '@/lib/limits';
import { guessPhase } from '@/lib/phase';
import { parseRequest, queueSignature, type Queue } from '@/lib/protocol';
import { readSettings, type Settings } from '@/lib/settings';
import { loadSettings, settingsItem, updateSettings } from '@/lib/settings-store';
import { isQuickSearchKey, type FrameMessage, type SidebarView } from '@/lib/sidebar-channel';
import { healthReport, summarizeHealth } from '@/lib/sites/health';
import { sameOriginFrames } from '@/lib/sites/frames';
import { adapterForUrl, siteMatchPatterns } from '@/lib/sites/registry';
import type { CurrentConversation, SiteAdapter } from '@/lib/sites/types';
import type { Snippet } from '@/lib/snippet';
import { alertLevel, nextCrossing, waitsSignature, type Thresholds, type Waiting } from '@/lib/waiting';
import { beep } from './beep';
import { showOrphanNotice } from './orphan-notice';
import { watchPage } from './page-watcher';
import { randomToken } from './random-token';
import { watchShortcuts } from './shortcuts';
import { mountSidebar } from './sidebar-host';
import { createInserter, insertReplyText, type InsertOutcome } from './snippet-inserter';
import { watchDraft } from './draft-guard';
import { compileCustomRules, type CompiledCustomRules } from '@/lib/guard';
import { customSiteAdapter } from '@/lib/sites/custom/generic';
import { applyFix } from '@/lib/sites/custom/fix';

/**
 * After the extension is updated or reloaded, this script lives on in the open tab cut off from the
 * extension ("Extension context invalidated"): its runtime has no id any more.
 */
function orphaned(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

export default defineContentScript({
  matches: siteMatchPatterns(),
  // The sidebar draws in a frame of its own (entrypoints/sidebar): nothing of it is injected as CSS here.
  cssInjectionMode: 'manual',
  // WXT's "a newer script started" broadcast to the whole page is not needed (its in-document event is).
  noScriptStartedPostMessage: true,
  // Taobao's chat history lives in an iframe of Qianniu's page; live consoles are read in their top frame.
  allFrames: true,
  async main(ctx) {
    const builtIn = adapterForUrl(location.href);
    // A console the agent taught runs this script by registration (lib/sites/custom): no built-in adapter.
    if (!builtIn && window.top !== window) return;
    if (builtIn && builtIn.mode !== 'history' && window.top !== window) return;
    // Cut off, extension APIs (i18n included) throw: what the orphaned script will say is read now.
    const orphanText = { notice: t('orphanedNotice'), reload: t('orphanedReload') };
    const stopIfOrphaned = () => {
      // Reading isInvalid makes WXT check the runtime and, when it is gone, run every onInvalidated cleanup.
      if (orphaned()) void ctx.isInvalid;
    };
    ctx.onInvalidated(() => {
      // Invalidated by a newer copy of this script (it draws its own sidebar), or cut off: then say so.
      if (orphaned()) showOrphanNotice(orphanText);
    });
    const send = createClient(async (message) => {
      try {
        return await browser.runtime.sendMessage(message);
      } catch (error) {
        stopIfOrphaned();
        throw error;
      }
    });
    // A console the agent taught (its own adapter), or a fix the agent pointed out for a built-in one.
    let adapter: SiteAdapter | undefined = builtIn;
    let readAs: string | undefined;
    if (!builtIn || builtIn.mode !== 'history') {
      const taught = await send('customSites.forUrl', { url: location.href }).catch(() => null);
      if (taught?.site) {
        adapter = customSiteAdapter(taught.site);
        readAs = `taught console "${taught.site.name}"${builtIn ? ` (overrides the built-in ${builtIn.id} adapter)` : ''}`;
      } else if (builtIn && taught?.fix) {
        adapter = applyFix(builtIn, taught.fix);
        readAs = `${builtIn.id} with the agent's fix of ${Object.keys(taught.fix.selectors).join(', ')}`;
      }
    }
    if (!adapter) return;
    const history = adapter.mode === 'history';
    // Nothing to send for a while (no buyer writes): the cut is noticed within a few seconds all the same.
    const orphanCheck = setInterval(stopIfOrphaned, 3_000);
    ctx.onInvalidated(() => clearInterval(orphanCheck));

    let settings = await loadSettings();
    if (settings.disabledSites.includes(adapter.id)) return;
    /** This page load: a tab's shop is fixed for the life of its page (see Tracker.bindTab). */
    const page = randomToken();
    if (history) {
      readHistory(ctx, adapter, page, send);
      return;
    }

    let snippets: Snippet[] | null = null;
    let conversation: CurrentConversation | null = null;
    /** Where the snippet waiting for fill-ins goes (the field its shortcut was typed in); the request itself is the view's. */
    let fillInTarget: HTMLElement | null = null;
    const snippetsHere = (all: Snippet[]) => all.filter((s) => !s.sites?.length || s.sites.includes(adapter.id));
    const shop = () => ({ site: adapter.id, shopId: adapter.shopId(document) ?? '' });

    const insert = createInserter({
      adapter,
      doc: document,
      conversation: () => conversation,
      agentName: () => settings.agentName,
      locale: uiLanguage,
      askFor: ({ snippet, missing, target }) => {
        fillInTarget = target;
        // The form takes the focus for its first field: the frame must have it first.
        sidebar.focus();
        sidebar.update({ collapsed: false, fillIn: { snippet, missing } });
      },
    });
    const NOTICES: Record<InsertOutcome, SidebarView['notice']> = {
      inserted: { kind: 'info', text: t('insertDone') },
      copied: { kind: 'warning', text: t('insertCopied') },
      'needs-input': null,
      'no-input': { kind: 'error', text: t('insertNoInput') },
      failed: { kind: 'error', text: t('insertFailed') },
    };
    const insertAndTell = async (snippet: Snippet, target?: HTMLElement, typed?: Record<string, string>): Promise<InsertOutcome> => {
      const outcome = await insert(snippet, target, typed).catch((): InsertOutcome => 'failed');
      sidebar.update({ notice: NOTICES[outcome] });
      // Used is a reply that went in: a copied one may never be pasted.
      if (outcome === 'inserted') void send('snippets.used', { id: snippet.id }).catch(() => undefined);
      return outcome;
    };
    /** A reply the after-sale tools finished (no fill-ins to ask for), from the sidebar or the popup. */
    const insertReplyAndTell = async (text: string): Promise<InsertOutcome> => {
      const outcome = await insertReplyText(adapter, document, text).catch((): InsertOutcome => 'failed');
      sidebar.update({ notice: NOTICES[outcome] });
      return outcome;
    };
    const markOrder = () => {
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
      send('chat.events', { ...shop(), page, events: [event] }).then(
        ({ waits, queue }) => {
          setWaits(waits);
          setQueue(queue);
          sidebar.update({ notice: { kind: 'info', text: t('orderMarked') } });
        },
        (error: Error) => sidebar.update({ notice: { kind: 'error', text: t('workerUnavailable', error.message) } }),
      );
    };
    /** What the agent did in the sidebar's frame. */
    const onAction = (action: FrameMessage) => {
      switch (action.type) {
        case 'toggle': {
          const collapsed = !sidebar.view().collapsed;
          sidebar.update({ collapsed });
          void updateSettings({ sidebarCollapsed: collapsed });
          return;
        }
        case 'expand':
          sidebar.update({ collapsed: false });
          return;
        case 'layout':
          // Remembered per console: each console's page has its own room to give.
          sidebar.update({ layout: action.layout });
          void updateSettings({ sidebarLayouts: { ...settings.sidebarLayouts, [adapter.id]: action.layout } });
          return;
        case 'insert': {
          const snippet = snippets?.find((s) => s.id === action.snippetId);
          if (snippet) void insertAndTell(snippet);
          return;
        }
        case 'insertText':
          void insertReplyAndTell(action.text);
          return;
        case 'submitFillIn': {
          const request = sidebar.view().fillIn;
          if (!request) return;
          const target = fillInTarget;
          fillInTarget = null;
          sidebar.update({ fillIn: null });
          if (action.values.agentName && !settings.agentName) void updateSettings({ agentName: action.values.agentName });
          void insertAndTell(request.snippet, target ?? undefined, action.values);
          return;
        }
        case 'cancelFillIn': {
          const target = fillInTarget;
          fillInTarget = null;
          sidebar.update({ fillIn: null });
          (target ?? adapter.findInput(document))?.focus();
          return;
        }
        case 'backToInput':
          adapter.findInput(document)?.focus();
          return;
        case 'open': {
          const wait = queue.waits.find((w) => w.key === action.key);
          // Another shop's buyer (the one queue): the worker brings that shop's tab forward and opens it there.
          if (wait && (wait.site !== adapter.id || wait.shopId !== shop().shopId)) {
            void send('queue.open', { key: wait.key }).catch(() => undefined);
            return;
          }
          openHere(action.conversationId);
          return;
        }
        case 'markOrder':
          markOrder();
          return;
        case 'guardSuggestion':
          void draftGuard.useSuggestion(action.index);
          return;
        case 'guardSendAnyway':
          draftGuard.sendAnyway();
          return;
        case 'guardEdit':
          draftGuard.edit();
          return;
      }
    };

    const sidebar = await mountSidebar(
      ctx,
      { collapsed: settings.sidebarCollapsed, layout: settings.sidebarLayouts[adapter.id] ?? defaultLayout, problems: [], health: null, conversation: null, snippets: null, phase: null, waits: [], waitsTotal: 0, thresholds: settings.thresholds, fillIn: null, notice: null },
      onAction,
      stopIfOrphaned,
      adapter.dockRoot,
    );

    // The conduct guard on the draft in the chat input: findings in the sidebar, risky sends held.
    let compiled: { from: Settings['guard'] | null; rules: CompiledCustomRules | undefined } = { from: null, rules: undefined };
    const draftGuard = watchDraft({
      ctx,
      adapter,
      doc: document,
      levels: () => settings.guard.levels,
      rules: () => {
        if (compiled.from !== settings.guard) compiled = { from: settings.guard, rules: settings.guard.rules.length || settings.guard.allow.length ? compileCustomRules(settings.guard.rules, settings.guard.allow) : undefined };
        return compiled.rules;
      },
      show: (guard) => sidebar.update({ guard }),
      record: (kind, categories) => void send('guard.record', { ...shop(), kind, categories }).catch(() => undefined),
    });

    /**
     * The open conversation's phase, from its order and its buyer's last words, and those words themselves: the
     * sidebar ranks the snippets that answer them first. Sent only when they change (the frame compares by identity).
     */
    const buyerWords = createBuyerWords();
    const refreshPhase = () => {
      const asks = conversation ? buyerWords.of(conversation.conversationId) : [];
      const phase = guessPhase(conversation, asks);
      const before = sidebar.view().asks ?? [];
      const asksChanged = asks.length !== before.length || asks.some((ask, i) => ask !== before[i]);
      if (phase !== sidebar.view().phase || asksChanged) sidebar.update({ phase, ...(asksChanged ? { asks } : {}) });
    };

    const loadSnippets = () =>
      send('snippets.list', {})
        .then((all) => {
          // A library above the limit (kept from before the limit) is cut, not dropped by the frame's channel.
          const fitted = fitLibrary(snippetsHere(all));
          snippets = fitted.snippets;
          sidebar.update({ snippets, ...(fitted.leftOut ? { notice: { kind: 'warning' as const, text: libraryCutText(fitted.leftOut) } } : {}) });
        })
        .catch((error: Error) => sidebar.update({ snippets: snippets ?? [], notice: { kind: 'error', text: t('workerUnavailable', error.message) } }));
    void loadSnippets();

    /** Opens a conversation of this console, as a click on its list would. */
    const openHere = (conversationId: string): boolean => {
      const opened = adapter.openConversation(document, conversationId);
      // The click on the list was ours, not the agent's: the page watcher is told to read at once.
      watcher?.readNow();
      return opened;
    };
    /** Every open console's waiting buyers, as the worker last told: what the sidebar lists. */
    let queue: Queue = { waits: [], total: 0 };
    let queueKey = '';
    const setQueue = (next: Queue | null) => {
      // null: the worker had nothing new for this tab.
      if (!next) return;
      const key = queueSignature(next);
      if (key === queueKey) return;
      queueKey = key;
      queue = next;
      sidebar.update({ waits: next.waits, waitsTotal: next.total });
    };
    /** This shop's own waiting buyers: the page's threshold timer (tone, badge wake-up) runs on them. */
    let waits: Waiting[] = [];
    const alerts = watchThresholds(ctx, send, () => waits, () => settings);
    let waitsKey = '';
    const setWaits = (next: Waiting[]) => {
      const key = waitsSignature(next);
      if (key === waitsKey) return;
      waitsKey = key;
      waits = next;
      alerts.rearm();
    };
    settingsItem.watch((value) => {
      settings = readSettings(value);
      sidebar.update({ thresholds: settings.thresholds });
      alerts.rearm();
    });

    let watcher: { readNow: () => void } | null = null;
    let lastHealth = '';
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    // The caret of every editor, remembered as the agent types: a click in the sidebar takes the focus away.
    // The console's keyboard, in its top document and in its same-origin frames (an editor in an iframe):
    // the caret remembered as the agent types, shortcut then Tab, and Alt+K.
    const listening = new WeakSet<Document>();
    const listenIn = (doc: Document) => {
      if (listening.has(doc)) return;
      listening.add(doc);
      // The caret of every editor, remembered as the agent types: a click in the sidebar takes the focus away.
      rememberSelections(doc, controller.signal);
      watchShortcuts({
        doc,
        signal: controller.signal,
        find: (shortcut) => snippets?.find((s) => s.shortcut?.toLowerCase() === shortcut.toLowerCase()),
        expand: (snippet, target) => insertAndTell(snippet as Snippet, target),
      });
      // Alt+K: the quick search, from anywhere on the console page. The agent's key only: a page must not
      // pull the focus into the sidebar with a key it made up.
      doc.addEventListener(
        'keydown',
        (event) => {
          if (!event.isTrusted || !isQuickSearchKey(event)) return;
          event.preventDefault();
          if (sidebar.view().collapsed) sidebar.update({ collapsed: false });
          sidebar.focusSearch();
        },
        { capture: true, signal: controller.signal },
      );
    };
    listenIn(document);
    const listenInFrames = () => sameOriginFrames(document).forEach(listenIn);
    listenInFrames();
    // A frame that loads (or reloads) gets a new document: listen there as soon as it has loaded (`load` does
    // not bubble, but a capturing listener sees it). A srcdoc frame replaces the about:blank document it
    // started with, which is the one seen at start-up. And the focus going into a frame (its element takes
    // `focusin` here, and the window is blurred) listens there before the agent's first key, whatever came first.
    document.addEventListener('load', (event) => event.target instanceof HTMLIFrameElement && listenInFrames(), { capture: true, signal: controller.signal });
    document.addEventListener('focusin', (event) => event.target instanceof HTMLIFrameElement && listenInFrames(), { capture: true, signal: controller.signal });
    addEventListener('blur', () => setTimeout(listenInFrames, 0), { signal: controller.signal });
    // The popup's "insert" lands here: the same path as a click in the sidebar.
    browser.runtime.onMessage.addListener((message) => {
      const request = parseRequest(message);
      if (request?.ok && request.name === 'page.snippetsChanged') return loadSnippets().then(() => ({ ok: true, data: {} }));
      if (request?.ok && request.name === 'page.queue') {
        setQueue(request.payload as Queue);
        return Promise.resolve({ ok: true, data: {} });
      }
      if (request?.ok && request.name === 'page.open') return Promise.resolve({ ok: true, data: { opened: openHere((request.payload as { conversationId: string }).conversationId) } });
      if (request?.ok && request.name === 'page.insertText') return insertReplyAndTell((request.payload as { text: string }).text).then((outcome) => ({ ok: true, data: { outcome } }));
      if (!request?.ok || request.name !== 'page.insert') return undefined;
      const snippet = snippets?.find((s) => s.id === (request.payload as { id: string }).id);
      return (snippet ? insertAndTell(snippet) : Promise.resolve<InsertOutcome>('failed')).then((outcome) => ({ ok: true, data: { outcome } }));
    });
    watcher = watchPage({
      adapter,
      doc: document,
      signal: controller.signal,
      reportEvents: (shopId, events) => {
        const changed = buyerWords.record(events);
        if (conversation && changed.has(conversation.conversationId)) refreshPhase();
        return send('chat.events', { site: adapter.id, shopId, page, events }).then((reply) => (setWaits(reply.waits), setQueue(reply.queue), reply));
      },
      reportList: (shopId, conversations) =>
        send('chat.conversations', { site: adapter.id, shopId, page, conversations }).then((reply) => (setWaits(reply.waits), setQueue(reply.queue), reply)),
      onRefused: (count, reason) => sidebar.update({ notice: { kind: 'error', text: t('eventsRefused', String(count), reason) } }),
      onView: (view) => {
        conversation = view.conversation;
        const { health } = view;
        const summary = summarizeHealth(health);
        // The popup shows every console's health: the worker keeps it with the tab, told when it changes.
        const summaryKey = JSON.stringify(summary);
        if (summaryKey !== lastHealth) {
          lastHealth = summaryKey;
          void send('tab.health', { site: adapter.id, shopId: shop().shopId || '?', health: summary }).catch(() => undefined);
        }
        sidebar.update({
          problems: health.status === 'unrecognised' ? view.problems : [],
          health: {
            ...summary,
            report: healthReport(health, { adapterId: adapter.id, version: browser.runtime.getManifest().version, url: location.href, at: Date.now(), ...(readAs ? { readAs } : {}) }),
          },
          conversation: view.conversation,
          ...(view.reportError ? { notice: { kind: 'error', text: t('workerUnavailable', view.reportError) } } : {}),
        });
        refreshPhase();
      },
    });
  },
});

/**
 * The page's own clock for this shop's thresholds: at each warn or breach crossing, wakes the worker (which
 * Chrome may have stopped) so the badge changes at once, and plays the tone on a breach when asked to. The
 * later marks (3 and 5 minutes) change no badge: the worker logs them at their own time when it next runs.
 * The sidebar's frame counts the waits up and colours them on its own clock.
 */
function watchThresholds(ctx: ContentScriptContext, send: ReturnType<typeof createClient>, waits: () => Waiting[], settings: () => { thresholds: Thresholds; soundOnBreach: boolean }) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let armedFor: number | null = null;
  // One timer at a time, re-armed as waits change many times a minute: a plain timeout cleared once on
  // invalidation, not ctx.setTimeout, which keeps a listener for every timer it ever made.
  ctx.onInvalidated(() => clearTimeout(timer));
  const rearm = () => {
    const now = Date.now();
    const badgeThresholds = { ...settings().thresholds, marksSec: [] };
    const next = nextCrossing(waits(), now, badgeThresholds);
    if (next === armedFor) return;
    clearTimeout(timer);
    armedFor = next;
    if (next === null) return;
    timer = setTimeout(() => {
      armedFor = null;
      // A reply still in flight when the extension went away may have armed this timer after the clear above.
      if (ctx.isInvalid) return;
      const { thresholds, soundOnBreach } = settings();
      const breachedNow = waits().some((w) => alertLevel(Date.now() - w.since, thresholds) === 'breach' && alertLevel(next - 1 - w.since, thresholds) !== 'breach');
      if (breachedNow && soundOnBreach) beep();
      void send('alerts.refresh', {}).catch(() => undefined);
      rearm();
    }, next - now + 5);
  };
  return { rearm };
}

/**
 * A page of past conversations (SiteAdapter mode 'history'): its messages go to the metrics, nothing else
 * (no sidebar, no snippets, no waits). Read as the live consoles are, by the same page watcher.
 */
function readHistory(ctx: ContentScriptContext, adapter: SiteAdapter, page: string, send: ReturnType<typeof createClient>) {
  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());
  watchPage({
    adapter,
    doc: document,
    signal: controller.signal,
    reportEvents: (shopId, events) => send('chat.events', { site: adapter.id, shopId, page, events, history: true }),
    reportList: async () => undefined,
    onView: () => undefined,
  });
}
