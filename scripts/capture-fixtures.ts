/**
 * Saves the demo console's rendered HTML, per layout, as adapter fixtures under test/fixtures/demo/.
 * Run after changing the demo's markup: `npx tsx scripts/capture-fixtures.ts` (needs `npm run build:demo`).
 * Seeded and paused (pace=0), so the same markup comes back every time but for the timestamps.
 */
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromePath } from './browser';
import { demoUrl, startDemoServer } from './serve-demo';

const server = await startDemoServer(0);
const browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
for (const layout of ['standard', 'editable', 'unknown']) {
  const page = await browser.newPage();
  await page.goto(demoUrl(server.port, `seed=3&pace=0&buyers=3&layout=${layout}`));
  // Let the robot greet, then answer the open buyer so the thread has buyer, robot and shop messages.
  await page.waitForTimeout(600);
  await page.locator('textarea, [contenteditable]').first().click();
  await page.keyboard.type('亲，在的，请问有什么可以帮您？');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/g, '').replace(/<link[^>]*>/g, '');
  await writeFile(new URL(`../test/fixtures/demo/${layout}.html`, import.meta.url), `${html}\n`);
  await page.close();
}
await browser.close();
await server.close();
console.log('Fixtures written to test/fixtures/demo/');
