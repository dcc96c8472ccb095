import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { sidebarFrameNow, zoneInServiceHours } from '../../scripts/browser';
import { demoSent, startHarness, type Harness } from './harness';
import { DEBUG_PORT, openToolbarPopup, pressKeys, startVirtualDisplay } from './toolbar';

/**
 * Teaching the extension a console it does not know (issue 10), as an agent does it, in a real window: the
 * demo console in a layout no adapter knows, served under a host name of its own (shop-desk.test); the
 * toolbar button's popup offers to teach it; the browser asks for that one site (refused once, then granted,
 * from the keyboard); the picker is pointed at the parts; the console then works with the sidebar, and again
 * after a reload.
 */
const HOST = 'shop-desk.test';
let h: Harness;
let display: { stop: () => void };

beforeAll(async () => {
  display = await startVirtualDisplay();
  h = await startHarness({ headed: true, extensionDebugging: true, args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`, `--remote-debugging-port=${DEBUG_PORT}`] });
  // Short thresholds (warn at 2 s, breach at 4 s), and a time zone where now is inside the service hours.
  await h.setThresholds({ warnSec: 2, breachSec: 4, marksSec: [60] });
  const options = await h.context.newPage();
  await options.goto(h.extensionPage('options.html'));
  await options.evaluate(async (timeZone) => {
    const { settings = {} } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), timeZone } });
  }, zoneInServiceHours());
  await options.close();
});
afterAll(async () => {
  await h?.close();
  display?.stop();
});

const consoleUrl = (query: string) => `http://${HOST}:${h.port}/kefu-demo/?${query}`;

async function popupText(popup: Awaited<ReturnType<typeof openToolbarPopup>>, selector: string): Promise<string | null> {
  return popup.evaluate<string | null>(`(async () => { for (let i = 0; i < 50; i++) { const el = document.querySelector(${JSON.stringify(selector)}); if (el) return el.textContent; await new Promise((r) => setTimeout(r, 100)); } return null; })()`);
}

async function openUnknownConsole(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(consoleUrl('layout=unknown&seed=5&pace=0&buyers=3&delay=5&shop=taught'));
  await page.bringToFront();
  // The agent has answered once: the thread holds a message of each sender to point at.
  await page.locator('.zcomposer-input').fill('亲，在的，请问有什么可以帮您？');
  await page.keyboard.press('Enter');
  await page.locator('.zmsg--shop').first().waitFor();
  return page;
}

const permitted = async () => {
  const worker = h.context.serviceWorkers()[0] ?? (await h.context.waitForEvent('serviceworker'));
  return worker.evaluate((origin) => chrome.permissions.contains({ origins: [origin] }), `http://${HOST}/*`);
};

test('an unknown console is taught by pointing: the site asked for (refused once, then granted), the parts pointed at; it works, after a reload too, and survives export, deletion and import', async () => {
  const page = await openUnknownConsole();
  // No adapter reads it: no sidebar.
  await page.waitForTimeout(1_000);
  expect(sidebarFrameNow(page)).toBeNull();

  let popup = await openToolbarPopup(h.context, h.extensionId, page.url());
  expect(await popupText(popup, '.teach-console')).toContain(HOST);
  await popup.evaluate(`void document.querySelector('.teach-start').click()`);
  await page.waitForTimeout(1_000);
  // The agent says no to the browser's question: nothing is granted, nothing starts.
  pressKeys('Escape');
  await page.waitForTimeout(1_000);
  expect(await permitted()).toBe(false);
  expect(await page.locator('[data-kefu-picker]').count()).toBe(0);
  // The prompt closed the popup with it; opened again, the popup says why nothing happened.
  if (!(await popup.closed())) await popup.evaluate('window.close()');
  popup = await openToolbarPopup(h.context, h.extensionId, page.url());
  expect(await popupText(popup, '.teach-console .notice--error')).toContain(`没有得到 ${HOST} 的访问权限`);

  expect(await popupText(popup, '.teach-start')).toBe('开始指认');
  await popup.evaluate(`void document.querySelector('.teach-start').click()`);
  await page.waitForTimeout(1_000);
  pressKeys('Tab', 'Return');
  await expect.poll(() => popup.closed(), { timeout: 10_000 }).toBe(true);
  expect(await permitted()).toBe(true);
  await expect.poll(() => page.locator('[data-kefu-picker]').count(), { timeout: 10_000 }).toBe(1);

  // Pointing: a buyer's message, a shop's message, the buyer's name, the input, Send; the optional parts skipped.
  const next = () => page.getByRole('button', { name: '下一步' }).click();
  const skip = () => page.getByRole('button', { name: '跳过' }).click();
  await page.locator('.zmsg--buyer').first().click();
  await next();
  await page.locator('.zmsg--shop').first().click();
  await next();
  await skip(); // robot replies
  await skip(); // message time
  await page.locator('.zchat-buyer-name').click();
  await next();
  await skip(); // conversation rows
  await skip(); // their names
  await page.locator('.zcomposer-input').click();
  await next();
  // The panel sits over the console's Send: moved aside to point at it. The console enables Send once a
  // draft is typed; pointing at it sends nothing.
  await page.getByRole('button', { name: '移到左侧' }).click();
  await page.locator('.zcomposer-input').fill('草稿');
  const sentBefore = await demoSent(page);
  await page.locator('.zcomposer-send').click();
  expect(await demoSent(page)).toEqual(sentBefore);
  await next();
  await page.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => page.locator('[data-kefu-picker]').count(), { timeout: 10_000 }).toBe(0);

  // The console works: the sidebar shows the open buyer, and a buyer who writes waits.
  const buyer = (await page.locator('.zchat-buyer-name').textContent())!;
  await expect.poll(async () => (await sidebarFrameNow(page)?.locator('.buyer-name').textContent().catch(() => null)) ?? null, { timeout: 15_000 }).toBe(buyer);
  await page.locator('.zcomposer-input').fill('');
  const tabId = await h.tabIdOf(page);
  await page.evaluate(() => window.__kefuDemo.buyerWrites('在吗，这个还有货吗'));
  await expect.poll(async () => (await sidebarFrameNow(page)?.locator('.waiting').count()) ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
  // The wait is on the toolbar badge, as on a built-in console.
  await expect.poll(() => h.badgeText(tabId), { timeout: 10_000 }).not.toBe('');

  // A snippet goes into the console's input and the page's own Send sends it; the metrics count the reply.
  const frame = sidebarFrameNow(page)!;
  const snippet = frame.locator('.snippet').first();
  const title = (await snippet.locator('.snippet-title').textContent())!;
  await snippet.click();
  await expect.poll(() => page.locator('.zcomposer-input').inputValue()).not.toBe('');
  const inserted = await page.locator('.zcomposer-input').inputValue();
  await page.locator('.zcomposer-send').click();
  await expect.poll(async () => (await demoSent(page)).at(-1)).toBe(inserted);
  expect(title).toBeTruthy();
  const popup2 = await h.context.newPage();
  await popup2.goto(h.extensionPage('popup.html'));
  await popup2.getByRole('tab', { name: '今日' }).click();
  await expect.poll(() => popup2.locator('tr[data-metric="consultingBuyers"] .metric-value').textContent(), { timeout: 10_000 }).not.toBe('0');
  await expect.poll(() => popup2.locator('tr[data-metric="avgResponse"] .metric-value').textContent(), { timeout: 10_000 }).not.toBe('—');
  await popup2.close();
  await page.bringToFront();

  // Taught for good: after a reload the registered script reads it again.
  await page.reload();
  await expect.poll(async () => (await sidebarFrameNow(page)?.locator('.buyer-name').textContent().catch(() => null)) ?? null, { timeout: 15_000 }).toBe(buyer);

  // Shared: exported, deleted (its site given back, the console unknown again), imported (the site asked for again).
  const options = await h.context.newPage();
  await options.goto(h.extensionPage('options.html'));
  const section = options.locator('section.custom-sites');
  await expect.poll(() => section.locator('.custom-site').count()).toBe(1);
  const [download] = await Promise.all([options.waitForEvent('download'), section.getByRole('button', { name: '全部导出' }).click()]);
  const file = (await download.path())!;
  await section.getByRole('button', { name: '删除' }).click();
  await section.getByRole('button', { name: '确定删除' }).click();
  await expect.poll(() => section.locator('.custom-site').count()).toBe(0);
  expect(await permitted()).toBe(false);
  await page.reload();
  await page.waitForTimeout(1_500);
  expect(sidebarFrameNow(page)).toBeNull();

  await section.locator('input.custom-sites-import').setInputFiles(file);
  await options.bringToFront();
  await section.getByRole('button', { name: '授予权限并导入' }).click();
  await options.waitForTimeout(1_000);
  pressKeys('Tab', 'Return');
  await expect.poll(() => section.locator('.custom-site').count(), { timeout: 10_000 }).toBe(1);
  expect(await permitted()).toBe(true);
  await options.close();
  await page.bringToFront();
  await page.reload();
  await expect.poll(async () => (await sidebarFrameNow(page)?.locator('.buyer-name').textContent().catch(() => null)) ?? null, { timeout: 15_000 }).toBe(buyer);
  await page.close();
});

test('a built-in console with one renamed part: the sidebar’s health report starts the picker for just that part, and health turns to working', async () => {
  const page = await h.context.newPage();
  await page.goto(h.demo('seed=9&pace=0&buyers=2&delay=5&shop=fixed&renamed=composer-input'));
  await page.bringToFront();
  const frame = () => sidebarFrameNow(page);
  await expect.poll(async () => (await frame()?.locator('.health').textContent().catch(() => null)) ?? null, { timeout: 15_000 }).toBe('部分可用');
  await frame()!.locator('.health-fix').click();
  await page.waitForTimeout(1_000);
  pressKeys('Tab', 'Return');
  await expect.poll(() => page.locator('[data-kefu-picker]').count(), { timeout: 10_000 }).toBe(1);
  // Only the renamed part is asked for.
  expect(await page.locator('[data-kefu-picker] .picker-parts li').count()).toBe(1);
  await page.locator('.composer-input-v2').click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => page.locator('[data-kefu-picker]').count(), { timeout: 10_000 }).toBe(0);
  await expect.poll(async () => (await sidebarFrameNow(page)?.locator('.health').textContent().catch(() => null)) ?? null, { timeout: 15_000 }).toBe('正常');
  // The fixed part works: a snippet goes into the renamed input.
  await sidebarFrameNow(page)!.locator('.snippet').first().click();
  await expect.poll(() => page.locator('.composer-input-v2').inputValue()).not.toBe('');
  await page.close();
});
