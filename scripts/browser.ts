import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url));

export function chromePath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`No Chromium at ${path}: install it (apt-get install -y chromium) or set CHROME_PATH.`);
  return path;
}

/** Chromium with the built extension loaded, in a fresh profile. */
/**
 * `extensionDebugging`: lets a test load the extension again through CDP (Extensions.loadUnpacked), as an
 * update does under open tabs. Tests only: it opens extension loading to the automation.
 */
export async function launchWithExtension(options: { headless: boolean; extensionDir?: string; viewport?: { width: number; height: number } | null; extensionDebugging?: boolean; args?: string[] }) {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(`${dir}/manifest.json`)) throw new Error(`No built extension in ${dir}: run "npm run build" first.`);
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromePath(),
    headless: options.headless,
    viewport: options.viewport === undefined ? { width: 1360, height: 820 } : options.viewport,
    locale: 'zh-CN',
    // Chromium on Linux takes its UI language (and so the extension's i18n locale) from LANGUAGE.
    env: { ...process.env, LANGUAGE: process.env.KEFU_UI_LANGUAGE ?? 'zh_CN' },
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=zh-CN',
      ...(options.extensionDebugging ? ['--enable-unsafe-extension-debugging'] : []),
      ...(options.args ?? []),
    ],
  });
  const worker = await extensionWorker(context);
  return { context, worker, extensionId: new URL(worker.url()).host };
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
}

/**
 * A time zone where it is now well inside the 08:00–23:00 service window, so messages made now count in
 * the metrics whenever a test or a screenshot runs.
 */
export function zoneInServiceHours(now = new Date()): string {
  const zones = ['Asia/Shanghai', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland', 'Pacific/Honolulu'];
  const hourIn = (zone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(now));
  return zones.find((z) => hourIn(z) >= 9 && hourIn(z) <= 21)!;
}

/** The sidebar's frame as the page holds it now, or null before it loaded (or after the page dropped it). */
export function sidebarFrameNow(page: Page): Frame | null {
  return page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/sidebar\.html/.test(f.url())) ?? null;
}

/**
 * The sidebar's frame on a console page (the extension's sidebar.html, inside a closed shadow root), once it
 * has drawn the open sidebar or its collapsed tab.
 */
export async function sidebarFrame(page: Page, timeout = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  let frame: Frame | null;
  while (!(frame = sidebarFrameNow(page))) {
    if (Date.now() > deadline) throw new Error(`no sidebar frame on ${page.url()} after ${timeout} ms`);
    await page.waitForTimeout(50);
  }
  await frame.locator('aside.sidebar, button.sidebar-tab').first().waitFor({ timeout: Math.max(1, deadline - Date.now()) });
  return frame;
}
