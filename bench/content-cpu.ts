import { sidebarFrame } from '../scripts/browser';
import type { CDPSession } from 'playwright-core';
import { cdp, launch, round, sleep, verdict, type BenchContext, type BenchResult, type Benchmark } from './support';

/**
 * 1. What the content script costs the seller page's main thread while buyers flood the console.
 *
 * The agent's console is the thing they work in all day; the extension may not make it sluggish. The
 * content script runs on the page's own main thread (isolated world, same thread), so its cost shows in
 * the page's busy time. The same deterministic demo (same seed, same flood, same window measured from the
 * same moment after load) runs in two browsers at once, one without and one with the extension, and the
 * main thread's busy time (CDP Performance.getMetrics: TaskDuration) of the two pages is compared.
 *
 * Side by side, not one after the other: on this shared 2-core machine the page's own cost drifts by 10-20%
 * from one minute to the next, which one-after-the-other runs (A-B-B-A) could not cancel; two pages measured
 * over the same seconds see the same drift. Several rounds, each with fresh browsers; the ratio is that of
 * the totals, and the spread of the rounds' ratios says how far to trust it.
 *
 * Time is counted in thread ticks (CPU time of the main thread), not wall time: the extension's worker
 * competes for a core, and wall time would charge that preemption to the page.
 *
 * The sidebar draws in a frame of the extension's (sidebar.html), which Chromium runs in the extension's
 * process: its main-thread time is not the page's, and the budget does not count it. It is measured all the
 * same (the frame's own CDP session) and reported beside it, with the sum of the two.
 */
const QUERY = 'seed=7&pace=0&buyers=20&flood=1000';
const BUDGET = 1.05;

interface Sample {
  taskSec: number;
  scriptSec: number;
  layoutSec: number;
  /** Messages the demo showed during the window: both pages must do the same work. */
  messages: number;
  /** Main-thread CPU of the sidebar's frame (the extension's process); 0 for the page alone. */
  frameSec: number;
}

async function open(ctx: BenchContext, withExtension: boolean) {
  const b = await launch(withExtension, ctx.extensionDir);
  const session = await cdp(b.page);
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  await b.page.goto(ctx.demo(QUERY));
  // The sidebar draws in the extension's frame, in the extension's process: not the page's main thread, but
  // CPU all the same, so it is measured and reported beside the budget's figure.
  let frameSession: CDPSession | null = null;
  if (withExtension) {
    frameSession = await b.context.newCDPSession(await sidebarFrame(b.page));
    await frameSession.send('Performance.enable', { timeDomain: 'threadTicks' });
  }
  const taskSec = async (s: CDPSession | null) => (s ? ((await s.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) : 0);
  const read = async () => {
    const metrics = Object.fromEntries((await session.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const messages = await b.page.evaluate(() => window.__kefuDemo.simulation.state.conversations.reduce((n, c) => n + c.messages.length, 0));
    return { metrics, messages, frameTaskSec: await taskSec(frameSession) };
  };
  return { close: b.close, read };
}

/** One round: both pages loaded, then the same window measured on both. */
async function measureRound(ctx: BenchContext, warmupMs: number, windowMs: number): Promise<{ alone: Sample; withExt: Sample }> {
  const pages = await Promise.all([open(ctx, false), open(ctx, true)]);
  try {
    await sleep(warmupMs);
    const before = await Promise.all(pages.map((p) => p.read()));
    await sleep(windowMs);
    const after = await Promise.all(pages.map((p) => p.read()));
    const sample = (i: number): Sample => {
      const d = (name: string) => (after[i]!.metrics[name] ?? 0) - (before[i]!.metrics[name] ?? 0);
      return {
        taskSec: d('TaskDuration'),
        scriptSec: d('ScriptDuration'),
        layoutSec: d('LayoutDuration') + d('RecalcStyleDuration'),
        messages: after[i]!.messages - before[i]!.messages,
        frameSec: after[i]!.frameTaskSec - before[i]!.frameTaskSec,
      };
    };
    return { alone: sample(0), withExt: sample(1) };
  } finally {
    await Promise.all(pages.map((p) => p.close()));
  }
}

export const contentCpu: Benchmark = {
  name: 'content-cpu',
  title: 'content script main-thread cost under a 1,000/min flood',
  async run(ctx): Promise<BenchResult> {
    const [warmupMs, windowMs, rounds] = ctx.quick ? [3_000, 8_000, 1] : [5_000, 15_000, 8];
    const results: { alone: Sample; withExt: Sample }[] = [];
    for (let i = 0; i < rounds; i++) {
      ctx.log(`  round ${i + 1}/${rounds}: page alone and page with the extension side by side, ${windowMs / 1000} s window after ${warmupMs / 1000} s`);
      results.push(await measureRound(ctx, warmupMs, windowMs));
    }
    const total = (side: 'alone' | 'withExt', key: keyof Sample) => results.reduce((sum, r) => sum + r[side][key], 0) / rounds;
    const [alone, withExt] = (['alone', 'withExt'] as const).map((side) => ({ task: total(side, 'taskSec'), script: total(side, 'scriptSec'), layout: total(side, 'layoutSec'), frame: total(side, 'frameSec') }));
    const ratio = withExt!.task / alone!.task;
    const ratios = results.map((r) => r.withExt.taskSec / r.alone.taskSec);
    // How far the rounds let the figure be trusted: the mean of the rounds' ratios, ± two standard errors.
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    const standardError = ratios.length > 1 ? Math.sqrt(ratios.reduce((a, r) => a + (r - mean) ** 2, 0) / (ratios.length - 1) / ratios.length) : NaN;
    const budget = { text: `< ${BUDGET}x`, pass: ratio < BUDGET };
    const notes = [`CPU time of the page's main thread (thread ticks), mean of ${rounds} round(s) of ${windowMs / 1000} s, the two pages side by side; the content script runs on that thread`];
    if (Math.max(...ratios) - Math.min(...ratios) > 0.1) notes.push(`the rounds disagree (${ratios.map((p) => round(p, 2)).join(', ')}): the machine was busy, read the ratio with care`);
    const counts = results.flatMap((r) => [r.alone.messages, r.withExt.messages]);
    if (results.some((r) => Math.abs(r.alone.messages - r.withExt.messages) > Math.max(2, 0.02 * r.alone.messages))) notes.push(`the two pages showed different numbers of messages (${counts.join(', ')}): compare with care`);
    const ms = (sec: number) => round(sec * 1000, 0);
    return {
      name: this.name,
      title: this.title,
      figure: { value: ms(withExt!.task), unit: 'ms', label: `main-thread busy per ${windowMs / 1000} s, with extension` },
      baseline: { value: ms(alone!.task), unit: 'ms', label: `main-thread busy per ${windowMs / 1000} s, page alone` },
      ratio: round(ratio, 3),
      budget,
      status: verdict(budget),
      extra: {
        'round ratios': ratios.map((p) => round(p, 3)).join(', '),
        'mean of rounds ± 2 standard errors': `${round(mean, 3)} ± ${round(2 * standardError, 3)}`,
        'script ms (page alone)': ms(alone!.script),
        'script ms (with extension)': ms(withExt!.script),
        'style+layout ms (page alone)': ms(alone!.layout),
        'style+layout ms (with extension)': ms(withExt!.layout),
        'extension cost on the page, ms per s': round(((withExt!.task - alone!.task) * 1000) / (windowMs / 1000), 1),
        'sidebar frame main thread ms (extension process)': ms(withExt!.frame),
        'page + sidebar frame vs page alone': round((withExt!.task + withExt!.frame) / alone!.task, 3),
        'messages per window (alone, with)': counts.join(', '),
      },
      notes,
    };
  },
};
