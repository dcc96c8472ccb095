import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { demoUrl, startDemoServer } from '../../scripts/serve-demo';

/**
 * One Firefox (Debian's firefox-esr) with the built Firefox extension and one demo server per test file,
 * driven by puppeteer-core over WebDriver BiDi.
 *
 * BiDi will not navigate a tab to a moz-extension:// page, and reports extension pages as about:blank, but it
 * does evaluate inside them. Frames of the extension embedded in a page get no tabs or action API in Firefox.
 * So the extension's own pages are opened by the sidebar's frame (an extension document in every console
 * tab) with window.open: a tab of the extension's own, with its whole API, as the popup or options page is.
 */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));
const EXTENSION_ID = 'kefu-sidekick@kefu-sidekick.invalid';
/** Fixed through the pref below, so the extension's pages have a known address. */
export const EXTENSION_UUID = '5f0c6e1a-3b7d-4f2e-9a1c-8d4b2e6f7a90';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export async function startFirefoxHarness() {
  const server = await startDemoServer(0);
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // As wide as the Chromium tests' window: the console beside the docked sidebar.
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
      // The extension's pages are opened with window.open from its sidebar frame (see extensionPage).
      'dom.disable_open_during_load': false,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);

  const harness = {
    browser,
    demo: (query: string) => demoUrl(server.port, query),
    /** A demo console in a new tab, once the sidebar's frame has drawn. */
    async openDemo(query: string): Promise<{ page: Page; errors: string[] }> {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      await page.goto(demoUrl(server.port, query));
      // Keys go to the tab in front.
      await page.bringToFront();
      await sidebarFrame(page);
      return { page, errors };
    },
    /** An extension page (popup.html, options.html) in a tab of its own, opened from `console`'s sidebar frame. */
    async extensionPage(console: Page, path: string): Promise<Page> {
      const marker = `e2e-${Math.random().toString(36).slice(2)}`;
      const frame = await sidebarFrame(console);
      await frame.evaluate((url) => void window.open(url, '_blank'), `${EXTENSION_ORIGIN}/${path}#${marker}`);
      return until(
        async () => {
          for (const candidate of await browser.pages()) {
            if (await candidate.evaluate((m) => location.hash === `#${m}`, marker).catch(() => false)) return candidate;
          }
          return null;
        },
        (found) => found !== null,
      ) as Promise<Page>;
    },
    /** The toolbar badge of the console tab whose address contains `shop=<shop>`, read from an extension page. */
    async badge(extensionPage: Page, shop: string): Promise<{ text: string; color: string }> {
      return extensionPage.evaluate(async (param) => {
        type Api = {
          tabs: { query(q: object): Promise<{ id: number; url?: string }[]> };
          action: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]> };
        };
        const api = (globalThis as unknown as { browser: Api }).browser;
        const tab = (await api.tabs.query({})).find((t) => t.url?.includes(param));
        if (!tab) throw new Error(`no tab with ${param}`);
        const text = await api.action.getBadgeText({ tabId: tab.id });
        const [r, g, b] = await api.action.getBadgeBackgroundColor({ tabId: tab.id });
        return { text, color: text ? `rgb(${r},${g},${b})` : '' };
      }, `shop=${shop}`);
    },
    /** Writes settings as the options page does (storage.local), from the sidebar's extension frame. */
    async setSettings(page: Page, change: Record<string, unknown>): Promise<void> {
      const frame = await sidebarFrame(page);
      await frame.evaluate(async (c) => {
        const { browser: api } = globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> } } } };
        const { settings = {} } = await api.storage.local.get('settings');
        await api.storage.local.set({ settings: { ...settings, ...c } });
      }, change);
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
  return harness;
}
export type FirefoxHarness = Awaited<ReturnType<typeof startFirefoxHarness>>;

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** The frame of the page whose document is the extension's sidebar.html, if one is there now. */
export async function sidebarFrameNow(page: Page): Promise<Frame | null> {
  for (const frame of page.frames()) {
    const isSidebar = await frame.evaluate((origin) => location.origin === origin && location.pathname === '/sidebar.html', EXTENSION_ORIGIN).catch(() => false);
    if (isSidebar) return frame;
  }
  return null;
}

export async function sidebarFrame(page: Page, timeout = 15_000): Promise<Frame> {
  const until = Date.now() + timeout;
  for (;;) {
    const frame = await sidebarFrameNow(page);
    if (frame && (await frame.$('aside.sidebar, button.sidebar-tab'))) return frame;
    if (Date.now() > until) throw new Error('the sidebar frame did not draw');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The sidebar's snippet button whose title is `title`. */
export async function snippetButton(frame: Frame, title: string): Promise<ElementHandle<Element>> {
  const until = Date.now() + 10_000;
  for (;;) {
    for (const button of await frame.$$('.snippet')) {
      // The title's element also holds the shortcut, after the title.
      if ((await button.$eval('.snippet-title', (el) => el.textContent ?? '')).startsWith(title)) return button;
    }
    if (Date.now() > until) throw new Error(`no snippet titled ${title}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls `read` until `check` passes; the last value is returned, or the last failure thrown. */
export async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, timeout = 8_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: T;
  for (;;) {
    last = await read();
    if (check(last)) return last;
    if (Date.now() > end) throw new Error(`condition not met in ${timeout} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A real (trusted) mouse click on an element inside a frame of `page`. Puppeteer's own ElementHandle.click
 * places the point through BiDi's "context" locator, which Firefox ESR 140 does not have; so the frame's
 * offset is read off both documents (mozInnerScreenX/Y, in CSS pixels) and the page's mouse clicks there.
 */
export async function clickInFrame(page: Page, element: ElementHandle<Element>): Promise<void> {
  type Screen = Window & { mozInnerScreenX: number; mozInnerScreenY: number };
  const inFrame = await element.evaluate((el) => {
    el.scrollIntoView({ block: 'nearest' });
    const r = el.getBoundingClientRect();
    const w = window as unknown as Screen;
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, left: w.mozInnerScreenX, top: w.mozInnerScreenY };
  });
  const page0 = await page.evaluate(() => {
    const w = window as unknown as Screen;
    return { left: w.mozInnerScreenX, top: w.mozInnerScreenY };
  });
  await page.mouse.click(inFrame.left - page0.left + inFrame.x, inFrame.top - page0.top + inFrame.y);
}
