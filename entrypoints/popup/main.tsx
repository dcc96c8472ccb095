import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient, envelope } from '@/lib/messaging';
import { parseRequest, type Reply } from '@/lib/protocol';
import { t, uiLanguage } from '@/lib/i18n';
import { App, type InsertInTab } from './App';
import type { ActivePage } from '@/components/TeachConsole';
import { adapterForUrl } from '@/lib/sites/registry';
import { sitePattern } from '@/lib/sites/custom/schema';
import '@/components/after-sale.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = t('extName');
const insertInTab: InsertInTab = async (what) => {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  const message = 'id' in what ? envelope('page.insert', { id: what.id }) : envelope('page.insertText', { text: what.text });
  // No content script in that tab (not a console): sendMessage rejects, and the popup copies instead.
  const reply = (await browser.tabs.sendMessage(tab.id, message).catch(() => undefined)) as Reply<{ outcome: NonNullable<Awaited<ReturnType<InsertInTab>>> }> | undefined;
  return reply?.ok ? reply.data.outcome : null;
};

/** Calls back when the options page changes the snippet library while the popup is open. */
const onSnippetsChanged = (reload: () => void) => {
  const listener = (message: unknown) => {
    const request = parseRequest(message);
    if (request?.ok && request.name === 'page.snippetsChanged') reload();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
};

const send = createClient((message) => browser.runtime.sendMessage(message));

/** The active tab's page: its address is known from the toolbar button (activeTab) or the site's permission. */
const activePage = async (): Promise<ActivePage | null> => {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || !tab.url) return null;
  const { site, refused } = await send('customSites.forUrl', { url: tab.url });
  return { tabId: tab.id, url: tab.url, builtIn: adapterForUrl(tab.url)?.id ?? null, taught: site ? { id: site.id, name: site.name } : null, ...(refused ? { refused } : {}) };
};

/**
 * Asks the browser for the page's one site (first thing in the click: the request needs the agent's gesture),
 * then starts the picker there and gets out of its way.
 */
const teach = async (page: ActivePage, edit?: string): Promise<'started' | 'refused' | 'failed'> => {
  const url = new URL(page.url);
  const origin = sitePattern(url);
  // Told first, not awaited (the request below needs the click's gesture): the prompt may close this popup,
  // and the worker then starts the picker when the browser grants the site.
  void send('picker.pending', { tabId: page.tabId, origin, ...(edit ? { edit } : {}) }).catch(() => undefined);
  const granted = await browser.permissions.request({ origins: [origin] }).catch(() => false);
  if (!granted) return 'refused';
  const { started } = await send('picker.start', { tabId: page.tabId, ...(edit ? { edit } : {}) });
  if (!started) return 'failed';
  window.close();
  return 'started';
};

render(
  <App onSnippetsChanged={onSnippetsChanged} send={send} openOptions={() => browser.runtime.openOptionsPage()} insertInTab={insertInTab} activePage={activePage} teach={teach} />,
  document.getElementById('app')!,
);
