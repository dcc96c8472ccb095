/**
 * Saves the Pinduoduo fixture console's rendered HTML (test/consoles/pinduoduo/) as adapter fixtures under
 * test/fixtures/pinduoduo/, served under its real host name as the end-to-end tests serve it, without the
 * extension. Run after changing the fixture: `npx vite build --config test/consoles/vite.config.ts`, then
 * `npx tsx scripts/capture-pinduoduo-fixtures.ts`. The clock is frozen (`now=`), so the same HTML comes back.
 */
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromePath } from './browser';
import { consoleBrowserArgs, startConsoleServer } from './serve-consoles';

const NOW = encodeURIComponent('2026-09-08T10:00:00+08:00');
const PAGES = [
  { file: 'open', query: `now=${NOW}` },
  { file: 'empty', query: `now=${NOW}&open=none` },
  // The chat input renamed, as after a redesign: checkLayout must name it.
  { file: 'renamed-input', query: `now=${NOW}`, change: () => document.querySelector('#replyTextarea')!.setAttribute('id', 'replyEditor') },
];

const server = await startConsoleServer(0);
const browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: ['--no-sandbox', '--disable-gpu', ...consoleBrowserArgs(server.port)] });
try {
  for (const { file, query, change } of PAGES) {
    const page = await browser.newPage();
    await page.goto(`https://mms.pinduoduo.com/chat-merchant/index.html?${query}#/`);
    await page.locator('ul.five-minute').waitFor();
    if (change) await page.evaluate(change);
    const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/g, '').replace(/<link[^>]*>/g, '');
    await writeFile(new URL(`../test/fixtures/pinduoduo/${file}.html`, import.meta.url), `${html}\n`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('Fixtures written to test/fixtures/pinduoduo/');
