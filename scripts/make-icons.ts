/** Renders assets/icon.svg to the PNG sizes the stores and WXT expect (public/icon/N.png): `npx tsx scripts/make-icons.ts`. */
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromePath } from './browser';

const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setContent(`<body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  await page.locator('svg').screenshot({ path: new URL(`../public/icon/${size}.png`, import.meta.url).pathname, omitBackground: true });
}
await browser.close();
