import type { Page } from 'playwright-core';
import type { ChatEvent } from '../lib/chat-event';
import { generateDay, planDay, type DayPlan } from './day-events';
import { launch, round, setSettings, sleep, type BenchContext, type ExtensionGlobal, type Launched } from './support';

/**
 * The 100,000-event day that benchmarks 2 (metrics) and 5 (database size) measure, loaded once per run
 * into a fresh profile through the real path: an extension page sends 'chat.events' in batches of 1,000,
 * as content scripts do, and the worker validates, stores and tracks them.
 *
 * The events go to the worker in conversation order (each batch holds a few hundred whole threads), which
 * is how content scripts report them: one open thread at a time. The page used is options.html, not
 * popup.html: the popup polls 'metrics.get' every 2 s itself, which would count the day during the load
 * and add its reads to the timed ones. Both pages are the extension's origin.
 */
export const SITE = 'demo';
export const SHOP_ID = 'bench-shop';
export const BATCH = 1_000;
const SHARED_KEY = 'day-100k';

declare global {
  interface Window {
    __benchEvents?: ChatEvent[];
  }
}

export interface DaySession {
  launched: Launched;
  /** The extension page every message is sent from. */
  page: Page;
  plan: DayPlan;
  /** The events as sent (kept to count the same day outside the extension, as a check). */
  events: ChatEvent[];
  count: number;
  conversations: number;
  /** Byte size of the same events as JSON (UTF-8). */
  jsonBytes: number;
  loadMs: number;
  batchMedianMs: number;
  batchMaxMs: number;
  added: number;
  usageBefore: number;
  usageAfterLoad: number;
  /** Set by metrics-day: after the first 'metrics.get', which counts the day and keeps per-conversation rows. */
  usageAfterFirstRead?: number;
  close: () => Promise<void>;
}

/** Sends one request from the extension page and times its round trip there; throws on a refused or failed request. */
export async function timedSend(page: Page, name: string, payload: unknown): Promise<{ ms: number; data: unknown }> {
  return page.evaluate(
    async ({ name, payload }) => {
      const chrome = (globalThis as unknown as ExtensionGlobal).chrome;
      const start = performance.now();
      const reply = (await chrome.runtime.sendMessage({ kefu: 1, name, payload })) as { ok: boolean; data?: unknown; error?: string } | undefined;
      const ms = performance.now() - start;
      if (!reply) throw new Error(`${name}: no answer from the worker`);
      if (!reply.ok) throw new Error(`${name}: ${reply.error}`);
      return { ms, data: reply.data };
    },
    { name, payload },
  );
}

export async function storageUsage(page: Page): Promise<number> {
  return page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
}

/** The day, loaded (once per run: the second caller gets the same session). */
export function daySession(ctx: BenchContext): Promise<DaySession> {
  let session = ctx.shared.get(SHARED_KEY) as Promise<DaySession> | undefined;
  if (!session) {
    session = loadDay(ctx);
    ctx.shared.set(SHARED_KEY, session);
  }
  return session;
}

async function loadDay(ctx: BenchContext): Promise<DaySession> {
  const count = ctx.quick ? 10_000 : 100_000;
  const plan = planDay();
  const events = generateDay(plan, { count, site: SITE, shopId: SHOP_ID });
  const jsonBytes = Buffer.byteLength(JSON.stringify(events));
  const conversations = new Set(events.map((e) => e.conversationId)).size;
  ctx.log(`  ${count.toLocaleString('en')} events, ${conversations} conversations, time zone ${plan.timeZone} (now ${new Date(Date.now() + tzOffsetMs(plan)).toISOString().slice(11, 16)} there)`);

  const launched = await launch(true, ctx.extensionDir);
  try {
    // The worker counts days in the settings' time zone: set it before the first event arrives.
    await setSettings(launched.context, { timeZone: plan.timeZone });
    const page = launched.page;
    await page.goto(`chrome-extension://${launched.extensionId}/options.html`);
    await sleep(500);
    const usageBefore = await storageUsage(page);

    // Hand the events to the page untimed, then time only the messages.
    for (let i = 0; i < events.length; i += 10_000) {
      await page.evaluate((chunk) => (window.__benchEvents ??= []).push(...chunk), events.slice(i, i + 10_000));
    }
    const batchTimes: number[] = [];
    let added = 0;
    const started = Date.now();
    for (let from = 0; from < count; from += 10 * BATCH) {
      const part = await page.evaluate(
        async ({ from, to, batch, site, shopId }) => {
          const chrome = (globalThis as unknown as ExtensionGlobal).chrome;
          const all = window.__benchEvents!;
          const times: number[] = [];
          let added = 0;
          for (let i = from; i < to; i += batch) {
            const start = performance.now();
            const reply = (await chrome.runtime.sendMessage({ kefu: 1, name: 'chat.events', payload: { site, shopId, events: all.slice(i, Math.min(i + batch, to)) } })) as
              | { ok: boolean; data?: { added: number }; error?: string }
              | undefined;
            times.push(performance.now() - start);
            if (!reply?.ok) throw new Error(`chat.events batch at ${i}: ${reply?.error ?? 'no answer from the worker'}`);
            added += reply.data!.added;
          }
          return { times, added };
        },
        { from, to: Math.min(count, from + 10 * BATCH), batch: BATCH, site: SITE, shopId: SHOP_ID },
      );
      batchTimes.push(...part.times);
      added += part.added;
      ctx.log(`  loaded ${(from + 10 * BATCH).toLocaleString('en')} (${round((Date.now() - started) / 1000, 1)} s)`);
    }
    const loadMs = batchTimes.reduce((a, b) => a + b, 0);
    await page.evaluate(() => delete window.__benchEvents);
    await sleep(1_000);
    const usageAfterLoad = await storageUsage(page);
    const sorted = [...batchTimes].sort((a, b) => a - b);
    return {
      launched,
      page,
      plan,
      events,
      count,
      conversations,
      jsonBytes,
      loadMs,
      batchMedianMs: sorted[Math.floor(sorted.length / 2)]!,
      batchMaxMs: sorted.at(-1)!,
      added,
      usageBefore,
      usageAfterLoad,
      close: () => launched.close(),
    };
  } catch (error) {
    await launched.close();
    throw error;
  }
}

function tzOffsetMs(plan: DayPlan): number {
  const match = /^Etc\/GMT(?:([+-])(\d+))?$/.exec(plan.timeZone);
  if (!match?.[1]) return 0;
  return (match[1] === '-' ? 1 : -1) * Number(match[2]) * 3_600_000;
}
