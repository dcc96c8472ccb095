import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { KefuDatabase } from '@/lib/db';
import { envelope } from '@/lib/messaging';
import { dispatch, parseRequest, type Queue, type Reply } from '@/lib/protocol';
import { MetricsStore } from '@/lib/metrics-store';
import { activeProfile, defaultSettings, readSettings, type Settings } from '@/lib/settings';
import { loadSettings, settingsItem } from '@/lib/settings-store';
import { isThreat, Tracker } from '@/lib/tracker';
import { createHandlers, queueOf } from '@/lib/worker-handlers';
import { createAfterSaleHandlers, stepLimitsOf } from '@/lib/after-sale-handlers';
import { nextStaleAt, staleReminders } from '@/lib/after-sale';
import { createAlertLoop } from './alerts';
import { customSiteBrowser } from './custom-sites';
import { createCustomSiteHandlers } from '@/lib/custom-site-handlers';

const BACKSTOP_ALARM = 'kefu-backstop';
const PURGE_ALARM = 'kefu-purge';

export default defineBackground(() => {
  // Everything lives in IndexedDB, nothing only in memory: Chrome stops this worker after 30 s idle.
  const db = new KefuDatabase();
  let settings: Settings = defaultSettings;
  const ready = loadSettings().then((s) => (settings = s));
  const tracker = new Tracker(db, () => settings.thresholds);
  // The guard builds its matchers and model at its first check (tens of milliseconds): done here, once the
  // worker has answered what woke it, not when the agent opens a buyer's conversation.
  setTimeout(() => isThreat('亲'), 1_000);
  // A changed case repaints the badge's tooltip and re-arms the timer for the next stale case.
  const afterSale = createAfterSaleHandlers({ db, settings: () => settings.afterSale, changed: () => void alerts.refresh() });
  const reminders = async () => {
    const open = await afterSale.openCases();
    const limits = stepLimitsOf(settings.afterSale);
    const now = Date.now();
    return { count: staleReminders(open, limits, now).length, next: nextStaleAt(open, limits, now) };
  };
  const alerts = createAlertLoop({ tracker, settings: () => settings, reminders });
  const counting = () => ({ profile: activeProfile(settings), timeZone: settings.timeZone });
  const metrics = new MetricsStore(db, counting);
  // Every console tab reads its snippets again; a tab that is gone just refuses the message.
  const snippetsChanged = () => {
    void db.tabs.toArray().then((tabs) => tabs.forEach((tab) => void browser.tabs.sendMessage(tab.tabId, envelope('page.snippetsChanged', {})).catch(() => undefined)));
    // An open popup listens too; with none open, nobody answers and the message is dropped.
    void browser.runtime.sendMessage(envelope('page.snippetsChanged', {})).catch(() => undefined);
  };
  // Every console's sidebar shows the one queue; a tab that is gone just refuses the message.
  // The tab whose report changed it has the queue in its answer already.
  const queueChanged = (queue: Queue, fromTab?: number) => {
    void db.tabs.toArray().then((tabs) =>
      tabs.filter((tab) => tab.tabId !== fromTab).forEach((tab) => void browser.tabs.sendMessage(tab.tabId, envelope('page.queue', queue)).catch(() => undefined)),
    );
  };
  // Bringing a tab forward needs no permission (no "tabs": nothing of the tab is read but its window).
  const openInTab = async (tabId: number, conversationId: string) => {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    const reply = (await browser.tabs.sendMessage(tabId, envelope('page.open', { conversationId }))) as Reply<{ opened: boolean }> | undefined;
    return reply?.ok === true && reply.data.opened;
  };
  const customSites = createCustomSiteHandlers(db, customSiteBrowser);
  // The site granted from the popup's prompt: the teaching it announced starts (the popup may be closed by then).
  browser.permissions.onAdded.addListener((added) => void customSites.permissionsAdded(added.origins ?? []));
  const handlers = { ...createHandlers({ db, tracker, metrics, counting, targets: () => settings.targets, thresholds: () => settings.thresholds, refresh: alerts.refresh, snippetsChanged, queueChanged, openInTab }), ...afterSale, ...customSites };

  browser.runtime.onMessage.addListener((message, sender) => {
    // Not ours: leave it to other listeners by returning nothing.
    if (parseRequest(message) === null) return undefined;
    return ready.then(() => dispatch(handlers, message, { tabId: sender.tab?.id }));
  });
  settingsItem.watch((value) => {
    settings = readSettings(value);
    void alerts.refresh();
  });
  // A console tab closed: its shop's buyers leave the badge and the other consoles' queue.
  browser.tabs.onRemoved.addListener((tabId) => void tracker.detachTab(tabId).then(async () => (await alerts.refresh(), queueChanged(await queueOf(db)))));
  browser.alarms.onAlarm.addListener((alarm) => {
    // Chrome's alarms fire at most every 30 s: a backstop for the exact one-shot timers, which die with the worker.
    if (alarm.name === BACKSTOP_ALARM) void alerts.refresh();
    if (alarm.name === PURGE_ALARM) void tracker.purgeTexts(settings.retentionDays).then(() => metrics.prune());
  });

  // On every start (install, browser start, or a wake-up after Chrome stopped the worker).
  void ready.then(async () => {
    if (!(await browser.alarms.get(BACKSTOP_ALARM))) await browser.alarms.create(BACKSTOP_ALARM, { periodInMinutes: 0.5 });
    if (!(await browser.alarms.get(PURGE_ALARM))) await browser.alarms.create(PURGE_ALARM, { periodInMinutes: 60 * 6, delayInMinutes: 1 });
    // Asks the browser not to evict our IndexedDB under storage pressure (unlimitedStorage lifts the quota).
    await navigator.storage?.persist?.().catch(() => false);
    await alerts.refresh();
    // Taught consoles run where their permission still stands (the agent may have withdrawn it in the browser).
    await customSiteBrowser.syncScripts(await db.customSites.toArray()).catch(() => undefined);
  });
  // Withdrawn in the browser's own settings: that console's script stops with it.
  browser.permissions.onRemoved.addListener(() => void db.customSites.toArray().then((sites) => customSiteBrowser.syncScripts(sites)).catch(() => undefined));
});
