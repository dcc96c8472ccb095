/** Renders assets/icon.svg to public/icon/{16,32,48,96,128}.png (the sizes WXT picks up): `npx tsx scripts/make-icons.ts`. */
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 96, 128];
const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const outDir = fileURLToPath(new URL('../public/icon/', import.meta.url));
await mkdir(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  // deviceScaleFactor 1 so an N px element gives an N px PNG.
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    // display:block avoids the inline-baseline gap that would make the element taller than N.
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.addStyleTag({ content: 'svg{display:block}' });
    await page.locator('svg').screenshot({ path: `${outDir}${size}.png`, omitBackground: true });
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
