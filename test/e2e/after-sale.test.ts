import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { demoSent, inSidebar, sidebar, startHarness, type Harness } from './harness';

/**
 * The after-sale half (issue 13) end to end on the demo console in Chromium: the postage helper's reply goes
 * into the chat input and the page's Send sends it; a case opened on the open order moves to resolved and the
 * popup's after-sale figures and chart follow; a stale case raises its reminder in the sidebar, the popup and
 * the toolbar button's tooltip; an exported case file imports back identical.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Opens conversations until one shows an order number in the console's buyer panel; returns it. */
async function openBuyerWithOrder(page: Page): Promise<string> {
  const count = await page.locator('.conv-item').count();
  for (let i = 0; i < count; i++) {
    await page.locator('.conv-item').nth(i).click();
    const order = (await page.locator('.order-no').textContent())?.trim() ?? '';
    if (/^\d{6,}$/.test(order)) {
      await expect.poll(() => sidebar(page).locator('.buyer-order').textContent()).toContain(order);
      return order;
    }
  }
  throw new Error('no conversation with an order number');
}

async function setAfterSale(change: Record<string, unknown>) {
  const options = await h.context.newPage();
  await options.goto(h.extensionPage('options.html'));
  await options.evaluate(async (c) => {
    const { settings = {} } = (await chrome.storage.local.get('settings')) as { settings?: { afterSale?: object } };
    await chrome.storage.local.set({ settings: { ...settings, afterSale: { ...(settings.afterSale ?? {}), ...c } } });
  }, change);
  await options.close();
}

async function popupFigures(popup: Page): Promise<Record<string, string>> {
  const rows = await popup.locator('.after-sale-metrics tr[data-metric]').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-metric'), tr.querySelector('.metric-value')!.textContent]));
  return Object.fromEntries(rows);
}

test('the postage helper’s reply lands in the chat input and the page’s Send sends it', async () => {
  const { page, errors } = await h.openDemo('seed=7&pace=0&buyers=4&delay=5&shop=after-sale-postage');
  await sidebar(page).getByRole('tab', { name: '售后' }).click();
  await sidebar(page).getByRole('tab', { name: '运费助手' }).click();
  await sidebar(page).getByLabel('退回原因').selectOption('wrongItemSent');
  await expect.poll(() => inSidebar(page, '.postage-return').textContent()).toBe('商家承担');
  const reply = (await inSidebar(page, '.postage-helper .reply-preview').textContent())!;
  expect(reply.length).toBeGreaterThan(10);
  await inSidebar(page, '.postage-helper .insert-reply').click();
  await expect.poll(() => page.locator('textarea.composer-input').inputValue()).toBe(reply);
  await page.locator('.composer-send').click();
  await expect.poll(async () => (await demoSent(page)).at(-1)).toBe(reply);
  expect(errors).toEqual([]);
  await page.close();
});

test('a case opened on the open order moves to resolved; the popup’s figures and chart follow; bad input is never saved', async () => {
  const { page, errors } = await h.openDemo('seed=7&pace=0&buyers=6&delay=5&shop=after-sale-cases');
  const order = await openBuyerWithOrder(page);
  await sidebar(page).getByRole('tab', { name: '售后' }).click();
  await sidebar(page).getByRole('button', { name: '新建售后单' }).click();
  const form = sidebar(page).locator('form.case-form');
  // The order is the open conversation's.
  expect(await form.getByLabel('订单号').inputValue()).toBe(order);
  await form.getByLabel('售后类型').selectOption('qualityProblem');
  await form.getByLabel('商品').fill('保温杯 500ml');
  await form.getByLabel('金额').fill('abc');
  await form.getByLabel('原因').fill('杯盖漏水');
  await form.getByRole('button', { name: '保存售后单' }).click();
  await expect.poll(() => form.locator('[data-field="amount"] .field-error').textContent()).toBe('金额必须是数字');
  const popup = await h.context.newPage();
  await popup.goto(h.extensionPage('popup.html'));
  await expect.poll(() => popupFigures(popup)).toMatchObject({ 'step-firstContact': '0' });

  await form.getByLabel('金额').fill('59');
  await form.getByRole('button', { name: '保存售后单' }).click();
  const card = sidebar(page).locator('.case-card');
  await expect.poll(() => card.locator('.case-step').textContent()).toBe('首次联系');
  // The case shows beside the conversation.
  await expect.poll(() => inSidebar(page, '.case-banner').textContent()).toContain('质量问题');

  await expect.poll(() => popupFigures(popup)).toMatchObject({ 'step-firstContact': '1', 'step-resolved': '0', refundTime: '—', 'type-qualityProblem': '1' });
  await expect.poll(() => popup.locator('.problem-product[data-product="保温杯 500ml"] .problem-row').first().getAttribute('data-count')).toBe('1');

  // Forward only: goods received, then resolved by refund.
  await card.getByLabel('推进到').selectOption('goodsReceived');
  await card.getByLabel('备注').fill('已签收退货');
  await card.getByRole('button', { name: '推进' }).click();
  await expect.poll(() => card.locator('.case-step').textContent()).toBe('已收到退货');
  await card.getByLabel('推进到').selectOption('resolved');
  await card.getByRole('button', { name: '推进' }).click();
  await expect.poll(() => card.locator('.field-error').textContent()).toBe('请选择解决方式：退款、换货或维修');
  await card.getByLabel('解决方式').selectOption('refund');
  await card.getByRole('button', { name: '推进' }).click();
  await expect.poll(() => card.locator('.case-step').textContent()).toBe('已解决');
  await expect.poll(() => popupFigures(popup)).toMatchObject({ 'step-firstContact': '0', 'step-resolved': '1' });
  expect((await popupFigures(popup)).refundTime).toMatch(/小时/);

  // The hard-moment replies, filled with the case's facts, go in with one click.
  await card.getByRole('button', { name: '难处理时的回复' }).click();
  const first = card.locator('.case-reply').first();
  const text = (await first.getAttribute('title'))!;
  await first.click();
  await expect.poll(() => page.locator('textarea.composer-input').inputValue()).toBe(text);
  expect(errors).toEqual([]);
  await popup.close();
  await page.close();
});

test('a case left too long in its step raises its reminder in the sidebar, the popup and the toolbar tooltip', async () => {
  // Three seconds at first contact, for the test.
  await setAfterSale({ stepLimitsMinutes: { firstContact: 0.05, goodsReceived: 1440, problemConfirmed: 1440 } });
  const { page, errors } = await h.openDemo('seed=7&pace=0&buyers=6&delay=5&shop=after-sale-stale');
  const order = await openBuyerWithOrder(page);
  await sidebar(page).getByRole('tab', { name: '售后' }).click();
  await sidebar(page).getByRole('button', { name: '新建售后单' }).click();
  const form = sidebar(page).locator('form.case-form');
  await form.getByLabel('售后类型').selectOption('logistics');
  await form.getByLabel('商品').fill('双肩包');
  await form.getByLabel('金额').fill('119');
  await form.getByRole('button', { name: '保存售后单' }).click();
  await expect.poll(() => inSidebar(page, '.reminders').textContent(), { timeout: 15_000 }).toContain(order);
  expect(await inSidebar(page, `.case-card--stale`).count()).toBe(1);
  const worker = h.context.serviceWorkers()[0] ?? (await h.context.waitForEvent('serviceworker'));
  await expect.poll(() => worker.evaluate(() => chrome.action.getTitle({})), { timeout: 10_000 }).toMatch(/售后单超时未推进/);
  const popup = await h.context.newPage();
  await popup.goto(h.extensionPage('popup.html'));
  await expect.poll(() => popup.locator('.after-sale-metrics .reminder').first().textContent()).toContain(order);
  await popup.close();
  await setAfterSale({ stepLimitsMinutes: { firstContact: 120, goodsReceived: 1440, problemConfirmed: 1440 } });
  expect(errors).toEqual([]);
  await page.close();
});

test('an exported case file imports back identical; a broken one is refused naming the row and field', async () => {
  const options = await h.context.newPage();
  await options.goto(h.extensionPage('options.html'));
  const exportJson = async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: '导出售后单 JSON' }).click()]);
    return readFile((await download.path())!, 'utf8');
  };
  const before = await exportJson();
  expect(JSON.parse(before).cases.length).toBeGreaterThanOrEqual(2);
  // The log emptied, as on a new machine.
  await options.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kefu-sidekick');
        open.onsuccess = () => {
          const tx = open.result.transaction('afterSaleCases', 'readwrite');
          tx.objectStore('afterSaleCases').clear();
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  const file = join(tmpdir(), `kefu-cases-${Date.now()}.json`);
  await writeFile(file, before);
  const broken = join(tmpdir(), `kefu-cases-broken-${Date.now()}.json`);
  const parsed = JSON.parse(before);
  parsed.cases[1].amount = 'abc';
  await writeFile(broken, JSON.stringify(parsed));

  await options.locator('input.cases-import').setInputFiles(broken);
  await expect.poll(() => options.locator('.after-sale-settings .notice').textContent()).toMatch(/第 2 行.*amount/);
  expect(JSON.parse(await exportJson()).cases).toEqual([]);

  await options.locator('input.cases-import').setInputFiles(file);
  await expect.poll(() => options.locator('.after-sale-settings .notice').textContent()).toContain(`新增 ${JSON.parse(before).cases.length} 个`);
  expect(await exportJson()).toBe(before);
  await options.close();
});
