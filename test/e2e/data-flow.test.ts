import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { collectErrors, sidebar, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The popup's figures by label, as the agent reads them. */
async function popupFigures(h: Harness): Promise<Record<string, number>> {
  const popup = await h.context.newPage();
  await popup.goto(h.extensionPage('popup.html'));
  await popup.locator('.figure').first().waitFor();
  const labels = await popup.locator('.figure dt').allTextContents();
  const values = await popup.locator('.figure dd').allTextContents();
  await popup.close();
  return Object.fromEntries(labels.map((label, i) => [label, Number(values[i])]));
}

/**
 * Opens each conversation as an agent would, waiting until the sidebar shows its buyer, and ends back on
 * the first one: a conversation is read while it is open, and the first one was open from the start.
 */
async function openBuyers(page: Page, count: number) {
  for (const i of [...Array(count).keys(), 0]) {
    await page.locator('.conv-item').nth(i).click();
    const name = await page.locator('.chat-buyer-name').textContent();
    await expect.poll(() => sidebar(page).locator('.buyer-name').textContent()).toBe(name);
  }
}

test('messages read off the page reach the worker’s database and the popup, once each, across a killed worker', async () => {
  const { page, errors } = await h.openDemo('seed=21&pace=0&buyers=3');
  await expect.poll(() => sidebar(page).isVisible()).toBe(true);
  // The shop robot greets each buyer on the console's first tick.
  await page.locator('.msg--robot').waitFor();
  await openBuyers(page, 3);
  // Seed 21 opens with three buyers, each with one question and the shop robot's greeting.
  const before = { 咨询买家: 3, 买家消息: 3, 看到的下单: 0, 记录的事件: 6 };
  await expect.poll(() => popupFigures(h)).toEqual(before);

  // Re-render and reload: the same messages are read again and must not count twice.
  await page.evaluate(() => window.__kefuDemo.rerender());
  await page.reload();
  await openBuyers(page, 3);
  await page.waitForTimeout(500);
  expect(await popupFigures(h)).toEqual(before);

  // Chrome stops idle workers; nothing may live only in its memory.
  await h.stopWorkers(page);
  expect(await popupFigures(h)).toEqual(before);

  // The next message after the stop restarts the worker and is recorded.
  await h.stopWorkers(page);
  await page.locator('.conv-item').first().click();
  await sidebar(page).locator('.snippet').first().click();
  await page.locator('.composer-send').click();
  await expect.poll(async () => (await popupFigures(h))['记录的事件']).toBe(before['记录的事件'] + 1);
  expect(errors).toEqual([]);
});

test('the popup copies a snippet and the options page opens from it', async () => {
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const popup = await h.context.newPage();
  const errors = collectErrors(popup);
  await popup.goto(h.extensionPage('popup.html'));
  await popup.locator('.snippet').first().click();
  await expect.poll(() => popup.locator('.notice--info').textContent()).toBe('已复制');
  const first = await popup.locator('.snippet-body').first().textContent();
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(first);
  const [options] = await Promise.all([h.context.waitForEvent('page'), popup.getByRole('button', { name: '设置' }).click()]);
  await expect.poll(() => options.title()).toBe('客服助手设置');
  expect(errors).toEqual([]);
});
