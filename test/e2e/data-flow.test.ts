import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { parseEventExport } from '@/lib/event-export';
import { zoneInServiceHours } from '../../scripts/browser';
import { collectErrors, sidebar, startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  const page = await h.context.newPage();
  await page.goto(h.extensionPage('options.html'));
  await page.evaluate(async (timeZone) => chrome.storage.local.set({ settings: { timeZone } }), zoneInServiceHours());
  await page.close();
});
afterAll(async () => {
  await h?.close();
});

/** The popup's metrics by id, as the agent reads them (the day view: no shift started). */
async function popupMetrics(): Promise<Record<string, string>> {
  const popup = await h.context.newPage();
  await popup.goto(h.extensionPage('popup.html'));
  await popup.getByRole('tab', { name: '今日' }).click();
  await popup.locator('tr[data-metric]').first().waitFor();
  const rows = await popup.locator('tr[data-metric]').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-metric'), tr.querySelector('.metric-value')!.textContent]));
  await popup.close();
  return Object.fromEntries(rows);
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

test('messages read off the page become the popup’s metrics, counted once, across reloads and a killed worker', async () => {
  const { page, errors } = await h.openDemo('seed=21&pace=0&buyers=3&delay=5');
  await expect.poll(() => sidebar(page).isVisible()).toBe(true);
  // The shop robot greets each buyer on the console's first tick: no reply for the metrics.
  await page.locator('.msg--robot').waitFor();
  await openBuyers(page, 3);
  // Seed 21 opens with three buyers, each with one question nobody answered yet.
  await expect.poll(popupMetrics).toMatchObject({ consultingBuyers: '3', unanswered: '3', rate30: '0.0%', avgResponse: '—' });
  const before = await popupMetrics();

  // Re-render and reload: the same messages are read again and must not count twice.
  await page.evaluate(() => window.__kefuDemo.rerender());
  await page.reload();
  await openBuyers(page, 3);
  await page.waitForTimeout(500);
  expect(await popupMetrics()).toEqual(before);

  // Chrome stops idle workers; nothing may live only in its memory.
  await h.stopWorkers(page);
  expect(await popupMetrics()).toEqual(before);

  // The next message after the stop restarts the worker and is counted: one buyer answered.
  await h.stopWorkers(page);
  await sidebar(page).locator('.snippet').first().click();
  await page.locator('.composer-send').click();
  await expect.poll(popupMetrics).toMatchObject({ consultingBuyers: '3', unanswered: '2', effectiveReplyRate: '33.3%' });
  expect(errors).toEqual([]);
  await page.close();
});

test('the popup exports the day as events and CSV; a supervisor scores the export with npm run metrics', async () => {
  const popup = await h.context.newPage();
  const errors = collectErrors(popup);
  await popup.goto(h.extensionPage('popup.html'));
  await popup.getByRole('tab', { name: '今日' }).click();
  const [jsonDownload] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: '导出事件 (JSON)' }).click()]);
  const parsed = parseEventExport(await readFile((await jsonDownload.path())!, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  expect(parsed.value.events.filter((e) => e.sender === 'buyer').length).toBeGreaterThanOrEqual(3);
  const [csvDownload] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: '导出指标 (CSV)' }).click()]);
  const csv = await readFile((await csvDownload.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('period_start,period_end,profile,time_zone,metric,value,target,status');
  expect(csv).toMatch(/,consultingBuyers,3,,/);

  const { execFileSync } = await import('node:child_process');
  const out = JSON.parse(execFileSync('npx', ['tsx', 'scripts/metrics.ts', (await jsonDownload.path())!, '--json'], { encoding: 'utf8' }));
  expect(out.metrics.consultingBuyers).toBe(3);
  expect(out.metrics.unanswered).toBe(2);
  expect(errors).toEqual([]);
  await popup.close();
});

test('the popup copies a snippet when the active tab is no console, and the options page opens from it', async () => {
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const popup = await h.context.newPage();
  const errors = collectErrors(popup);
  await popup.goto(h.extensionPage('popup.html'));
  await popup.locator('.snippet').first().click();
  // Opened as a tab, the popup is itself the active tab: no console there, so it copies.
  await expect.poll(() => popup.locator('.notice--info').textContent()).toBe('当前标签页不是客服台，已复制到剪贴板');
  const first = await popup.locator('.snippet-body').first().textContent();
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(first);
  const [options] = await Promise.all([h.context.waitForEvent('page'), popup.getByRole('button', { name: '设置' }).click()]);
  await expect.poll(() => options.title()).toBe('客服助手设置');
  expect(errors).toEqual([]);
});
