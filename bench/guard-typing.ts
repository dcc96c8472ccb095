import type { CDPSession } from 'playwright-core';
import { cdp, launch, round, setSettings, sleep, verdict, type BenchContext, type BenchResult, type Benchmark } from './support';

/**
 * What checking the draft on every keystroke (the conduct guard, issue 12) adds to the console page's main
 * thread while the agent types. Two browsers with the extension, side by side over the same seconds (as
 * content-cpu does, for the same reason: this machine's drift), type the same text into the demo's chat input
 * at the same pace; in one the guard is on (the shop's default levels), in the other every kind is off, so the
 * draft is never checked. The figure is the page's main-thread CPU time (thread ticks) while typing; the
 * budget is under 5% more than without the guard.
 */
const QUERY = 'seed=7&pace=0&buyers=3&delay=600';
const BUDGET = 1.05;
const OFF = { abuse: 'off', offPlatform: 'off', overPromise: 'off', threat: 'off', blame: 'off', sarcasm: 'off' };
/** Chinese and English, risky and harmless, as agents type them: the draft grows to some 500 characters. */
const TEXT =
  '亲，您好，这款保温杯是304不锈钢的，保温效果很好，今天16点前下单当天发货哦。加我微信 abc12345 私下退款给你，保证明天一定到，你自己没看清楚详情页吧，嫌贵别买。' +
  'Hello, thanks for waiting. The parcel left our warehouse yesterday and usually arrives in 7 to 12 days. If anything is wrong, tell me here and I will sort it out for you. ';

async function open(ctx: BenchContext, guard: boolean) {
  const b = await launch(true, ctx.extensionDir);
  if (!guard) await setSettings(b.context, { guard: { levels: OFF, rules: [], allow: [] } });
  const session: CDPSession = await cdp(b.page);
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  await b.page.goto(ctx.demo(QUERY));
  await b.page.locator('textarea.composer-input').click();
  const task = async () => (await session.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  /** How much of the text the input holds at the end: both pages must have done the same typing. */
  const typedLength = () => b.page.locator('textarea.composer-input').evaluate((el) => (el as HTMLTextAreaElement).value.length);
  return { b, task, typedLength };
}

async function round1(ctx: BenchContext, chars: number, delayMs: number): Promise<{ on: number; off: number; typed: number[] }> {
  const pages = await Promise.all([open(ctx, true), open(ctx, false)]);
  try {
    await sleep(2_000);
    const before = await Promise.all(pages.map((p) => p.task()));
    const text = TEXT.repeat(Math.ceil(chars / TEXT.length)).slice(0, chars);
    await Promise.all(pages.map((p) => p.b.page.keyboard.type(text, { delay: delayMs })));
    const after = await Promise.all(pages.map((p) => p.task()));
    const typed = await Promise.all(pages.map((p) => p.typedLength()));
    return { on: after[0]! - before[0]!, off: after[1]! - before[1]!, typed };
  } finally {
    await Promise.all(pages.map((p) => p.b.close()));
  }
}

export const guardTyping: Benchmark = {
  name: 'guard-typing',
  title: 'the draft check on every keystroke: page main-thread time while typing',
  async run(ctx): Promise<BenchResult> {
    const [chars, rounds] = ctx.quick ? [120, 1] : [500, 4];
    const delayMs = 25;
    const results = [];
    for (let i = 0; i < rounds; i++) {
      ctx.log(`  round ${i + 1}/${rounds}: ${chars} characters typed at ${delayMs} ms a key, guard on and off side by side`);
      results.push(await round1(ctx, chars, delayMs));
    }
    const on = results.reduce((s, r) => s + r.on, 0) / rounds;
    const off = results.reduce((s, r) => s + r.off, 0) / rounds;
    const ratio = on / off;
    const budget = { text: `< ${BUDGET}x`, pass: ratio < BUDGET };
    const ms = (sec: number) => round(sec * 1000, 0);
    const notes = [`CPU time of the page's main thread (thread ticks) while ${chars} characters are typed, mean of ${rounds} round(s); both browsers have the extension, the baseline with every kind of the guard off`];
    if (results.some((r) => r.typed[0] !== r.typed[1])) notes.push(`the two inputs ended with different lengths (${results.map((r) => r.typed.join('/')).join(', ')}): compare with care`);
    return {
      name: this.name,
      title: this.title,
      figure: { value: ms(on), unit: 'ms', label: `main-thread busy while typing, guard on` },
      baseline: { value: ms(off), unit: 'ms', label: `the same, guard off` },
      ratio: round(ratio, 3),
      budget,
      status: verdict(budget),
      extra: { 'round ratios': results.map((r) => round(r.on / r.off, 3)).join(', '), 'guard cost per keystroke, ms': round(((on - off) * 1000) / chars, 3) },
      notes,
    };
  },
};
