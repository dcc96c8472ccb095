import type { Frame, Page } from 'puppeteer-core';
import en from '../../public/_locales/en/messages.json';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { zoneInServiceHours } from '../../scripts/browser';
import { EXTENSION_ORIGIN, clickInFrame, sidebarFrame, snippetButton, startFirefoxHarness, until, type FirefoxHarness } from './firefox-harness';

/**
 * The extension in Firefox ESR (the Firefox MV3 build), as an agent uses it: the sidebar on the demo
 * console, snippets by click and by shortcut then Tab sent by the page's own Send, the badge, the popup.
 */
let h: FirefoxHarness;
beforeAll(async () => {
  h = await startFirefoxHarness();
});
afterAll(async () => {
  await h?.close();
});

const oneLine = defaultSnippets.find((s) => s.lang === 'zh' && !s.body.includes('{{') && !s.body.includes('\n'))!;
// zh-thanks (shortcut xx) has the shop's name as a fill-in, which the demo page supplies.
const thanks = defaultSnippets.find((s) => s.id === 'zh-thanks')!;
const composerText = (page: Page) => page.evaluate(() => window.__kefuDemo.composerText());
const sent = (page: Page) => page.evaluate(() => window.__kefuDemo.sent());
/** The element the agent types into: the input itself, or the editable inside the input's wrapper. */
const EDITABLE = 'textarea.composer-input, [contenteditable="true"].composer-input, .composer-input textarea, .composer-input [contenteditable="true"], .composer-input [contenteditable=""]';
const noticeText = (frame: Frame) => frame.$eval('.notice', (el) => el.textContent).catch(() => null);
// Firefox here runs in English (no Chinese language pack): the extension speaks English.
const INSERTED = en.insertDone.message;

test('the popup shows the day’s metrics from what the console showed', async () => {
  // First in this browser: the day's metrics are every shop's, so no other test's buyers are in them yet.
  const { page, errors } = await h.openDemo('seed=21&pace=0&buyers=3&delay=5&shop=ff-metrics');
  // Counted within service hours only: the shop's zone is one where now is inside them.
  await h.setSettings(page, { timeZone: zoneInServiceHours() });
  await page.reload();
  await page.waitForSelector('.msg--robot');
  // Each conversation is read while it is open.
  for (const i of [0, 1, 2, 0]) {
    const items = await page.$$('.conv-item');
    await items[i]!.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const popup = await h.extensionPage(page, 'popup.html');
  // The day view: no shift was started.
  await (await popup.waitForSelector('[role="tab"]:nth-of-type(2)'))!.click();
  const metrics = await until(
    () => popup.$$eval('tr[data-metric]', (trs) => Object.fromEntries(trs.map((tr) => [tr.getAttribute('data-metric'), tr.querySelector('.metric-value')?.textContent ?? '']))),
    (m) => m.consultingBuyers === '3',
  );
  expect(metrics).toMatchObject({ consultingBuyers: '3', unanswered: '3', rate30: '0.0%' });
  expect(errors).toEqual([]);
  await popup.close();
  await page.close();
});

test('the sidebar draws on the demo console; a snippet goes in by click and by shortcut then Tab, and the page’s Send sends it', async () => {
  const { page, errors } = await h.openDemo('seed=6&pace=0&buyers=1&shop=ff-insert');
  const frame = await sidebarFrame(page);
  // Drawn beside the console, not a 0x0 box: the console's right edge is the sidebar's.
  const box = await page.evaluate(() => {
    const { innerWidth: w, innerHeight: hgt } = window;
    return document.elementFromPoint(w - 40, hgt / 2)?.hasAttribute('data-kefu-sidekick') ?? false;
  });
  expect(box).toBe(true);
  expect(await frame.$eval('aside.sidebar', (el) => (el as HTMLElement).offsetWidth)).toBeGreaterThan(200);

  await page.click('textarea.composer-input');
  await page.keyboard.type('ok,');
  await clickInFrame(page, await snippetButton(frame, oneLine.title));
  await until(() => composerText(page), (text) => text === `ok,${oneLine.body}`);
  await page.click('.composer-send');
  expect((await sent(page)).at(-1)).toBe(`ok,${oneLine.body}`);

  await page.click('textarea.composer-input');
  // Firefox over BiDi types no CJK characters (an agent types them through an IME); ASCII here.
  await page.keyboard.type(`thanks ${thanks.shortcut}`);
  await page.keyboard.press('Tab');
  const filled = thanks.body.replace('{{shopName}}', '演示店铺');
  await until(() => composerText(page), (text) => text === `thanks ${filled}`);
  await page.click('.composer-send');
  expect((await sent(page)).at(-1)).toBe(`thanks ${filled}`);
  expect(errors).toEqual([]);
  await page.close();
});

test('a waiting buyer turns the badge amber, then red; answering clears it', async () => {
  const { page, errors } = await h.openDemo('seed=31&pace=0&buyers=0&delay=5&shop=ff-badge');
  await h.setSettings(page, { thresholds: { warnSec: 2, breachSec: 4, marksSec: [60] } });
  const probe = await h.extensionPage(page, 'popup.html');
  const badge = () => h.badge(probe, 'ff-badge');
  expect(await badge()).toEqual({ text: '', color: '' });
  const at = Date.now();
  await page.evaluate(() => window.__kefuDemo.arrive());
  const amber = await until(badge, (b) => b.color === 'rgb(217,119,6)', 10_000);
  expect(amber.text).toBe('1');
  // Not before the warning: the amber came at 2 s at the earliest.
  expect(Date.now() - at).toBeGreaterThanOrEqual(1_900);
  await until(badge, (b) => b.text === '1' && b.color === 'rgb(220,38,38)', 10_000);
  await page.bringToFront();

  const frame = await sidebarFrame(page);
  // The one queue lists every open console's buyers, naming the shop when there are several: this shop's row.
  const row = await until(
    async () => {
      const rows = await frame.$$('.waiting');
      if (rows.length === 1) return rows[0]!;
      for (const candidate of rows) if ((await candidate.evaluate((el) => el.textContent ?? '')).includes('ff-badge')) return candidate;
      return null;
    },
    (found) => found !== null,
  );
  await clickInFrame(page, row!);
  await until(() => page.$eval('.conv-item--active', (el) => el.getAttribute('data-conv-id')), (id) => Boolean(id));
  await page.click('textarea.composer-input');
  await page.keyboard.type('亲，在的');
  await page.keyboard.press('Enter');
  await until(badge, (b) => b.text === '', 5_000);
  expect(errors).toEqual([]);
  await probe.close();
  await page.close();
});


/** Every kind of chat input the Chromium tests cover, each with its real library (demo/composers/). */
const firefoxLayouts = ['standard', 'editable', 'react', 'vue', 'quill', 'draft', 'lexical', 'slate', 'prosemirror', 'trix', 'codemirror'] as const;

describe.each(firefoxLayouts)('in Firefox, the %s composer', (layout) => {
  test('takes a clicked snippet at the caret into its own model, and the page’s Send sends exactly it', async () => {
    const { page, errors } = await h.openDemo(`seed=6&pace=0&buyers=1&layout=${layout}&shop=ff-${layout}`);
    const frame = await sidebarFrame(page);
    await page.click(EDITABLE);
    await page.keyboard.type('ok,');
    await until(() => composerText(page), (text) => text === 'ok,');
    await clickInFrame(page, await snippetButton(frame, oneLine.title));
    await until(() => composerText(page), (text) => text === `ok,${oneLine.body}`);
    await until(() => noticeText(frame), (text) => text === INSERTED);
    await page.click('.composer-send');
    expect((await sent(page)).at(-1)).toBe(`ok,${oneLine.body}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

test('in Firefox, an editor that takes no strategy gets nothing claimed: the reply is on the clipboard, and Ctrl+V pastes it', async () => {
  const { page, errors } = await h.openDemo('seed=6&pace=0&buyers=1&layout=reverting&shop=ff-reverting');
  const frame = await sidebarFrame(page);
  await page.click(EDITABLE);
  await page.keyboard.type('ok,');
  await until(() => composerText(page), (text) => text === 'ok,');
  await clickInFrame(page, await snippetButton(frame, oneLine.title));
  await until(() => noticeText(frame), (text) => text === en.insertCopied.message);
  expect(await composerText(page)).toBe('ok,');
  // Pasted as the agent would, into a plain field.
  await page.evaluate(() => {
    const field = document.createElement('textarea');
    field.id = 'kefu-test-paste';
    document.body.append(field);
    field.focus();
  });
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
  expect(await page.$eval('#kefu-test-paste', (el) => (el as HTMLTextAreaElement).value)).toBe(oneLine.body);
  expect(errors).toEqual([]);
  await page.close();
});

describe.each(['frame=1', 'frame=url'])('in Firefox, the chat input in a same-origin iframe (%s)', (query) => {
  test('expands shortcut then Tab there, and the page’s Send sends the filled snippet', async () => {
    const { page, errors } = await h.openDemo(`seed=6&pace=0&buyers=1&${query}&shop=ff-${query.replace(/\W/g, '')}`);
    const handle = await page.waitForSelector('.composer-frame');
    const composer = (await handle!.contentFrame())!;
    await clickInFrame(page, (await composer.waitForSelector('textarea.composer-input'))!);
    await page.keyboard.type(`thanks ${thanks.shortcut}`);
    await page.keyboard.press('Tab');
    const filled = thanks.body.replace('{{shopName}}', '演示店铺');
    await until(() => composerText(page), (text) => text === `thanks ${filled}`);
    await clickInFrame(page, (await composer.$('.composer-send'))!);
    expect((await sent(page)).at(-1)).toBe(`thanks ${filled}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

test('in Firefox, the page can neither hand the sidebar a channel of its own nor get a copy of it talked to', async () => {
  const { page, errors } = await h.openDemo('seed=6&pace=0&buyers=1&shop=ff-hostile');
  const frame = await sidebarFrame(page);
  // The page embeds its own copy (sidebar.html is web-accessible to the console's origin), and posts a
  // channel of its own, with a made-up token, to every frame it can reach; it then tells the copy to draw.
  await page.evaluate(`(() => {
    const copy = document.createElement('iframe');
    copy.id = 'page-copy';
    copy.src = ${JSON.stringify(`${EXTENSION_ORIGIN}/sidebar.html#made-up`)};
    document.body.append(copy);
    copy.addEventListener('load', () => {
      for (let i = 0; i < window.frames.length; i++) {
        const channel = new MessageChannel();
        window.__pagePorts = [...(window.__pagePorts || []), channel.port1];
        window.frames[i].postMessage({ kefuSidebarChannel: 'made-up' }, '*', [channel.port2]);
        channel.port1.postMessage({ type: 'view', view: { collapsed: false, notice: { kind: 'info', text: 'forged' } } });
      }
    });
  })()`);
  const copy = await until(
    async () => {
      for (const f of page.frames()) if (await f.evaluate(() => location.hash === '#made-up').catch(() => false)) return f;
      return null;
    },
    (found) => found !== null,
  );
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  // The copy took the page's channel (its token is the page's own) but is only ever the page's puppet:
  // it is not the extension's sidebar, and the real one neither listens to the page nor shows its notice.
  expect(await frame.$$eval('.notice', (els) => els.map((el) => el.textContent))).not.toContain('forged');
  expect(await copy!.$('.snippet')).toBeNull();
  // The real sidebar still inserts.
  await page.click('textarea.composer-input');
  await clickInFrame(page, await snippetButton(frame, oneLine.title));
  await until(() => composerText(page), (text) => text === oneLine.body);
  expect(errors).toEqual([]);
  await page.close();
});
