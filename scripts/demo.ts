/**
 * `npm run demo`: builds the extension and the demo console, serves the console on localhost and opens it
 * in Chromium (or CHROME_PATH) with the extension loaded.
 * `npm run demo -- --headless --screenshot FILE` does the same without a display: it waits until buyers
 * have arrived and the sidebar is up, writes a screenshot and exits.
 * `--no-build` skips the build; `--query "seed=7&pace=20"` sets the demo's URL parameters.
 */
import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { launchWithExtension } from './browser';
import { demoUrl, startDemoServer } from './serve-demo';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    query: { type: 'string', default: 'seed=42&pace=6&buyers=4' },
  },
});

if (!values['no-build']) execSync('npm run --silent build:chrome && npm run --silent build:demo', { stdio: 'inherit' });

const headless = values.headless || Boolean(values.screenshot);
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display found. Run headless instead: npm run demo -- --headless --screenshot demo.png');
  process.exit(1);
}

const server = await startDemoServer();
const url = demoUrl(server.port, values.query);
const { context } = await launchWithExtension({ headless, viewport: headless ? { width: 1360, height: 820 } : null });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);
console.log(`Demo console with Kefu Sidekick: ${url}`);

if (values.screenshot) {
  await page.locator('kefu-sidekick .snippet').first().waitFor({ timeout: 20_000 });
  await page.locator('.conv-item').nth(2).waitFor({ timeout: 20_000 });
  await page.waitForTimeout(1_500);
  await page.screenshot({ path: values.screenshot });
  console.log(`Screenshot written to ${values.screenshot}`);
  await context.close();
  await server.close();
} else {
  console.log('Close the browser window to stop.');
  context.on('close', () => void server.close().then(() => process.exit(0)));
}
