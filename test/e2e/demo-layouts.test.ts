import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { ChatEvent } from '@/lib/chat-event';
import { createSnippetIndex } from '@/lib/snippet-search';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { demoSent, sidebar, startHarness, type Harness } from './harness';

/**
 * The demo console in the shapes real consoles take (demo/layout.ts): the chat input in a same-origin
 * iframe, a virtualised message list that recycles its rows, times printed to the minute, a list that
 * marks waiting buyers without a time. On each: a new buyer's wait reaches the badge on time, and a
 * snippet goes in by click and by shortcut then Tab, and the console's own Send sends exactly it.
 */
const WARN_S = 2;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.setThresholds({ warnSec: WARN_S, breachSec: 4, marksSec: [60] });
});
afterAll(async () => {
  await h?.close();
});

const badgeText = async (page: Page) => h.badgeText(await h.tabIdOf(page));

async function storedTexts(shop: string): Promise<string[]> {
  const page = await h.context.newPage();
  await page.goto(h.extensionPage('options.html'));
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ kefu: 1, name: 'export.events', payload: { view: 'day' } }));
  await page.close();
  return (reply.data.events as ChatEvent[]).filter((e) => e.shopId === shop).map((e) => e.text);
}

const greeting = defaultSnippets.find((s) => s.id === 'zh-greeting-busy')!;
// zh-thanks (shortcut xx) has only the shop's name as a fill-in, which the page supplies.
const thanks = defaultSnippets.find((s) => s.id === 'zh-thanks')!;
const filledThanks = thanks.body.replace('{{shopName}}', '演示店铺');

const LAYOUTS = [
  { name: 'the chat input in a same-origin iframe', query: 'frame=1' },
  { name: 'the contenteditable input in a same-origin iframe', query: 'frame=1&layout=editable' },
  { name: 'the chat input in a same-origin iframe loaded from the console’s own address', query: 'frame=url' },
  { name: 'a ProseMirror editor in a same-origin iframe loaded from the console’s own address', query: 'frame=url&layout=prosemirror' },
  { name: 'the chat input in an address-less (about:blank) iframe the console writes into', query: 'frame=blank' },
  { name: 'a virtualised message list that recycles its rows', query: 'list=virtual' },
  { name: 'times printed to the minute', query: 'times=clock' },
  { name: 'a list that marks waiting buyers without a time', query: 'waiting=marks' },
] as const;

describe.each(LAYOUTS)('the demo console with $name', ({ query }) => {
  // A shop per test: the demo's message ids repeat from one page load to the next, and a shop keeps each id once.
  let n = 0;
  let shop = '';
  const open = () => {
    shop = `layout-${query.replace(/[^a-z]/g, '')}-${n++}`;
    return h.openDemo(`seed=61&pace=0&buyers=1&delay=10&shop=${shop}&${query}`);
  };
  const frameOf = (page: Page): Page | FrameLocator => (query.includes('frame=') ? page.frameLocator('.composer-frame') : page);
  const inputOf = (page: Page): Locator => frameOf(page).locator('.composer-input');

  test('a buyer’s wait turns the badge amber at the warning, not before, whether it is read off the thread or the list', async () => {
    const { page, errors } = await open();
    await expect.poll(() => sidebar(page).isVisible()).toBe(true);
    // The open buyer is answered first: nobody waits.
    await inputOf(page).click();
    await page.keyboard.type('您好，请问有什么可以帮您');
    await frameOf(page).locator('.composer-send').click();
    await expect.poll(() => badgeText(page)).toBe('');
    // The open buyer writes again: their wait is read off the thread (printed to the minute with times=clock).
    let from = Date.now();
    await page.evaluate(() => window.__kefuDemo.buyerWrites('还在吗？'));
    await expect.poll(() => badgeText(page), { timeout: 10_000, interval: 50 }).toBe('1');
    let after = Date.now() - from;
    expect(after).toBeGreaterThanOrEqual(WARN_S * 1000 - 300);
    expect(after).toBeLessThan(WARN_S * 1000 + 1500);
    // A new buyer in a conversation not open: their wait is read off the list (a mark with waiting=marks).
    from = Date.now();
    await page.evaluate(() => window.__kefuDemo.arrive());
    await expect.poll(() => badgeText(page), { timeout: 10_000, interval: 50 }).toBe('2');
    after = Date.now() - from;
    expect(after).toBeGreaterThanOrEqual(WARN_S * 1000 - 300);
    expect(after).toBeLessThan(WARN_S * 1000 + 1500);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a snippet goes in by click and by shortcut then Tab; the console’s own Send sends exactly it', async () => {
    const { page, errors } = await open();
    await expect.poll(() => sidebar(page).locator('.snippet').count()).toBeGreaterThan(3);
    await inputOf(page).click();
    await sidebar(page).locator('.snippet', { hasText: greeting.title }).click();
    await expect.poll(() => page.evaluate(() => window.__kefuDemo.composerText())).toBe(greeting.body);
    await frameOf(page).locator('.composer-send').click();
    await expect.poll(() => demoSent(page)).toEqual([greeting.body]);

    await inputOf(page).click();
    await page.keyboard.type(thanks.shortcut!);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => window.__kefuDemo.composerText())).toBe(filledThanks);
    await frameOf(page).locator('.composer-send').click();
    await expect.poll(() => demoSent(page)).toEqual([greeting.body, filledThanks]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('every message the buyer writes is recorded once, however the page draws it', async () => {
    const { page, errors } = await open();
    await expect.poll(() => sidebar(page).isVisible()).toBe(true);
    for (let i = 0; i < 40; i++) {
      await page.evaluate((text) => window.__kefuDemo.buyerWrites(text), `第 ${i} 条`);
      await page.waitForTimeout(30);
    }
    await expect.poll(async () => (await storedTexts(shop)).filter((t) => /^第 \d+ 条$/.test(t)).length, { timeout: 10_000 }).toBe(40);
    const texts = (await storedTexts(shop)).filter((t) => /^第 \d+ 条$/.test(t));
    expect(new Set(texts).size).toBe(40);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(['frame=1', 'frame=url', 'frame=blank'])('the chat input in a same-origin iframe (%s)', (query) => {
  test('Alt+K there opens the quick search; pinyin initials find the snippet; Enter puts it into the frame’s input', async () => {
    const { page, errors } = await h.openDemo(`seed=44&pace=0&buyers=1&shop=quick-${query.replace(/\W/g, '')}&${query}`);
    await expect.poll(() => sidebar(page).locator('.snippet').count()).toBeGreaterThan(10);
    const frame = page.frameLocator('.composer-frame');
    if (query === 'frame=blank') expect(await page.locator('.composer-frame').evaluate((el) => (el as HTMLIFrameElement).contentDocument!.URL)).toBe('about:blank');
    await frame.locator('.composer-input').click();
    await page.keyboard.press('Alt+k');
    await expect.poll(() => sidebar(page).locator('.snippet-search').evaluate((el) => el === (el.getRootNode() as Document).activeElement)).toBe(true);
    await page.keyboard.type('tk');
    const expected = createSnippetIndex(defaultSnippets).search('tk', { phase: 'presale' })[0]!;
    await expect.poll(() => sidebar(page).locator('.snippet--active .snippet-title').textContent()).toContain(expected.title);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__kefuDemo.composerText())).toBe(expected.body);
    await frame.locator('.composer-send').click();
    await expect.poll(() => demoSent(page)).toEqual([expected.body]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
