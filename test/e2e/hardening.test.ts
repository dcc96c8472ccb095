import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ChatEvent } from '@/lib/chat-event';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { extensionWorker, sidebarFrame } from '../../scripts/browser';
import { collectErrors, demoSent, inSidebar, sidebar, sidebarFrameNow, startHarness, type Harness } from './harness';

/**
 * A hostile console page and a very busy one: the page must not read or drive the extension, and one odd
 * message must not stop recording. One browser for the file; the extension reload comes last.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ extensionDebugging: true });
});
afterAll(async () => {
  await h?.close();
});

const greeting = defaultSnippets.find((s) => s.id === 'zh-greeting-busy')!;

/** Sends a protocol message from an extension page, as the popup does. */
async function ask<T>(name: string, payload: unknown): Promise<T> {
  const page = await h.context.newPage();
  await page.goto(h.extensionPage('options.html'));
  const reply = await page.evaluate(([n, p]) => chrome.runtime.sendMessage({ kefu: 1, name: n, payload: p }), [name, payload] as const);
  await page.close();
  if (!reply?.ok) throw new Error(`${name}: ${JSON.stringify(reply)}`);
  return reply.data as T;
}
const storedEvents = async () => (await ask<{ events: ChatEvent[] }>('export.events', { view: 'day' })).events;

/** Counts the chat.events messages (and each event in them) the worker receives from now on. */
async function countWorkerMessages() {
  const worker = await extensionWorker(h.context);
  await worker.evaluate(() => {
    const g = self as unknown as { __kefuCounts?: { messages: number; events: Record<string, number> } };
    g.__kefuCounts = { messages: 0, events: {} };
    if ((self as unknown as { __kefuCounting?: boolean }).__kefuCounting) return;
    (self as unknown as { __kefuCounting?: boolean }).__kefuCounting = true;
    chrome.runtime.onMessage.addListener((m: { kefu?: number; name?: string; payload?: { events?: { id: string }[] } }) => {
      if (m?.kefu !== 1 || m.name !== 'chat.events') return undefined;
      g.__kefuCounts!.messages++;
      for (const e of m.payload?.events ?? []) g.__kefuCounts!.events[e.id] = (g.__kefuCounts!.events[e.id] ?? 0) + 1;
      return undefined;
    });
  });
  return async () => worker.evaluate(() => (self as unknown as { __kefuCounts: { messages: number; events: Record<string, number> } }).__kefuCounts);
}

/** Every text on the page, closed shadow roots included (CDP pierces them; the page's scripts cannot). */
async function allText(page: Page): Promise<string> {
  const cdp = await h.context.newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  await cdp.detach();
  const texts: string[] = [];
  type DomNode = { nodeType: number; nodeValue?: string; children?: DomNode[]; shadowRoots?: DomNode[] };
  const walk = (n: DomNode) => {
    if (n.nodeType === 3 && n.nodeValue) texts.push(n.nodeValue);
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
  };
  walk(root as DomNode);
  return texts.join(' ');
}

describe('a hostile page gets nothing, and the real sidebar keeps working', () => {
  test('a page that defines the host element first cannot open the closed shadow root or read the token', async () => {
    const page = await h.context.newPage();
    const errors = collectErrors(page);
    await page.addInitScript(() => {
      const grabbed: (ShadowRoot | null)[] = [];
      (window as unknown as { __grabbed: typeof grabbed }).__grabbed = grabbed;
      // The names an extension's host could take, defined before any content script runs.
      for (const name of ['kefu-sidekick', 'kefu-sidebar', 'wxt-shadow-root']) {
        customElements.define(
          name,
          class extends HTMLElement {
            constructor() {
              super();
              const internals = this.attachInternals();
              queueMicrotask(() => grabbed.push(internals.shadowRoot));
              setTimeout(() => grabbed.push(internals.shadowRoot), 500);
            }
          },
        );
      }
    });
    await page.goto(h.demo('seed=19&pace=0&buyers=2'));
    await sidebarFrame(page);
    await page.waitForTimeout(700);
    const seen = await page.evaluate(() => {
      const roots = (window as unknown as { __grabbed: (ShadowRoot | null)[] }).__grabbed;
      const host = document.querySelector('[data-kefu-sidekick]');
      // Every attribute the page can reach: the frame's address (and its token) must be in none of them.
      const attributes = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value));
      return { roots: roots.filter(Boolean).length, leaks: attributes.filter((v) => v.includes('sidebar.html')), host: host?.tagName, open: host?.shadowRoot ?? null };
    });
    expect(seen).toEqual({ roots: 0, leaks: [], host: 'DIV', open: null });
    // And the real sidebar works.
    await sidebar(page).locator('.snippet', { hasText: greeting.title }).click();
    await page.locator('.composer-send').click();
    expect(await demoSent(page)).toEqual([greeting.body]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a copy of the sidebar embedded with the real token is not adopted: the real frame keeps the sidebar', async () => {
    const { page, errors } = await h.openDemo('seed=23&pace=0&buyers=2');
    const real = sidebarFrameNow(page)!;
    // Suppose the token leaked after all: the page embeds sidebar.html with it.
    const copyUrl = real.url();
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.className = 'hostile-copy';
      document.body.append(frame);
    }, copyUrl);
    await expect.poll(() => page.frames().filter((f) => f.url() === copyUrl).length).toBe(2);
    await page.waitForTimeout(1_000);
    const copy = page.frames().find((f) => f !== real && f.url() === copyUrl)!;
    expect(await copy.locator('aside.sidebar, button.sidebar-tab').count()).toBe(0);
    await real.locator('.snippet', { hasText: greeting.title }).click();
    await page.locator('.composer-send').click();
    expect(await demoSent(page)).toEqual([greeting.body]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('keys and clicks the page makes up insert nothing, reveal nothing, count nothing and lift no limit', async () => {
    const { page, errors } = await h.openDemo('seed=29&pace=0&buyers=2');
    const usesBefore = (await ask<{ uses: number }[]>('snippets.list', {})).reduce((sum, s) => sum + s.uses, 0);
    const shortcuts = defaultSnippets.filter((s) => s.shortcut).map((s) => s.shortcut!);
    expect(shortcuts.length).toBeGreaterThan(10);
    const probed = await page.evaluate((list) => {
      const field = document.createElement('textarea');
      field.style.cssText = 'position:fixed;left:-999px;opacity:0';
      document.body.append(field);
      field.focus();
      const read: string[] = [];
      for (const shortcut of list) {
        field.value = shortcut;
        field.setSelectionRange(shortcut.length, shortcut.length);
        field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true, composed: true }));
        if (field.value !== shortcut) read.push(field.value);
      }
      // A made-up Alt+K must not pull the focus into the sidebar.
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', altKey: true, bubbles: true, cancelable: true }));
      return { read, focusStayed: document.activeElement === field };
    }, shortcuts);
    expect(probed).toEqual({ read: [], focusStayed: true });
    await page.waitForTimeout(300);
    expect((await ask<{ uses: number }[]>('snippets.list', {})).reduce((sum, s) => sum + s.uses, 0)).toBe(usesBefore);

    // A flood of buyer messages, and made-up clicks and keys every 10 ms: the page is still read once a second.
    const counts = await countWorkerMessages();
    await page.evaluate(() => {
      let n = 0;
      const fake = setInterval(() => {
        document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
        if (n++ % 10 === 0) window.__kefuDemo.buyerWrites(`在吗 ${n}`);
      }, 10);
      setTimeout(() => clearInterval(fake), 5_000);
    });
    await page.waitForTimeout(5_500);
    const { messages } = await counts();
    expect(messages).toBeGreaterThanOrEqual(3);
    expect(messages).toBeLessThanOrEqual(8);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a page that claims another shop is refused, and that shop's waiting buyers stay", async () => {
    const a = await h.openDemo('seed=31&pace=0&buyers=3&shop=shop-a&delay=10');
    const b = await h.openDemo('seed=37&pace=0&buyers=1&shop=shop-b&delay=10');
    // Each sidebar lists both shops' buyers (one queue), each row naming its shop.
    const rowsOf = (page: Page, shop: string) => inSidebar(page, '.waiting').filter({ hasText: `· ${shop}` });
    await expect.poll(() => rowsOf(a.page, 'shop-a').count()).toBe(3);
    await expect.poll(() => rowsOf(b.page, 'shop-b').count()).toBe(1);
    // Tab b's page now says it is shop-a, with one conversation in its list: it would clear shop-a's others.
    await b.page.evaluate(() => document.querySelector('[data-shop-id]')!.setAttribute('data-shop-id', 'shop-a'));
    await b.page.evaluate(() => window.__kefuDemo.buyerWrites('换个店铺'));
    await expect.poll(() => inSidebar(b.page, '.notice--error').textContent()).toMatch(/无法记录.*reload the tab/);
    await a.page.waitForTimeout(1_500);
    expect(await rowsOf(a.page, 'shop-a').count()).toBe(3);
    expect(await rowsOf(b.page, 'shop-b').count()).toBe(1);
    const { waits } = await ask<{ waits: { shopId: string }[] }>('metrics.get', { view: 'day' });
    expect(waits.filter((w) => w.shopId === 'shop-a')).toHaveLength(3);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.page.close();
    await b.page.close();
  });
});

describe('recording never stops on one odd message', () => {
  test('a buyer with a 300-letter unbroken name is listed cut, with the wait clock beside it in view', async () => {
    const { page, errors } = await h.openDemo('seed=47&pace=0&buyers=3&delay=10&shop=shop-names');
    await expect.poll(() => inSidebar(page, '.waiting').count()).toBeGreaterThanOrEqual(3);
    // The console's list shows the name it was given: nothing in it is ours to shorten.
    await page.evaluate(() => {
      const name = document.querySelector('.conv-item:not(.conv-item--active) .conv-name')!;
      name.textContent = 'W'.repeat(300);
    });
    const row = inSidebar(page, '.waiting').filter({ hasText: 'WWWW' });
    await expect.poll(() => row.count()).toBe(1);
    const box = await row.evaluate((button) => {
      const rect = (el: Element) => el.getBoundingClientRect();
      const clock = button.querySelector('.waiting-clock')!;
      return { row: rect(button).right, clockLeft: rect(clock).left, clockRight: rect(clock).right, name: button.querySelector('.waiting-name')!.textContent!.length };
    });
    expect(box.name).toBe(200);
    expect(box.clockRight).toBeLessThanOrEqual(box.row);
    expect(box.clockRight - box.clockLeft).toBeGreaterThan(20);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a flood with one oversized message every 50 stores every message, the oversized ones cut, none sent twice', async () => {
    const { page, errors } = await h.openDemo('seed=41&pace=0&buyers=1&delay=10&shop=shop-flood');
    const counts = await countWorkerMessages();
    const oversized = (i: number) => `${'超长'.repeat(6_000)}#${i}`;
    for (let i = 0; i < 200; i++) {
      await page.evaluate((text) => window.__kefuDemo.buyerWrites(text), i % 50 === 49 ? oversized(i) : `洪水 ${i}`);
      await page.waitForTimeout(25);
    }
    await expect
      .poll(async () => (await storedEvents()).filter((e) => /^洪水 \d+$/.test(e.text) || e.cut?.text).length, { timeout: 15_000 })
      .toBe(200);
    const stored = await storedEvents();
    const cut = stored.filter((e) => e.cut?.text);
    expect(cut).toHaveLength(4);
    expect(cut.map((e) => e.text.length)).toEqual([10_000, 10_000, 10_000, 10_000]);
    expect(cut.map((e) => e.cut!.text).sort()).toEqual([49, 99, 149, 199].map((i) => oversized(i).length).sort());
    const { events } = await counts();
    const floodIds = stored.filter((e) => /^洪水 \d+$/.test(e.text) || e.cut?.text).map((e) => e.id);
    expect(floodIds.map((id) => events[id])).toEqual(floodIds.map(() => 1));
    // The buyer still waits, and the sidebar says nothing was lost.
    expect(await inSidebar(page, '.notice--error').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('after the extension is updated or reloaded', () => {
  test('an open console stops cleanly, tells the agent to reload, and the reload loses nothing', async () => {
    // A shop of its own: the demo's message ids repeat from one seed to the next.
    const { page, errors } = await h.openDemo('seed=43&pace=0&buyers=1&delay=10&shop=shop-reload');
    await expect.poll(async () => (await storedEvents()).filter((e) => e.shopId === 'shop-reload').length).toBeGreaterThan(0);
    await h.reloadExtension();
    // A buyer writes while the tab's script is cut off from the extension.
    await page.evaluate(() => window.__kefuDemo.buyerWrites('断开期间的消息'));
    await expect.poll(() => allText(page), { timeout: 10_000 }).toContain('客服助手已更新或重新加载');
    expect(errors.filter((e) => /context invalidated/i.test(e))).toEqual([]);

    await page.reload();
    await sidebarFrame(page);
    await expect.poll(async () => (await storedEvents()).some((e) => e.text === '断开期间的消息'), { timeout: 10_000 }).toBe(true);
    expect(await allText(page)).not.toContain('客服助手已更新或重新加载');
    await page.close();
  });
});
