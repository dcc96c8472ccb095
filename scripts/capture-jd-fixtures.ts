/**
 * Saves the JD fixture console's rendered HTML (test/consoles/jd/) as adapter fixtures under test/fixtures/jd/:
 * `chat.html` (a conversation open), `empty.html` (none open), `renamed.html` (the chat input's class renamed,
 * as after a redesign). Builds that console alone into a temporary folder, then renders it in Chromium (no
 * extension) under its real address, the page's clock fixed by `?now=`, so the same HTML comes back every time.
 * Run after changing the fixture: `npx tsx scripts/capture-jd-fixtures.ts`.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromePath } from './browser';

const NOW = '2026-09-08T10:00:00+08:00';
const ASSETS = '/__kefu-fixture__/';
const root = fileURLToPath(new URL('../test/consoles', import.meta.url));
const out = await mkdtemp(join(tmpdir(), 'kefu-jd-fixture-'));
await build({
  configFile: false,
  root,
  base: ASSETS,
  logLevel: 'warn',
  build: { outDir: out, emptyOutDir: true, rollupOptions: { input: { jd: `${root}/jd/index.html` } } },
});

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };
const browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 820 } });
// Served from the build under the console's real host name, as scripts/serve-consoles.ts serves it.
await context.route('https://dongdong.jd.com/**', async (route) => {
  const { pathname } = new URL(route.request().url());
  const file = pathname.startsWith(ASSETS) ? join(out, pathname.slice(ASSETS.length)) : join(out, 'jd/index.html');
  try {
    await route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: await readFile(file) });
  } catch {
    await route.fulfill({ status: 404, body: 'not found' });
  }
});

async function capture(name: string, query: string, change?: () => void): Promise<void> {
  const page = await context.newPage();
  await page.goto(`https://dongdong.jd.com/?now=${encodeURIComponent(NOW)}${query}`);
  await page.waitForSelector('#t-alluser-wrap .alluser-item');
  if (change) await page.evaluate(change);
  const html = (await page.content()).replace(/<script[\s\S]*?<\/script>/g, '').replace(/<link[^>]*>/g, '');
  await writeFile(new URL(`../test/fixtures/jd/${name}.html`, import.meta.url), `${html}\n`);
  await page.close();
}

await capture('chat', '');
await capture('empty', '&open=none');
await capture('renamed', '', () => {
  document.querySelector('.EditorContent')!.className = 'RichEditor-content';
});
await browser.close();
await rm(out, { recursive: true, force: true });
console.log('Fixtures written to test/fixtures/jd/');
