import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient, envelope } from '@/lib/messaging';
import { parseRequest, type Reply } from '@/lib/protocol';
import { t, uiLanguage } from '@/lib/i18n';
import { App, type InsertInTab } from './App';
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

render(
  <App onSnippetsChanged={onSnippetsChanged} send={createClient((message) => browser.runtime.sendMessage(message))} openOptions={() => browser.runtime.openOptionsPage()} insertInTab={insertInTab} />,
  document.getElementById('app')!,
);
