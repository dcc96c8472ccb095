import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { createSnippetIndex } from '@/lib/snippet-search';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { fillTemplate } from '@/lib/template';
import { demoSent, sidebar, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const snippet = (id: string) => defaultSnippets.find((s) => s.id === id)!;
const SHOP = '演示店铺';

/** The snippet's text with these fill-ins; fails the test if any is missing. */
function filled(id: string, values: Record<string, string> = {}): string {
  const result = fillTemplate(snippet(id).body, values);
  if (!result.ok) throw new Error(`${id}: missing ${result.missing.join(', ')}`);
  return result.text;
}

async function composerText(page: Page, layout: string): Promise<string> {
  return layout === 'editable' ? ((await page.locator('.composer-input').textContent()) ?? '') : page.locator('textarea.composer-input').inputValue();
}

async function sendAndCheck(page: Page, layout: string, expected: string) {
  await expect.poll(() => composerText(page, layout)).toBe(expected);
  await page.waitForTimeout(600); // the console re-renders from its own state meanwhile
  expect(await composerText(page, layout)).toBe(expected);
  await page.locator('.composer-send').click();
  expect((await demoSent(page)).at(-1)).toBe(expected);
}

describe('snippets with fill-ins', () => {
  test('fill-ins the page shows are filled in; the page’s Send sends exactly the filled text', async () => {
    const { page, errors } = await h.openDemo('seed=41&pace=0&buyers=1');
    const thanks = snippet('zh-thanks');
    await sidebar(page).locator('.snippet', { hasText: thanks.title }).first().click();
    await sendAndCheck(page, 'standard', filled('zh-thanks', { shopName: SHOP }));
    expect((await demoSent(page)).at(-1)).toContain(SHOP);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a fill-in the page cannot supply is asked for first; nothing goes in with a placeholder', async () => {
    const { page, errors } = await h.openDemo('seed=42&pace=0&buyers=1');
    const coupon = snippet('zh-price-coupon');
    await sidebar(page).locator('.snippet', { hasText: coupon.title }).first().click();
    const form = sidebar(page).locator('form.fill-in');
    await expect.poll(() => form.isVisible()).toBe(true);
    expect(await page.locator('textarea.composer-input').inputValue()).toBe('');
    await form.getByLabel('金额').fill('20');
    await form.getByLabel('金额').press('Enter');
    const expected = filled('zh-price-coupon', { amount: '20' });
    await sendAndCheck(page, 'standard', expected);
    expect(expected).not.toContain('{{');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(['standard', 'editable'])('in the %s layout', (layout) => {
  test('shortcut then Tab expands the snippet where it was typed, asking the agent’s name once', async () => {
    const { page, errors } = await h.openDemo(`seed=43&pace=0&buyers=1&layout=${layout}`);
    await expect.poll(() => sidebar(page).locator('.snippet').count()).toBeGreaterThan(10);
    const input = page.locator('.composer-input');
    await input.click();
    await page.keyboard.type('好的 nh');
    await page.keyboard.press('Tab');
    const form = sidebar(page).locator('form.fill-in');
    if (layout === 'standard') {
      // The agent's name is asked once, then remembered in the settings.
      await form.getByLabel('客服名字').fill('小林');
      await form.getByRole('button', { name: '插入' }).click();
    }
    const expected = `好的 ${filled('zh-greeting', { shopName: SHOP, agentName: '小林' })}`;
    await sendAndCheck(page, layout, expected);
    // A Tab after a word that is no shortcut is the page's own Tab.
    await input.click();
    await page.keyboard.type('zzz');
    await page.keyboard.press('Tab');
    expect(await composerText(page, layout)).toBe('zzz');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('Alt+K opens the quick search; pinyin initials find the snippet; Enter inserts it', async () => {
    const { page, errors } = await h.openDemo(`seed=44&pace=0&buyers=1&layout=${layout}`);
    await expect.poll(() => sidebar(page).locator('.snippet').count()).toBeGreaterThan(10);
    await page.locator('.composer-input').click();
    await page.keyboard.press('Alt+k');
    await expect.poll(() => sidebar(page).locator('.snippet-search').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.type('tk');
    const expectedSnippet = createSnippetIndex(defaultSnippets).search('tk', { phase: 'presale' })[0]!;
    await expect.poll(() => sidebar(page).locator('.snippet--active .snippet-title').textContent()).toContain(expectedSnippet.title);
    await page.keyboard.press('Enter');
    await sendAndCheck(page, layout, expectedSnippet.body);
    expect(errors).toEqual([]);
    await page.close();
  });
});

test('what the buyer just asked puts the snippets that answer it first, and previews show fill-ins as chips, never {{…}}', async () => {
  const { page, errors } = await h.openDemo('seed=45&pace=0&buyers=1&shop=suggest');
  await expect.poll(() => sidebar(page).locator('.snippet').count()).toBeGreaterThan(10);
  await page.evaluate(() => window.__kefuDemo.buyerWrites('小了 能换大一码吗'));
  await expect.poll(() => sidebar(page).locator('.snippet-title').first().textContent()).toContain('换货');
  await page.evaluate(() => window.__kefuDemo.buyerWrites('where is my parcel'));
  await expect.poll(() => sidebar(page).locator('.snippet-title').first().textContent()).not.toContain('换货');
  expect(await sidebar(page).locator('.snippet').evaluateAll((rows) => rows.filter((row) => row.textContent!.includes('{{')).length)).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

test('a snippet chosen in the popup is inserted into the console tab through the content script', async () => {
  const { page } = await h.openDemo('seed=45&pace=0&buyers=1');
  await expect.poll(() => sidebar(page).locator('.snippet').count()).toBeGreaterThan(10);
  await page.bringToFront();
  const chosen = snippet('zh-product-size');
  const outcome = await h.worker.evaluate(async (id) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab!.id!, { kefu: 1, name: 'page.insert', payload: { id } });
  }, chosen.id);
  expect(outcome).toEqual({ ok: true, data: { outcome: 'inserted' } });
  await sendAndCheck(page, 'standard', chosen.body);
  await page.close();
});
