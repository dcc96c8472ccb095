/**
 * `npm run demo`: builds the extension and the demo console, serves the console on localhost and opens it
 * in Chromium (or CHROME_PATH) with the extension loaded.
 * `npm run demo -- --headless --screenshot FILE` does the same without a display: it waits until buyers
 * have arrived and the sidebar is up, writes a screenshot and exits.
 * `--popup-screenshot FILE` also answers two buyers and photographs the popup. `--no-build` skips the build; `--query "seed=7&pace=20"` sets the demo's URL parameters.
 */
import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { launchWithExtension, sidebarFrame, zoneInServiceHours } from './browser';
import { demoUrl, exitIfPortTaken, startDemoServer } from './serve-demo';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    'popup-screenshot': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    query: { type: 'string', default: 'seed=42&pace=6&buyers=4' },
  },
});

const headless = values.headless || Boolean(values.screenshot);
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display found. Run headless instead: npm run demo -- --headless --screenshot demo.png');
  process.exit(1);
}

// The port is taken before the build, so a busy port is said at once rather than after a minute of building.
// The server reads the built files per request, so it may start before they exist.
const server = await startDemoServer().catch(exitIfPortTaken);
if (!values['no-build']) execSync('npm run --silent build:chrome && npm run --silent build:demo', { stdio: 'inherit' });

const url = demoUrl(server.port, values.query);
const { context, extensionId } = await launchWithExtension({ headless, viewport: headless ? { width: 1360, height: 820 } : null });
const page = context.pages()[0] ?? (await context.newPage());
if (values['popup-screenshot']) {
  // Whatever the hour on this machine, count the demo's messages inside a service window.
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.evaluate(async (timeZone) => chrome.storage.local.set({ settings: { timeZone } }), zoneInServiceHours());
}
await page.goto(url);
console.log(`Demo console with Kefu Sidekick: ${url}`);

if (values.screenshot) {
  const sidebar = await sidebarFrame(page, 20_000);
  await sidebar.locator('.snippet').first().waitFor({ timeout: 20_000 });
  await page.locator('.conv-item').nth(2).waitFor({ timeout: 20_000 });
  await page.waitForTimeout(1_500);
  await page.screenshot({ path: values.screenshot });
  console.log(`Screenshot written to ${values.screenshot}`);
  if (values['popup-screenshot']) {
    // Answer a few buyers first, so the popup has something to show.
    for (const i of [1, 2]) {
      await page.locator('.conv-item').nth(i).click();
      await sidebar.locator('.snippet').first().click();
      await page.locator('.composer-send').click();
    }
    await page.waitForTimeout(1_000);
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 1100 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('tab', { name: '今日' }).click();
    await popup.locator('tr[data-metric]').first().waitFor();
    await popup.waitForTimeout(500);
    await popup.screenshot({ path: values['popup-screenshot'], fullPage: true });
    console.log(`Popup screenshot written to ${values['popup-screenshot']}`);
  }
  await context.close();
  await server.close();
} else {
  // A headless browser has no window to close.
  console.log(headless ? 'Running headless: press Ctrl+C to stop.' : 'Close the browser window (or press Ctrl+C) to stop.');
  context.on('close', () => void server.close().then(() => process.exit(0)));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void context.close());
}
