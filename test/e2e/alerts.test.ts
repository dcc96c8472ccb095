import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { sidebarFrame } from '../../scripts/browser';
import { sidebar, startHarness, type Harness } from './harness';

// Short thresholds for the test: warn at 2 s, breach at 4 s.
const WARN_MS = 2_000;
const BREACH_MS = 4_000;
/** The budget: the badge changes within one second of a threshold. */
const BADGE_LATENCY_MS = 1_000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.setThresholds({ warnSec: 2, breachSec: 4, marksSec: [60] });
});
afterAll(async () => {
  await h?.close();
});

const tabIdOf = (page: Page) => h.tabIdOf(page);

async function badge(tabId?: number): Promise<{ text: string; color: string }> {
  // The worker may have been stopped: find the current one.
  const worker = h.context.serviceWorkers()[0] ?? (await h.context.waitForEvent('serviceworker'));
  return worker.evaluate(async (id) => {
    const details = id === undefined ? {} : { tabId: id };
    const text = await chrome.action.getBadgeText(details);
    const [r, g, b] = await chrome.action.getBadgeBackgroundColor(details);
    return { text, color: text ? `rgb(${r},${g},${b})` : '' };
  }, tabId);
}
const AMBER = 'rgb(217,119,6)';
const RED = 'rgb(220,38,38)';

/** Polls the badge until it shows `expected`; returns when that was first seen. */
async function badgeBecomes(tabId: number | undefined, expected: { text: string; color: string }): Promise<number> {
  await expect.poll(() => badge(tabId), { timeout: 10_000, interval: 50 }).toEqual(expected);
  return Date.now();
}

async function buyerArrives(page: Page): Promise<{ id: string; at: number }> {
  const at = Date.now();
  const id = await page.evaluate(() => window.__kefuDemo.arrive());
  return { id, at };
}

test('a waiting buyer turns the badge amber, then red, each within a second; answering clears it', async () => {
  const { page, errors } = await h.openDemo('seed=31&pace=0&buyers=0&delay=5&shop=shop-a');
  await expect.poll(() => sidebar(page).isVisible()).toBe(true);
  const tabId = await tabIdOf(page);
  const { id, at } = await buyerArrives(page);
  // A buyer nobody opened yet: known from the conversation list.
  await expect.poll(() => sidebar(page).locator('.waiting').count()).toBe(1);
  expect(await badge(tabId)).toEqual({ text: '', color: '' });
  const amberAt = await badgeBecomes(tabId, { text: '1', color: AMBER });
  expect(amberAt - at).toBeGreaterThanOrEqual(WARN_MS - 100);
  expect(amberAt - at).toBeLessThan(WARN_MS + BADGE_LATENCY_MS);
  const redAt = await badgeBecomes(tabId, { text: '1', color: RED });
  expect(redAt - at).toBeLessThan(BREACH_MS + BADGE_LATENCY_MS);
  expect(await sidebar(page).locator('.waiting--breach').count()).toBe(1);

  // One click in the sidebar opens the conversation; the agent answers; the badge clears.
  await sidebar(page).locator('.waiting').first().click();
  await expect.poll(() => page.locator('.conv-item--active').getAttribute('data-conv-id')).toBe(id);
  await page.locator('textarea.composer-input').fill('亲，在的');
  await page.locator('textarea.composer-input').press('Enter');
  const sentAt = Date.now();
  const clearedAt = await badgeBecomes(tabId, { text: '', color: '' });
  expect(clearedAt - sentAt).toBeLessThan(BADGE_LATENCY_MS);
  await expect.poll(() => sidebar(page).locator('.waiting').count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

test('the worker stopped mid-wait: the badge still turns amber and red on time', async () => {
  const { page } = await h.openDemo('seed=32&pace=0&buyers=0&delay=5&shop=shop-kill');
  await expect.poll(() => sidebar(page).isVisible()).toBe(true);
  const tabId = await tabIdOf(page);
  const { at } = await buyerArrives(page);
  await expect.poll(() => sidebar(page).locator('.waiting').count()).toBe(1);
  await h.stopWorkers(page);
  const amberAt = await badgeBecomes(tabId, { text: '1', color: AMBER });
  expect(amberAt - at).toBeLessThan(WARN_MS + BADGE_LATENCY_MS);
  await h.stopWorkers(page);
  const redAt = await badgeBecomes(tabId, { text: '1', color: RED });
  expect(redAt - at).toBeLessThan(BREACH_MS + BADGE_LATENCY_MS);
  await page.close();
});

test('reloading the tab does not reset the wait', async () => {
  const { page } = await h.openDemo('seed=33&pace=0&buyers=0&delay=5&shop=shop-reload');
  await expect.poll(() => sidebar(page).isVisible()).toBe(true);
  const tabId = await tabIdOf(page);
  const { at } = await buyerArrives(page);
  await expect.poll(() => sidebar(page).locator('.waiting').count()).toBe(1);
  await page.waitForTimeout(2_500);
  await page.reload();
  await sidebarFrame(page);
  await expect.poll(() => sidebar(page).locator('.waiting-time').textContent()).toMatch(/^0:0[2-9]$/);
  const redAt = await badgeBecomes(tabId, { text: '1', color: RED });
  expect(redAt - at).toBeLessThan(BREACH_MS + BADGE_LATENCY_MS);
  await page.close();
});

test('two consoles of two shops in two tabs are tracked apart', async () => {
  const a = await h.openDemo('seed=34&pace=0&buyers=0&delay=5&shop=shop-one');
  const b = await h.openDemo('seed=35&pace=0&buyers=0&delay=5&shop=shop-two');
  for (const { page } of [a, b]) await expect.poll(() => sidebar(page).isVisible()).toBe(true);
  const tabA = await tabIdOf(a.page);
  const tabB = await tabIdOf(b.page);
  await buyerArrives(a.page);
  await buyerArrives(a.page);
  await buyerArrives(b.page);
  await badgeBecomes(tabA, { text: '2', color: RED });
  await badgeBecomes(tabB, { text: '1', color: RED });
  // Every other tab shows the total.
  await badgeBecomes(undefined, { text: '3', color: RED });
  // Each sidebar lists both shops' buyers in one queue, each row naming its shop; the badges stay apart.
  for (const { page } of [a, b]) {
    await expect.poll(() => sidebar(page).locator('.waiting').filter({ hasText: '· shop-one' }).count()).toBe(2);
    await expect.poll(() => sidebar(page).locator('.waiting').filter({ hasText: '· shop-two' }).count()).toBe(1);
  }
  // Closing shop two's tab: its buyer no longer counts anywhere.
  await b.page.close();
  await badgeBecomes(undefined, { text: '2', color: RED });
  await expect.poll(() => sidebar(a.page).locator('.waiting').count()).toBe(2);
  await a.page.close();
});
