import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoSent, inSidebar, startHarness, type Harness } from './harness';

/**
 * The conduct guard on the draft (issue 12) in Chromium on the demo console: a risky draft shows its finding
 * with the span; Enter and the Send button are held for a confirm-level finding with the draft intact;
 * confirming sends it once; a harmless message is never held; a suggestion replaces the span in the input;
 * the popup counts warnings and held sends.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('a risky draft is held on Enter and on Send, sent once when confirmed; a harmless one is never held; a suggestion replaces the span', async () => {
  const { page, errors } = await h.openDemo('seed=3&pace=0&buyers=2&delay=5&shop=guard-draft');
  const input = page.locator('textarea.composer-input');
  const risky = '加我微信 abc12345 私下退款给你';
  await input.click();
  await page.keyboard.type(risky);
  const finding = inSidebar(page, '.draft-finding[data-category="offPlatform"]');
  await expect.poll(() => finding.locator('mark').textContent()).toContain('微信');
  const sentBefore = (await demoSent(page)).length;

  await page.keyboard.press('Enter');
  await expect.poll(() => inSidebar(page, '.draft-held').textContent()).toContain('已暂停发送');
  expect(await input.inputValue()).toBe(risky);
  await page.locator('.composer-send').click();
  await page.waitForTimeout(300);
  expect((await demoSent(page)).length).toBe(sentBefore);
  expect(await input.inputValue()).toBe(risky);

  await inSidebar(page, '.draft-held').getByRole('button', { name: '仍要发送' }).click();
  await expect.poll(async () => (await demoSent(page)).at(-1)).toBe(risky);
  await page.waitForTimeout(700);
  expect((await demoSent(page)).filter((m) => m === risky)).toHaveLength(1);
  await expect.poll(() => inSidebar(page, '.draft-check').count()).toBe(0);

  // A harmless message that looks like a promise goes out at once.
  const harmless = '亲，今天16点前下单当天发货哦';
  await input.click();
  await page.keyboard.type(harmless);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await demoSent(page)).at(-1)).toBe(harmless);
  expect(await inSidebar(page, '.draft-held').count()).toBe(0);

  // A warn-level finding: shown, never held; its suggestion replaces the span where it was typed.
  await input.click();
  await page.keyboard.type('亲，保证明天一定到');
  const promise = inSidebar(page, '.draft-finding[data-category="overPromise"]');
  await expect.poll(() => promise.locator('mark').textContent()).toBe('保证明天一定到');
  await promise.locator('.draft-suggestion').click();
  await expect.poll(() => input.inputValue()).toMatch(/^亲，(?!保证明天一定到).+/);
  expect(await input.inputValue()).not.toContain('保证明天一定到');

  // The popup counts the period's warnings and held sends.
  const popup = await h.context.newPage();
  await popup.goto(h.extensionPage('popup.html'));
  await expect.poll(() => popup.locator('.guard-counts').textContent()).toMatch(/草稿提醒 [1-9]\d* 次，暂停发送 [1-9]\d* 次/);
  await popup.close();
  expect(errors).toEqual([]);
  await page.close();
});

test('a kind set to block refuses the send with no way around it; the draft stays for editing', async () => {
  const options = await h.context.newPage();
  await options.goto(h.extensionPage('options.html'));
  await options.locator('.guard-settings [data-category="sarcasm"] select').selectOption('block');
  await expect.poll(() => options.evaluate(async () => ((await chrome.storage.local.get('settings')) as { settings: { guard: { levels: { sarcasm: string } } } }).settings.guard.levels.sarcasm)).toBe('block');
  await options.close();
  const { page, errors } = await h.openDemo('seed=3&pace=0&buyers=2&delay=5&shop=guard-block');
  const input = page.locator('textarea.composer-input');
  await input.click();
  await page.keyboard.type('嫌贵别买');
  await expect.poll(() => inSidebar(page, '.draft-finding[data-category="sarcasm"]').count()).toBe(1);
  const sentBefore = (await demoSent(page)).length;
  await page.keyboard.press('Enter');
  await expect.poll(() => inSidebar(page, '.draft-held').textContent()).toContain('禁止发送');
  expect(await inSidebar(page, '.draft-held').getByRole('button', { name: '仍要发送' }).count()).toBe(0);
  await page.locator('.composer-send').click();
  await page.waitForTimeout(300);
  expect((await demoSent(page)).length).toBe(sentBefore);
  expect(await input.inputValue()).toBe('嫌贵别买');
  expect(errors).toEqual([]);
  await page.close();
});

test('the buyer’s side: a threat moves the conversation up with the calming steps at hand; an off-platform request brings the platform-tools reply', async () => {
  const { page, errors } = await h.openDemo('seed=3&pace=0&buyers=3&delay=5&shop=guard-buyer');
  await page.evaluate(() => window.__kefuDemo.buyerWrites('再不处理我就投诉你们，给差评'));
  await expect.poll(() => inSidebar(page, '.buyer-alert').textContent()).toContain('买家提到投诉或差评');
  // The threatening buyer is first in the waiting list, marked.
  await expect.poll(() => inSidebar(page, '.waiting').first().locator('.waiting-threat').count()).toBe(1);
  const name = (await page.locator('.chat-buyer-name').textContent())!;
  expect(await inSidebar(page, '.waiting').first().locator('.waiting-name').textContent()).toBe(name);
  const step = inSidebar(page, '.calming-step').first();
  await page.locator('textarea.composer-input').click();
  await step.click();
  await expect.poll(() => page.locator('textarea.composer-input').inputValue()).not.toBe('');

  await page.locator('textarea.composer-input').fill('');
  await page.evaluate(() => window.__kefuDemo.buyerWrites('加你微信直接转账给你行不行'));
  await expect.poll(() => inSidebar(page, '.buyer-alert').textContent()).toContain('站外交易或联系');
  const tools = inSidebar(page, '.platform-tools');
  const text = (await tools.textContent())!;
  await tools.click();
  await expect.poll(() => page.locator('textarea.composer-input').inputValue()).toBe(text);
  expect(errors).toEqual([]);
  await page.close();
});

test('the shop’s own word is flagged in the draft; a word on its allow-list never is', async () => {
  const setGuard = async (change: object) => {
    const options = await h.context.newPage();
    await options.goto(h.extensionPage('options.html'));
    await options.evaluate(async (c) => {
      const { settings = {} } = (await chrome.storage.local.get('settings')) as { settings?: { guard?: object } };
      await chrome.storage.local.set({ settings: { ...settings, guard: { ...(settings.guard ?? {}), ...c } } });
    }, change);
    await options.close();
  };
  await setGuard({ rules: [{ id: 'shop-1', kind: 'word', text: '退款包过', category: 'overPromise', severity: 'high', suggestion: '退款会按平台规则处理' }], allow: [] });
  const { page, errors } = await h.openDemo('seed=3&pace=0&buyers=2&delay=5&shop=guard-rules');
  const input = page.locator('textarea.composer-input');
  await input.click();
  await page.keyboard.type('亲，退款包过的');
  const finding = inSidebar(page, '.draft-finding[data-category="overPromise"]');
  await expect.poll(() => finding.locator('mark').textContent()).toBe('退款包过');
  await finding.locator('.draft-suggestion').click();
  await expect.poll(() => input.inputValue()).toBe('亲，退款会按平台规则处理的');

  const group = '亲，加微信群 kefu888 领券';
  await input.fill('');
  await page.keyboard.type(group);
  await expect.poll(() => inSidebar(page, '.draft-finding[data-category="offPlatform"]').count()).toBe(1);
  // The shop runs its own group on the platform: its name goes on the allow-list.
  await setGuard({ allow: ['加微信群'] });
  await page.bringToFront();
  await input.fill('');
  await input.click();
  await page.keyboard.type(group);
  await page.waitForTimeout(300);
  expect(await inSidebar(page, '.draft-finding').count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});
