import { afterAll, beforeAll, expect, test } from 'vitest';
import { inSidebar, startHarness, type Harness } from './harness';

/** Many agents serve several shops at once: one queue of every open console's waiting buyers. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('each console’s sidebar lists every shop’s waiting buyers; a click on another shop’s buyer brings its tab forward and opens the conversation', async () => {
  const a = await h.openDemo('seed=51&pace=0&buyers=2&delay=10&shop=queue-a');
  const b = await h.openDemo('seed=57&pace=0&buyers=3&delay=10&shop=queue-b');
  // Tab a's sidebar, though its page shows only shop a, lists the five buyers of both shops.
  await expect.poll(() => inSidebar(a.page, '.waiting').count(), { timeout: 10_000 }).toBe(5);
  expect(await inSidebar(a.page, '.waiting-shop').allTextContents()).toEqual(expect.arrayContaining(['演示 · queue-a', '演示 · queue-b']));

  // A buyer of shop b who is not open in tab b: clicked in tab a's sidebar.
  const target = await b.page.evaluate(() => {
    const item = document.querySelector('.conv-list .conv-item:not(.conv-item--active)')!;
    return { id: item.getAttribute('data-conv-id')!, name: item.querySelector('.conv-name')!.textContent! };
  });
  await a.page.bringToFront();
  await inSidebar(a.page, '.waiting').filter({ hasText: target.name }).filter({ hasText: '演示 · queue-b' }).click();
  await expect.poll(() => b.page.evaluate(() => document.visibilityState)).toBe('visible');
  await expect.poll(() => b.page.locator('.conv-item--active').getAttribute('data-conv-id')).toBe(target.id);
  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]);
});
