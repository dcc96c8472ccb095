/**
 * Saves the Douyin 飞鸽 fixture console's rendered HTML (test/consoles/douyin/) as adapter fixtures under
 * test/fixtures/douyin/: `workspace.html` (糖糖妈咪 open, waiting), `empty.html` (none open), `renamed.html` (the
 * message wrapper's qa id renamed, as if the console fixed its "warpper" typo), and the 320-message thread at its
 * bottom (`long-bottom.html`) and then scrolled up (`long-scrolled.html`: the virtual list has recycled rows, so
 * the DOM holds them out of order). Builds that console alone into a temporary folder and renders it in Chromium
 * (no extension) under its real address, the page's clock fixed by `?now=`, so the same HTML comes back every time.
 * Run after changing the fixture: `npx tsx scripts/capture-douyin-fixtures.ts`.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { chromePath } from './browser';

const NOW = '2026-09-08T10:00:00+08:00';
const ASSETS = '/__kefu-fixture__/';
const URL_BASE = 'https://im.jinritemai.com/pc_seller_v2/main/workspace';
const LONG = '7412093847561000004';
const root = fileURLToPath(new URL('../test/consoles', import.meta.url));
const out = await mkdtemp(join(tmpdir(), 'kefu-douyin-fixture-'));
await build({
  configFile: false,
  root,
  base: ASSETS,
  logLevel: 'warn',
  esbuild: { jsx: 'automatic', jsxImportSource: 'react' },
  build: { outDir: out, emptyOutDir: true, rollupOptions: { input: { douyin: `${root}/douyin/index.html` } } },
});

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };
const browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 960 } });
// Served from the build under the console's real host name, as scripts/serve-consoles.ts serves it.
await context.route('https://im.jinritemai.com/**', async (route) => {
  const { pathname } = new URL(route.request().url());
  const file = pathname.startsWith(ASSETS) ? join(out, pathname.slice(ASSETS.length)) : join(out, 'douyin/index.html');
  try {
    await route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: await readFile(file) });
  } catch {
    await route.fulfill({ status: 404, body: 'not found' });
  }
});

async function save(page: Page, name: string): Promise<void> {
  // Two frames: the virtual list places its rows after measuring its viewport.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/g, '').replace(/<link[^>]*>/g, '');
  await writeFile(new URL(`../test/fixtures/douyin/${name}.html`, import.meta.url), `${html}\n`);
}

async function open(query: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${URL_BASE}?now=${encodeURIComponent(NOW)}${query}`);
  await page.waitForSelector('[data-qa-id="qa-conversation-chat-item"]');
  return page;
}

for (const [name, query] of [
  ['workspace', ''],
  ['empty', '&open=none'],
  ['renamed', '&layout=renamed'],
] as const) {
  const page = await open(query);
  await save(page, name);
  await page.close();
}

const long = await open(`&open=${LONG}`);
await save(long, 'long-bottom');
await long.evaluate(() => {
  const scroller = document.querySelector('[class*="messageScroller"]')!;
  scroller.scrollTop -= 700;
});
await save(long, 'long-scrolled');
await long.close();

await browser.close();
await rm(out, { recursive: true, force: true });
console.log('Fixtures written to test/fixtures/douyin/');
