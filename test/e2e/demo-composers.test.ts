import type { Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoSent, startHarness, type Harness } from './harness';

/**
 * The demo console's newer chat inputs (demo/composers/, demo/layout.ts): Trix, CodeMirror 6, the
 * hand-written reverting editor, and the input in an iframe loaded from a URL. Real typing reaches each
 * editor's own model (`__kefuDemo.composerText()`), the console's Send sends exactly that, and the
 * reverting editor puts back what it did not type itself.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const composerText = (page: Page) => page.evaluate(() => window.__kefuDemo.composerText());
/** The element the agent types into: the editable inside the input's wrapper. */
const editableIn = (scope: Page | FrameLocator) => scope.locator('.composer-input [contenteditable]:not([contenteditable="false"]), textarea.composer-input').first();

describe.each(['trix', 'codemirror', 'reverting'] as const)('the %s composer', (layout) => {
  test('takes real typing, a line break and a deletion into its own model; the console’s Send sends exactly it', async () => {
    const { page, errors } = await h.openDemo(`seed=6&pace=0&buyers=1&layout=${layout}`);
    await editableIn(page).click();
    await page.keyboard.type('您好，');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('order 12');
    await page.keyboard.press('Backspace');
    const expected = '您好，\norder 1';
    await expect.poll(() => composerText(page)).toBe(expected);
    await expect.poll(() => page.locator('.composer-count').textContent()).toBe(`${expected.length}/500`);
    await page.locator('.composer-send').click();
    expect(await demoSent(page)).toEqual([expected]);
    expect(await page.locator('.msg--shop .msg-text').last().textContent()).toBe(expected);
    await expect.poll(() => composerText(page)).toBe('');
    // The cleared input takes typing again, and Enter sends.
    await editableIn(page).click();
    await page.keyboard.type('好的');
    await expect.poll(() => composerText(page)).toBe('好的');
    await page.keyboard.press('Enter');
    await expect.poll(() => demoSent(page)).toEqual([expected, '好的']);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the reverting composer', () => {
  /** The editable's text on screen, and the model's, read in one go. */
  const screenAndModel = (page: Page) =>
    page.evaluate(() => ({ screen: document.querySelector('.composer-library--reverting')!.textContent, model: window.__kefuDemo.composerText() }));

  test('puts back text that execCommand put into its DOM, and keeps typing at the caret its model holds', async () => {
    const { page, errors } = await h.openDemo('seed=6&pace=0&buyers=1&layout=reverting');
    await editableIn(page).click();
    await page.keyboard.type('您好呀');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => screenAndModel(page)).toEqual({ screen: '您好呀', model: '您好呀' });

    const during = await page.evaluate(() => {
      const editable = document.querySelector<HTMLElement>('.composer-library--reverting')!;
      const done = document.execCommand('insertText', false, '插入');
      return { done, screen: editable.textContent, model: window.__kefuDemo.composerText() };
    });
    // The browser did insert, and says so; the editor's model never had it.
    expect(during).toEqual({ done: true, screen: '您好插入呀', model: '您好呀' });
    await expect.poll(() => screenAndModel(page)).toEqual({ screen: '您好呀', model: '您好呀' });

    // The caret is back where the model had it, before the last character.
    await page.keyboard.type('！');
    await expect.poll(() => screenAndModel(page)).toEqual({ screen: '您好！呀', model: '您好！呀' });
    await page.locator('.composer-send').click();
    expect(await demoSent(page)).toEqual(['您好！呀']);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('leaves synthetic paste and beforeinput alone: not cancelled, and nothing goes in', async () => {
    const { page, errors } = await h.openDemo('seed=6&pace=0&buyers=1&layout=reverting');
    await editableIn(page).click();
    await page.keyboard.type('亲');
    await expect.poll(() => composerText(page)).toBe('亲');
    const cancelled = await page.evaluate(() => {
      const editable = document.querySelector<HTMLElement>('.composer-library--reverting')!;
      const data = new DataTransfer();
      data.setData('text/plain', '粘贴');
      const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      const input = new InputEvent('beforeinput', { inputType: 'insertText', data: '输入', bubbles: true, cancelable: true });
      editable.dispatchEvent(paste);
      editable.dispatchEvent(input);
      return [paste.defaultPrevented, input.defaultPrevented];
    });
    expect(cancelled).toEqual([false, false]);
    // A frame or two for a revert that is not needed, then the model and the screen are still as typed.
    await page.waitForTimeout(200);
    expect(await screenAndModel(page)).toEqual({ screen: '亲', model: '亲' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(['standard', 'trix', 'codemirror', 'reverting'] as const)('frame=url with the %s composer', (layout) => {
  test('puts the input in an iframe loaded from the console’s own origin; typing and Send work', async () => {
    const { page, errors } = await h.openDemo(`seed=6&pace=0&buyers=1&layout=${layout}&frame=url`);
    const inFrame = page.frameLocator('.composer-frame');
    await editableIn(inFrame).click();
    const frame: Frame = (await (await page.locator('.composer-frame').elementHandle())!.contentFrame())!;
    const frameUrl = new URL(frame.url());
    expect(frameUrl.protocol).toMatch(/^https?:$/);
    expect(frameUrl.origin).toBe(new URL(page.url()).origin);
    expect(frameUrl.pathname).toBe('/kefu-demo/composer-frame.html');
    expect(await page.evaluate(() => document.querySelector<HTMLIFrameElement>('.composer-frame')!.contentDocument!.location.href)).toBe(frame.url());

    await page.keyboard.type('您好，在的');
    await expect.poll(() => composerText(page)).toBe('您好，在的');
    await inFrame.locator('.composer-send').click();
    expect(await demoSent(page)).toEqual(['您好，在的']);
    await expect.poll(() => composerText(page)).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});

test('frame=1 still writes the input into a srcdoc iframe', async () => {
  const { page, errors } = await h.openDemo('seed=6&pace=0&buyers=1&frame=1');
  await editableIn(page.frameLocator('.composer-frame')).click();
  expect(await page.locator('.composer-frame').getAttribute('srcdoc')).toContain('<body>');
  expect(await page.locator('.composer-frame').getAttribute('src')).toBeNull();
  expect(errors).toEqual([]);
  await page.close();
});
