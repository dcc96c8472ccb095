import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import sirv from 'sirv';
import type { Browser } from 'webextension-polyfill';
import { chromePath, EXTENSION_DIR, extensionWorker, launchWithExtension } from '../scripts/browser';

/**
 * What every benchmark shares: how Chromium is launched (with and without the extension, otherwise the
 * same), a few CDP and messaging helpers, and the shape of a result. A benchmark never reports a bare
 * timing: it reports its figure, a baseline measured in the same run, and their ratio.
 */

export interface Figure {
  value: number;
  unit: string;
  /** What was measured, in a few words. */
  label: string;
}

export interface BenchResult {
  name: string;
  title: string;
  figure: Figure;
  baseline: Figure;
  /** figure / baseline */
  ratio: number;
  /** The budget in words and whether this run met it; absent for report-only benchmarks. */
  budget?: { text: string; pass: boolean };
  /** PASS / FAIL against the budget, REPORT when there is none, ERROR when it could not be measured. */
  status: 'PASS' | 'FAIL' | 'REPORT' | 'ERROR';
  /** Other figures worth reading (all absolute, named with their unit). */
  extra: Record<string, number | string>;
  notes: string[];
}

export interface BenchContext {
  /** The demo console's URL with these query parameters, on loopback. */
  demo: (query: string) => string;
  extensionDir: string;
  /** Shorter windows and fewer repeats: checks the harness, the figures mean little. */
  quick: boolean;
  log: (line: string) => void;
  /** State shared by benchmarks that measure the same load (2 and 5); the runner closes it. */
  shared: Map<string, unknown>;
}

export interface Benchmark {
  name: string;
  title: string;
  run: (ctx: BenchContext) => Promise<BenchResult>;
}

export function errorResult(bench: Pick<Benchmark, 'name' | 'title'>, error: unknown): BenchResult {
  const message = error instanceof Error ? error.message : String(error);
  const none = { value: NaN, unit: '', label: '' };
  return { name: bench.name, title: bench.title, figure: none, baseline: none, ratio: NaN, status: 'ERROR', extra: {}, notes: [message] };
}

export function verdict(budget: { text: string; pass: boolean } | undefined): BenchResult['status'] {
  return budget ? (budget.pass ? 'PASS' : 'FAIL') : 'REPORT';
}

// ---------- what is benchmarked ----------

/**
 * Copies of the built extension and demo console, taken right after the build: other engineers build into
 * .output/ while the benchmarks run, and a build empties the directory it writes.
 */
export function snapshotBuild(extensionDir: string, demoDir: string): { extensionDir: string; demoDir: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'kefu-bench-'));
  cpSync(extensionDir, join(root, 'extension'), { recursive: true });
  cpSync(demoDir, join(root, 'demo'), { recursive: true });
  return { extensionDir: join(root, 'extension'), demoDir: join(root, 'demo'), remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Serves a demo console build under /kefu-demo/ on loopback, as scripts/serve-demo.ts does for .output/demo. */
export async function serveDemo(dir: string): Promise<{ url: (query: string) => string; close: () => Promise<void> }> {
  const demo = sirv(dir, { dev: true });
  const server = createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404;
      res.end('not found');
    };
    if (!req.url?.startsWith('/kefu-demo/')) return notFound();
    req.url = req.url.slice('/kefu-demo'.length);
    demo(req, res, notFound);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (query) => `http://localhost:${port}/kefu-demo/${query ? `?${query.replace(/^\?/, '')}` : ''}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// ---------- Chromium ----------

/**
 * Code passed to page.evaluate / worker.evaluate runs inside Chromium, where the extension API is the
 * global `chrome` (promise-based in MV3). The project has no chrome typings, so such code starts with
 * `const chrome = (globalThis as unknown as ExtensionGlobal).chrome;` (a type only: nothing is imported there).
 */
export type ExtensionGlobal = { chrome: Browser };

/** The same flags as scripts/browser.ts launchWithExtension, minus the two that load the extension. Keep in sync. */
const PLAIN_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=zh-CN'];

export interface Launched {
  context: BrowserContext;
  /** The first tab of the fresh profile, reused so only one renderer hosts the page under test. */
  page: Page;
  worker: Worker | null;
  extensionId: string | null;
  close: () => Promise<void>;
}

export async function launch(withExtension: boolean, extensionDir = EXTENSION_DIR): Promise<Launched> {
  if (withExtension) {
    const { context, worker, extensionId } = await launchWithExtension({ headless: true, extensionDir });
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, page, worker, extensionId, close: () => context.close() };
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromePath(),
    headless: true,
    viewport: { width: 1360, height: 820 },
    locale: 'zh-CN',
    env: { ...process.env, LANGUAGE: process.env.KEFU_UI_LANGUAGE ?? 'zh_CN' },
    args: PLAIN_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, worker: null, extensionId: null, close: () => context.close() };
}

/** The extension's current service worker: Chrome may have stopped and restarted it since launch. */
export async function currentWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? extensionWorker(context);
}

/** Merges a change into chrome.storage.local 'settings', as the options page does; the worker watches that key. */
export async function setSettings(context: BrowserContext, change: Record<string, unknown>): Promise<void> {
  const worker = await currentWorker(context);
  await worker.evaluate(async (c) => {
    const chrome = (globalThis as unknown as ExtensionGlobal).chrome;
    const { settings = {} } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), ...c } });
  }, change);
}

/**
 * How many events the extension's database holds, all or one conversation's (raw IndexedDB from the
 * worker's origin, through the events' [site+shopId+conversationId+at] index; never creates the database).
 */
export async function storedEventCount(context: BrowserContext, conversation?: { site: string; shopId: string; conversationId: string }): Promise<number> {
  const worker = await currentWorker(context);
  return worker.evaluate(
    (only) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kefu-sidekick');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('events')) return (db.close(), resolve(0));
          const store = db.transaction('events').objectStore('events');
          const key = only && [only.site, only.shopId, only.conversationId];
          const count = key ? store.index('[site+shopId+conversationId+at]').count(IDBKeyRange.bound([...key, -Infinity], [...key, Infinity])) : store.count();
          count.onsuccess = () => (db.close(), resolve(count.result));
          count.onerror = () => (db.close(), reject(count.error));
        };
      }),
    conversation,
  );
}

export async function cdp(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

// ---------- numbers ----------

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Polls `read` until it returns the same value `stableMs` long and `ready` holds. Gives up at the timeout,
 * or when the value stayed the same `stuckMs` long without being ready (nothing is moving any more).
 */
export async function settle<T>(
  read: () => Promise<T>,
  options: { stableMs: number; timeoutMs: number; stuckMs?: number; intervalMs?: number; ready?: (value: T) => boolean },
): Promise<{ value: T; settled: boolean }> {
  const deadline = Date.now() + options.timeoutMs;
  let last = await read();
  let since = Date.now();
  while (Date.now() < deadline) {
    await sleep(options.intervalMs ?? 250);
    const value = await read();
    const ready = options.ready?.(value) ?? true;
    if (JSON.stringify(value) !== JSON.stringify(last)) {
      last = value;
      since = Date.now();
    } else if (ready && Date.now() - since >= options.stableMs) {
      return { value, settled: true };
    } else if (!ready && Date.now() - since >= (options.stuckMs ?? Infinity)) {
      break;
    }
  }
  return { value: last, settled: false };
}
