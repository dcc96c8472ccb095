import type { BrowserContext, Locator, Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, sidebarFrame, sidebarFrameNow } from '../../scripts/browser';
import { consoleBrowserArgs, startConsoleServer } from '../../scripts/serve-consoles';
import { demoUrl, startDemoServer } from '../../scripts/serve-demo';

/** One Chromium with the built extension and one demo server per test file. */
/** `consoles`: also serve the fixture consoles over HTTPS under the real consoles' host names. */
/** `headed`: a real window (on the virtual display the caller set in DISPLAY), for the browser's own prompts. */
export async function startHarness(options: { extensionDebugging?: boolean; consoles?: boolean; headed?: boolean; args?: string[] } = {}) {
  const server = await startDemoServer(0);
  const consoles = options.consoles ? await startConsoleServer(0) : null;
  const launched = await launchWithExtension({ headless: !options.headed, extensionDebugging: options.extensionDebugging, args: [...(consoles ? consoleBrowserArgs(consoles.port) : []), ...(options.args ?? [])] });
  const { context, extensionId } = launched;
  return {
    ...launched,
    demo: (query: string) => demoUrl(server.port, query),
    port: server.port,
    fixture: (path: string) => `http://localhost:${server.port}/kefu-demo/fixtures/${path}`,
    extensionPage: (path: string) => `chrome-extension://${extensionId}/${path}`,
    /** A demo console in a new tab; unless told there is none, once the sidebar's frame has drawn. */
    async openDemo(query: string, options: { sidebar?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(demoUrl(server.port, query));
      if (options.sidebar !== false) await sidebarFrame(page);
      return { page, errors };
    },
    async stopWorkers(page: Page) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    /** The alert thresholds for the tests of this browser (short ones: seconds, not half a minute). */
    async setThresholds(thresholds: { warnSec: number; breachSec: number; marksSec: number[] }) {
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await options.evaluate(async (t) => {
        const { settings = {} } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...(settings as object), thresholds: t } });
      }, thresholds);
      await options.close();
    },
    /** The tab id of a page (brought to the front to find it: no tabs permission to look it up otherwise). */
    async tabIdOf(page: Page): Promise<number> {
      await page.bringToFront();
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      return worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    },
    /** The toolbar badge's text for a tab (the worker may have been stopped: the current one is asked). */
    async badgeText(tabId: number): Promise<string> {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    /** Loads the built extension again over the running one, as an update does (needs extensionDebugging). */
    async reloadExtension() {
      const cdp = await launched.context.browser()!.newBrowserCDPSession();
      await cdp.send('Extensions.loadUnpacked' as never, { path: EXTENSION_DIR } as never);
      await cdp.detach();
    },
    async close() {
      await context.close();
      await server.close();
      await consoles?.close();
    },
  };
}
export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** Uncaught exceptions and console errors of a page: a test ends by asserting there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

export { sidebarFrameNow };

/**
 * `selector` inside the sidebar's frame. Looked up again on every call: the page may wipe the sidebar and
 * the extension mount a new frame. Before a frame is there it matches nothing, so polls keep polling.
 */
export function inSidebar(page: Page, selector: string): Locator {
  const frame = sidebarFrameNow(page);
  return frame ? frame.locator(selector) : page.locator('kefu-sidekick-frame-not-loaded');
}

/** The open sidebar. */
export const sidebar = (page: Page) => inSidebar(page, 'aside.sidebar');
/** The collapsed sidebar's tab. */
export const sidebarTab = (page: Page) => inSidebar(page, 'button.sidebar-tab');

export async function demoSent(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__kefuDemo.sent());
}

export async function closeExtraPages(context: BrowserContext) {
  for (const page of context.pages().slice(1)) await page.close();
}
