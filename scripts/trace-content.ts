/**
 * Where the page's main-thread time goes, with the extension and without, under the content-cpu flood: a
 * trace (CDP Tracing) of the two pages side by side over the same seconds, self CPU time (thread ticks)
 * summed per trace event name on each page's renderer main thread, the biggest differences first. The
 * benchmark's figure is one number; this says which part of the browser's work (script, style, layout,
 * paint, IPC, garbage collection) it is made of. A developer's tool:
 * `npx tsx scripts/trace-content.ts [seconds] [extension dir]` after `npm run build:chrome && npm run build:demo`.
 */
import type { CDPSession } from 'playwright-core';
import { sidebarFrame } from './browser';
import { cdp, launch, serveDemo, sleep } from '../bench/support';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

const seconds = Number(process.argv[2] ?? 15);
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'cc', 'gpu', 'toplevel', 'ipc', 'mojom', 'renderer.scheduler', 'blink.user_timing'];

async function record(session: CDPSession, ms: number): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' });
  await sleep(ms);
  await session.send('Tracing.end');
  await done;
  return events;
}

/** The page's renderer main thread: the busiest one. */
function mainThread(events: TraceEvent[]): TraceEvent[] {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key) || e.ph !== 'X' || e.tdur === undefined) continue;
    (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
  }
  return [...byThread.values()].sort((a, b) => total(b) - total(a))[0] ?? [];
}

/** The extension's own entries into the page's thread: calls into its scripts, their time inclusive of the DOM work they do. */
function extensionCalls(events: TraceEvent[]): Map<string, { count: number; ms: number }> {
  const calls = new Map<string, { count: number; ms: number }>();
  for (const e of mainThread(events)) {
    const url = e.args?.data?.url ?? '';
    if (e.name !== 'FunctionCall' || !url.startsWith('chrome-extension://')) continue;
    const key = `${e.args?.data?.functionName || '(anonymous)'} ${url.replace(/^chrome-extension:\/\/[^/]+/, '')}`;
    const entry = calls.get(key) ?? calls.set(key, { count: 0, ms: 0 }).get(key)!;
    entry.count++;
    entry.ms += e.tdur! / 1000;
  }
  return calls;
}

/** Self thread time per event name on the busiest renderer main thread (the page's). */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const busiest = mainThread(events);
  busiest.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) {
      const top = stack.pop()!;
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + Math.max(0, top.e.tdur! - top.child));
      if (stack.length) stack[stack.length - 1]!.child += top.e.tdur!;
    }
  };
  for (const e of busiest) {
    close(e.ts);
    stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
  }
  close(Infinity);
  return self;
}

function total(events: TraceEvent[]): number {
  // Top-level time only: nested events are inside their parents.
  let sum = 0;
  let end = -Infinity;
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ts >= end) {
      sum += e.tdur ?? 0;
      end = e.ts + (e.dur ?? 0);
    }
  }
  return sum;
}

const demo = await serveDemo('.output/demo');
const browsers = await Promise.all([launch(false), launch(true, process.argv[3])]);
try {
  const sessions = await Promise.all(browsers.map((b) => cdp(b.page)));
  await Promise.all(browsers.map((b) => b.page.goto(demo.url('seed=7&pace=0&buyers=20&flood=1000'))));
  await sidebarFrame(browsers[1]!.page);
  await sleep(5_000);
  const traces = await Promise.all(sessions.map((s) => record(s, seconds * 1000)));
  const [alone, withExt] = traces.map(selfTimes);
  const names = new Set([...alone!.keys(), ...withExt!.keys()]);
  const rows = [...names].map((name) => ({ name, alone: (alone!.get(name) ?? 0) / 1000, withExt: (withExt!.get(name) ?? 0) / 1000 }));
  rows.sort((a, b) => Math.abs(b.withExt - b.alone) - Math.abs(a.withExt - a.alone));
  const sum = (side: 'alone' | 'withExt') => rows.reduce((s, r) => s + r[side], 0);
  console.log(`self CPU ms over ${seconds} s on the page's main thread: alone ${sum('alone').toFixed(0)}, with extension ${sum('withExt').toFixed(0)}\n`);
  console.log(`${'alone'.padStart(9)} ${'with'.padStart(9)} ${'diff'.padStart(9)}  event`);
  for (const r of rows.slice(0, 40)) console.log(`${r.alone.toFixed(1).padStart(9)} ${r.withExt.toFixed(1).padStart(9)} ${(r.withExt - r.alone).toFixed(1).padStart(9)}  ${r.name}`);
  const calls = [...extensionCalls(traces[1]!)].sort((a, b) => b[1].ms - a[1].ms);
  console.log(`\nthe extension's calls on the page's thread: ${calls.reduce((n, [, c]) => n + c.count, 0)} calls, ${calls.reduce((n, [, c]) => n + c.ms, 0).toFixed(1)} ms (inclusive)`);
  for (const [name, c] of calls.slice(0, 20)) console.log(`${c.ms.toFixed(1).padStart(9)} ms ${String(c.count).padStart(6)}x  ${name}`);
} finally {
  await Promise.all(browsers.map((b) => b.close()));
  await demo.close();
}
