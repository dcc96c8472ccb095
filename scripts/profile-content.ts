/**
 * Where the content script's main-thread time goes under the benchmark's flood: a CPU profile of the
 * demo console with the extension, self time summed by script and by function. A developer's tool for
 * bench/content-cpu.ts: `npx tsx scripts/profile-content.ts [seconds] [ext|alone] [extension dir]` after
 * `npm run build:chrome && npm run build:demo` (build unminified to read the function names).
 */
import { sidebarFrame } from './browser';
import { cdp, launch, serveDemo, sleep } from '../bench/support';

const seconds = Number(process.argv[2] ?? 15);
const withExtension = process.argv[3] !== "alone";
const demo = await serveDemo('.output/demo');
const b = await launch(withExtension, process.argv[4]);
try {
  const session = await cdp(b.page);
  await b.page.goto(demo.url('seed=7&pace=0&buyers=20&flood=1000'));
  if (withExtension) await sidebarFrame(b.page);
  await sleep(5_000);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  await sleep(seconds * 1000);
  const { profile } = await session.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  profile.samples?.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0)));
  const byUrl = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const url = f.url.startsWith('chrome-extension://') ? 'EXT ' + f.url.replace(/^chrome-extension:\/\/[^/]+/, '') : f.url ? 'PAGE ' + f.url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*/, '') : f.functionName || '(native)';
    byUrl.set(url, (byUrl.get(url) ?? 0) + us);
    const fn = `${url.slice(0, 4)} ${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, z) => z[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`).join('\n');
  console.log(`self time over ${seconds} s by script:\n${top(byUrl, 15)}\n\nby function:\n${top(byFn, 40)}`);
  // Callers of extension code: total (inclusive) time per extension function at the top of an extension stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  for (const [id, us] of self) {
    let cur: number | undefined = id;
    let lastExt: string | null = null;
    const seen = new Set<string>();
    while (cur !== undefined) {
      const f = byId.get(cur)!.callFrame;
      if (f.url.startsWith('chrome-extension://')) {
        lastExt = `${f.functionName || '(anon)'} :${f.lineNumber}:${f.columnNumber}`;
        if (!seen.has(lastExt)) { seen.add(lastExt); incl.set(lastExt, (incl.get(lastExt) ?? 0) + us); }
      }
      cur = parent.get(cur);
    }
  }
  console.log(`\ninclusive time of extension functions:\n${top(incl, 40)}`);
} finally {
  await b.close();
  await demo.close();
}
