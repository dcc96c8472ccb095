import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { demoSent, inSidebar, sidebar, sidebarFrameNow, sidebarTab, startHarness, type Harness } from './harness';
import { sidebarFrame } from '../../scripts/browser';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

// Snippets with no fill-ins, so their text goes in as it is (fill-ins: test/e2e/snippets.test.ts).
const greeting = defaultSnippets.find((s) => s.id === 'zh-greeting-busy')!;
const sizeAdvice = defaultSnippets.find((s) => s.id === 'zh-product-size')!;

describe('the sidebar in the demo console', () => {
  test('appears in Chinese with the current buyer and snippets, and the page shows no error', async () => {
    const { page, errors } = await h.openDemo('seed=7&pace=0&buyers=2');
    await expect.poll(() => sidebar(page).isVisible()).toBe(true);
    await expect.poll(() => sidebar(page).locator('.buyer-name').textContent()).toBe(await page.locator('.chat-buyer-name').textContent());
    expect(await sidebar(page).locator('h3').allTextContents()).toEqual([expect.stringMatching(/^等待回复的买家 \(\d\)$/), '当前买家', '快捷回复']);
    expect(await sidebar(page).locator('.snippet-title').count()).toBeGreaterThan(10);
    // Switching conversations follows the buyer.
    await page.locator('.conv-item').nth(1).click();
    await expect.poll(() => sidebar(page).locator('.buyer-name').textContent()).toBe(await page.locator('.chat-buyer-name').textContent());
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a clicked snippet lands at the caret and the page’s own Send sends exactly that text', async () => {
    const { page, errors } = await h.openDemo('seed=11&pace=0&buyers=2');
    const input = page.locator('textarea.composer-input');
    await input.click();
    await input.pressSequentially('好的，');
    await sidebar(page).locator('.snippet', { hasText: sizeAdvice.title }).click();
    const expected = `好的，${sizeAdvice.body}`;
    await expect.poll(() => input.inputValue()).toBe(expected);
    // The console re-renders every 250 ms from its own state: text the framework did not see would vanish.
    await page.waitForTimeout(1_000);
    expect(await input.inputValue()).toBe(expected);
    await page.locator('.composer-send').click();
    expect(await demoSent(page)).toEqual([expected]);
    expect(await page.locator('.msg--shop .msg-text').last().textContent()).toBe(expected);
    expect(await input.inputValue()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the demo’s chat input loses text put in without the events its framework listens to', async () => {
    const { page } = await h.openDemo('seed=18&pace=0&buyers=1');
    const input = page.locator('textarea.composer-input');
    await input.evaluate((el: HTMLTextAreaElement) => (el.value = '直接改 value 的文字'));
    // The console re-renders four times a second from its own state, which never saw that text.
    await expect.poll(() => input.inputValue()).toBe('');
    expect(await page.locator('.composer-send').isDisabled()).toBe(true);
    await page.close();
  });

  test('inserting keeps an undo step, so Ctrl+Z takes the snippet back out', async () => {
    const { page } = await h.openDemo('seed=12&pace=0&buyers=1');
    const input = page.locator('textarea.composer-input');
    await input.click();
    await input.pressSequentially('亲');
    await sidebar(page).locator('.snippet', { hasText: greeting.title }).click();
    await expect.poll(() => input.inputValue()).toBe(`亲${greeting.body}`);
    await input.press('Control+z');
    await expect.poll(() => input.inputValue()).toBe('亲');
    await page.close();
  });

  test('works the same in the contenteditable layout', async () => {
    const { page, errors } = await h.openDemo('seed=13&pace=0&buyers=1&layout=editable');
    await expect.poll(() => sidebar(page).isVisible()).toBe(true);
    await sidebar(page).locator('.snippet', { hasText: greeting.title }).click();
    await expect.poll(() => page.locator('.composer-input').textContent()).toBe(greeting.body);
    await page.locator('.composer-send').click();
    expect(await demoSent(page)).toEqual([greeting.body]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('survives the console re-rendering itself and a page that wipes the sidebar', async () => {
    const { page, errors } = await h.openDemo('seed=14&pace=0&buyers=2');
    await expect.poll(() => sidebar(page).isVisible()).toBe(true);
    await page.evaluate(() => window.__kefuDemo.rerender());
    await page.evaluate(() => document.querySelectorAll('[data-kefu-sidekick]').forEach((el) => el.remove()));
    await expect.poll(() => page.locator('[data-kefu-sidekick]').count()).toBe(1);
    await expect.poll(() => sidebar(page).locator('.snippet').count()).toBeGreaterThan(3);
    await sidebar(page).locator('.snippet', { hasText: greeting.title }).click();
    await page.locator('.composer-send').click();
    expect(await demoSent(page)).toEqual([greeting.body]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the page can neither read the sidebar nor pass off a copy of it as the real one', async () => {
    const { page, errors } = await h.openDemo('seed=19&pace=0&buyers=2');
    const real = sidebarFrameNow(page)!;
    // The sidebar's host is closed to the page's scripts: no address, no token, no content to read.
    expect(await page.evaluate(() => document.querySelector('[data-kefu-sidekick]')?.shadowRoot ?? null)).toBeNull();
    // A copy of the sidebar's page that the page embeds itself is refused by the content script: it stays empty.
    const fake = `${h.extensionPage('sidebar.html')}#${'0'.repeat(32)}`;
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, fake);
    await expect.poll(() => page.frames().some((f) => f.url() === fake)).toBe(true);
    const copy = page.frames().find((f) => f.url() === fake)!;
    await copy.locator('#app').waitFor({ state: 'attached' });
    await page.waitForTimeout(1_500);
    expect(await copy.locator('#app *').count()).toBe(0);
    // The real one still draws and inserts.
    await real.locator('.snippet', { hasText: greeting.title }).click();
    await page.locator('.composer-send').click();
    expect(await demoSent(page)).toEqual([greeting.body]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a console whose own policy allows no frames from elsewhere still gets the sidebar', async () => {
    const page = await h.context.newPage();
    // As a strict console serves it: frames (and everything else) only from its own origin.
    await page.route('**/kefu-demo/?*', async (route) => {
      const response = await route.fetch();
      const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self' 'unsafe-inline'; frame-src 'self'; child-src 'self'">`;
      await route.fulfill({ response, body: (await response.text()).replace('<head>', `<head>${csp}`) });
    });
    await page.goto(h.demo('seed=20&pace=0&buyers=1'));
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
    const frame = await sidebarFrame(page);
    await frame.locator('.snippet', { hasText: greeting.title }).click();
    await page.locator('.composer-send').click();
    expect(await demoSent(page)).toEqual([greeting.body]);
    await page.close();
  });

  test('on a layout it does not know, it says so and leaves the page working', async () => {
    const { page, errors } = await h.openDemo('seed=15&pace=0&buyers=1&layout=unknown');
    await expect.poll(() => sidebar(page).locator('.notice--warning').textContent()).toContain('无法识别此页面的布局');
    expect(await sidebar(page).locator('.notice--warning').textContent()).toContain('客服台主体');
    const input = page.locator('textarea');
    await input.fill('手动输入仍然可以发送');
    await input.press('Enter');
    expect(await demoSent(page)).toEqual(['手动输入仍然可以发送']);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a console that changes under a running shift shows partly working within seconds, naming the part; recording goes on; the popup says so too', async () => {
    const { page, errors } = await h.openDemo('seed=17&pace=0&buyers=2&shop=health-shop');
    await expect.poll(() => sidebar(page).locator('.health').textContent()).toBe('正常');
    // The platform renames its chat input's class.
    await page.evaluate(() => document.querySelector('.composer-input')!.classList.replace('composer-input', 'composer-input-v2'));
    await page.evaluate(() => window.__kefuDemo.buyerWrites('改版后的消息'));
    await expect.poll(() => sidebar(page).locator('.health').textContent()).toBe('部分可用');
    expect(await sidebar(page).locator('.notice--warning').textContent()).toBe('部分可用：找不到 输入框，已关闭 插入话术（可复制后手动粘贴）。');
    // Only insertion is off: the buyer's message is still recorded and waits.
    await expect.poll(() => sidebar(page).locator('.waiting').count()).toBe(2);
    const popup = await h.context.newPage();
    await popup.goto(h.extensionPage('popup.html'));
    await expect.poll(() => popup.locator('.console-health-item').filter({ hasText: 'health-shop' }).textContent()).toContain('部分可用');
    await popup.close();
    // The page itself is untouched: the console's own input still sends.
    const input = page.locator('textarea');
    await input.fill('手动回复');
    await input.press('Enter');
    expect(await demoSent(page)).toEqual(['手动回复']);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('collapses to a tab and stays collapsed after a reload', async () => {
    const { page } = await h.openDemo('seed=16&pace=0&buyers=1');
    await sidebar(page).getByRole('button', { name: '收起侧边栏' }).click();
    await expect.poll(() => sidebarTab(page).isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => sidebarTab(page).isVisible()).toBe(true);
    await sidebarTab(page).click();
    await expect.poll(() => sidebar(page).isVisible()).toBe(true);
    // Collapsed again, the quick search opens it, whether the focus is in the sidebar (its tab) or in the page.
    for (const focusIn of ['sidebar', 'page'] as const) {
      await sidebar(page).getByRole('button', { name: '收起侧边栏' }).click();
      await expect.poll(() => sidebarTab(page).isVisible()).toBe(true);
      if (focusIn === 'page') await page.locator('.composer-input').click();
      await page.keyboard.press('Alt+k');
      await page.keyboard.type('tk');
      await expect.poll(() => inSidebar(page, '.snippet-search').inputValue()).toBe('tk');
      await page.keyboard.press('Escape');
    }
    await page.close();
  });

  test('docks beside the console: nothing the console shows is covered, open or collapsed, on either side, at any width', async () => {
    const { page, errors } = await h.openDemo('seed=17&pace=0&buyers=1&shop=dock-shop');
    await page.locator('.msg').first().waitFor();
    // An earlier test may have left it collapsed (the agent's choice is remembered).
    if (await sidebarTab(page).isVisible()) await sidebarTab(page).click();
    await expect.poll(() => sidebar(page).isVisible()).toBe(true);
    const PARTS = ['.console-top', '.conv-list', '.chat', '.buyer-panel', '.order-no', '.composer-input', '.composer-send'];
    /** The sidebar frame's box and every console part's, as the page lays them out now. */
    const boxes = async () => {
      const frame = await sidebarFrameNow(page)!.frameElement();
      const sidebarBox = (await frame.boundingBox())!;
      const parts = await page.evaluate((selectors) => selectors.map((s) => {
        const r = document.querySelector(s)!.getBoundingClientRect();
        return { s, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }), PARTS);
      return { sidebarBox, parts, viewport: page.viewportSize()!.width };
    };
    const nothingCovered = async () => {
      const { sidebarBox, parts } = await boxes();
      const overlapping = parts.filter((p) => p.left < sidebarBox.x + sidebarBox.width - 0.5 && p.right > sidebarBox.x + 0.5 && p.bottom > sidebarBox.y && p.top < sidebarBox.y + sidebarBox.height);
      return overlapping.map((p) => p.s);
    };
    await expect.poll(nothingCovered).toEqual([]);
    // The console was given the room: its parts end where the sidebar begins.
    const open = await boxes();
    expect(Math.max(...open.parts.map((p) => p.right))).toBeLessThanOrEqual(open.sidebarBox.x + 0.5);
    expect(open.sidebarBox.x + open.sidebarBox.width).toBeCloseTo(open.viewport, 0);

    await sidebar(page).getByRole('button', { name: '侧边栏变宽' }).click();
    await expect.poll(async () => (await boxes()).sidebarBox.width).toBe(340 + 28);
    await expect.poll(nothingCovered).toEqual([]);
    await sidebar(page).getByRole('button', { name: '移到左侧' }).click();
    await expect.poll(async () => (await boxes()).sidebarBox.x).toBe(0);
    await expect.poll(nothingCovered).toEqual([]);
    await sidebar(page).getByRole('button', { name: '收起侧边栏' }).click();
    await expect.poll(() => sidebarTab(page).isVisible()).toBe(true);
    await expect.poll(async () => (await boxes()).sidebarBox.width).toBeLessThanOrEqual(60);
    await expect.poll(nothingCovered).toEqual([]);
    // Remembered for this console after a reload: collapsed, on the left.
    await page.reload();
    await sidebarFrame(page);
    await expect.poll(() => sidebarTab(page).isVisible()).toBe(true);
    await expect.poll(async () => (await boxes()).sidebarBox.x).toBe(0);
    await sidebarTab(page).click();
    await expect.poll(async () => (await boxes()).sidebarBox.width).toBe(340 + 28);
    await expect.poll(nothingCovered).toEqual([]);
    // Back as it was for the other tests.
    await sidebar(page).getByRole('button', { name: '移到右侧' }).click();
    await sidebar(page).getByRole('button', { name: '侧边栏变窄' }).click();
    await expect.poll(async () => (await boxes()).sidebarBox.width).toBe(300 + 28);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('switched off on the options page, the console has its whole window and no sidebar', async () => {
    const options = await h.context.newPage();
    await options.goto(h.extensionPage('options.html'));
    await options.getByLabel('演示客服台（本项目自带）').uncheck();
    await expect.poll(() => options.locator('.notice--info').textContent()).toBe('已保存');
    const { page } = await h.openDemo('seed=17&pace=0&buyers=1', { sidebar: false });
    await page.locator('.msg').first().waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('[data-kefu-sidekick], style[data-kefu-sidekick-dock]').count()).toBe(0);
    const right = await page.evaluate(() => document.querySelector('.buyer-panel')!.getBoundingClientRect().right);
    expect(right).toBeCloseTo(page.viewportSize()!.width, 0);
    await options.getByLabel('演示客服台（本项目自带）').check();
    await options.close();
    await page.close();
  });
});
