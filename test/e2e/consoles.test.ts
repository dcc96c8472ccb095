import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ChatEvent } from '@/lib/chat-event';
import { douyinSelectors } from '@/lib/sites/douyin';
import { jdSelectors } from '@/lib/sites/jd';
import { pinduoduoSelectors } from '@/lib/sites/pinduoduo';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { sidebarFrame } from '../../scripts/browser';
import { collectErrors, inSidebar, startHarness, type Harness } from './harness';

/**
 * The real consoles' pages, rebuilt from public evidence (test/consoles/), served over HTTPS under the real
 * host names: the match patterns that ship are the ones loaded here. On each: the waiting buyer shows in
 * the sidebar and on the badge, a snippet lands in the console's own input and the console's own Send
 * sends exactly it, the badge clears after the reply, and what was recorded is what the page shows.
 */
const CONSOLES = [
  { site: 'pinduoduo', url: 'https://mms.pinduoduo.com/chat-merchant/index.html#/', input: pinduoduoSelectors.input, send: pinduoduoSelectors.send, buyer: pinduoduoSelectors.buyerName },
  { site: 'douyin', url: 'https://im.jinritemai.com/pc_seller_v2/main/workspace', input: douyinSelectors.input, send: douyinSelectors.send, buyer: douyinSelectors.buyerName },
  { site: 'jd', url: 'https://dongdong.jd.com/', input: jdSelectors.input, send: jdSelectors.send, buyer: jdSelectors.buyerName },
] as const;

declare global {
  interface Window {
    __fixture: { buyerWrites(text: string): void; sent(): string[]; arrive(): string };
  }
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ consoles: true });
  // Short thresholds: warn at 2 s, breach at 4 s.
  await h.setThresholds({ warnSec: 2, breachSec: 4, marksSec: [60] });
});
afterAll(async () => {
  await h?.close();
});

const tabIdOf = (page: Page) => h.tabIdOf(page);
const badgeText = (tabId: number) => h.badgeText(tabId);

/**
 * Every event stored for `site`, oldest first, read from the extension's database itself: not through a day's
 * export, whose window (the day and the 12 hours before it) would leave yesterday's history out in the
 * first half of a day, so the test's outcome would hang on the hour it runs at.
 */
async function storedEvents(site: string): Promise<ChatEvent[]> {
  const page = await h.context.newPage();
  await page.goto(h.extensionPage('options.html'));
  const events = await page.evaluate(
    () =>
      new Promise<ChatEvent[]>((resolve, reject) => {
        const open = indexedDB.open('kefu-sidekick');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('events').objectStore('events').index('at').getAll();
          all.onsuccess = () => (open.result.close(), resolve(all.result as ChatEvent[]));
          all.onerror = () => reject(all.error);
        };
      }),
  );
  await page.close();
  return events.filter((e) => e.site === site);
}

const greeting = defaultSnippets.find((s) => s.id === 'zh-greeting-busy')!;

describe.each(CONSOLES)('the $site console under its real host name', ({ site, url, input, send, buyer }) => {
  test('the docked sidebar covers none of the console: its input, its Send, the buyer', async () => {
    const page = await h.context.newPage();
    await page.goto(url);
    const frame = await sidebarFrame(page);
    await frame.locator('aside.sidebar').waitFor();
    const box = (await (await frame.frameElement()).boundingBox())!;
    await expect
      .poll(() =>
        page.evaluate(
          ({ selectors, left }) => selectors.filter((s) => (document.querySelector(s)?.getBoundingClientRect().right ?? 0) > left + 0.5),
          { selectors: [input, send, buyer], left: box.x },
        ),
      )
      .toEqual([]);
    await page.close();
  });

  test('a waiting buyer shows in the sidebar and on the badge; a snippet goes in and the console’s Send sends it; the badge clears', async () => {
    const page = await h.context.newPage();
    const errors = collectErrors(page);
    await page.goto(url);
    await sidebarFrame(page);
    const tabId = await tabIdOf(page);
    await expect.poll(() => inSidebar(page, '.waiting').count()).toBeGreaterThanOrEqual(2);

    await page.evaluate(() => window.__fixture.buyerWrites('在吗？这个有现货吗'));
    await expect.poll(() => badgeText(tabId), { timeout: 10_000 }).not.toBe('');
    // Every buyer who waits has passed the breach (4 s) by now: the badge counts them all.
    await page.waitForTimeout(4_500);
    const waiting = Number(await badgeText(tabId));
    expect(waiting).toBeGreaterThanOrEqual(1);
    const buyerName = await inSidebar(page, '.buyer-name').textContent();
    expect(buyerName).toBeTruthy();

    await inSidebar(page, '.snippet').filter({ hasText: greeting.title }).first().click();
    await expect.poll(() => page.locator(input).evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : el.textContent ?? '').trim())).toBe(greeting.body);
    await page.locator(send).click();
    expect(await page.evaluate(() => window.__fixture.sent())).toEqual([greeting.body]);

    // The open buyer is answered: one waiting row fewer, and the badge counts only the others.
    const stored = async () => storedEvents(site);
    await expect.poll(async () => (await stored()).some((e) => e.sender === 'shop' && !e.auto && e.text === greeting.body), { timeout: 10_000 }).toBe(true);
    const events = await stored();
    const asked = events.find((e) => e.text === '在吗？这个有现货吗')!;
    expect(asked).toMatchObject({ sender: 'buyer', type: 'message', buyerName });
    const reply = events.find((e) => e.text === greeting.body)!;
    expect(reply.conversationId).toBe(asked.conversationId);
    await expect.poll(() => inSidebar(page, '.waiting').filter({ hasText: buyerName! }).count()).toBe(0);
    await expect.poll(() => badgeText(tabId)).toBe(waiting > 1 ? String(waiting - 1) : '');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the draft check: a risky draft shows its finding, the console’s Send is held with the draft kept, confirming sends it once', async () => {
    const page = await h.context.newPage();
    const errors = collectErrors(page);
    await page.goto(url);
    await sidebarFrame(page);
    const risky = '加我微信 abc12345 私下退款给你';
    await page.locator(input).click();
    await page.keyboard.type(risky);
    await expect.poll(() => inSidebar(page, '.draft-finding[data-category="offPlatform"] mark').textContent()).toContain('微信');
    const draft = () => page.locator(input).evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? '')).trim());
    await page.locator(send).click();
    await expect.poll(() => inSidebar(page, '.draft-held').count()).toBe(1);
    expect(await page.evaluate(() => window.__fixture.sent())).toEqual([]);
    expect(await draft()).toBe(risky);
    await inSidebar(page, '.draft-held').getByRole('button', { name: '仍要发送' }).click();
    await expect.poll(() => page.evaluate(() => window.__fixture.sent())).toEqual([risky]);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.__fixture.sent())).toEqual([risky]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an unrelated page on the console’s host gets no sidebar and is left alone', async () => {
    const page = await h.context.newPage();
    const errors = collectErrors(page);
    await page.goto(new URL('/some/other/page', url).href);
    await page.waitForTimeout(1_500);
    expect(await page.locator('[data-kefu-sidekick]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Taobao’s web chat history (the live chat is a desktop client no extension can reach)', () => {
  test('the history in Qianniu’s page is read for the metrics only: stored with its printed times, no waits, no sidebar', async () => {
    const page = await h.context.newPage();
    const errors = collectErrors(page);
    await page.goto('https://qn.taobao.com/home.htm/app-customer-service/toolpage/Message');
    await expect.poll(async () => (await storedEvents('taobao')).length, { timeout: 10_000 }).toBe(6);
    const events = await storedEvents('taobao');
    expect(events.map((e) => e.sender)).toEqual(['buyer', 'shop', 'buyer', 'shop', 'shop', 'buyer']);
    expect(events.every((e) => e.atSource === 'page' && e.shopId === 'taobao:小鹿家居旗舰店')).toBe(true);
    // Yesterday's unanswered-looking history is nobody waiting now, and no sidebar is drawn in either frame.
    const popup = await h.context.newPage();
    await popup.goto(h.extensionPage('options.html'));
    const reply = await popup.evaluate(() => chrome.runtime.sendMessage({ kefu: 1, name: 'metrics.get', payload: { view: 'day' } }));
    await popup.close();
    expect((reply.data.waits as { site: string }[]).filter((w) => w.site === 'taobao')).toEqual([]);
    for (const frame of page.frames()) expect(await frame.locator('[data-kefu-sidekick]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('AliExpress (nothing public shows its page yet)', () => {
  test('the sidebar says at once that every part is not known yet, rather than a silent nothing', async () => {
    const page = await h.context.newPage();
    const errors = collectErrors(page);
    await page.goto('https://gsp.aliexpress.com/m_apps/im-chat/im#/window');
    await sidebarFrame(page);
    await expect.poll(() => inSidebar(page, '.health').textContent()).toBe('部分可用');
    await expect.poll(() => inSidebar(page, '.notice--warning').first().textContent()).toContain('结构尚无公开资料');
    expect(errors).toEqual([]);
    await page.close();
  });
});
