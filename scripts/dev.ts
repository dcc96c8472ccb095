/**
 * `npm run dev`: the demo console from Vite's dev server (hot reload) and WXT's dev mode, which opens
 * Chromium (or CHROME_PATH) on the demo with the extension loaded and reloads it on every change.
 * Ctrl+C or SIGTERM (to npm or to this script) stops both, and everything WXT started.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'vite';
import { DEMO_PORT, DemoPortTakenError, demoUrl, exitIfPortTaken } from './serve-demo';

const vite = await createServer({ configFile: new URL('../demo/vite.config.ts', import.meta.url).pathname, server: { port: DEMO_PORT, strictPort: true, host: '127.0.0.1' } });
await vite.listen().catch((error: unknown) => {
  // Vite says a taken port in its own words ("Port 5178 is already in use"): say how to choose another.
  exitIfPortTaken(error instanceof Error && /already in use/i.test(error.message) ? new DemoPortTakenError(DEMO_PORT, 'npm run dev') : error);
});
console.log(`Demo console: ${demoUrl(DEMO_PORT)}`);

// WXT stays in our process group: in a terminal it reads the keyboard ("o + enter" reopens the browser),
// which a process outside the terminal's foreground group may not do.
const wxt = spawn('npx', ['wxt'], { stdio: 'inherit' });

let stopping: number[] | null = null;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  // Taken now: once npx exits, what it started no longer shows as ours.
  const tree = descendantsOf(wxt.pid!);
  stopping = [wxt.pid!, ...tree];
  const signalAll = () => stopping!.forEach((pid) => kill(pid, 'SIGTERM'));
  // A terminal's Ctrl+C has reached the whole group already: WXT is given a second to close by itself.
  if (signal === 'SIGINT') setTimeout(signalAll, 1_000).unref();
  else signalAll();
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));

// `npm run dev` starts us through `sh -c`, which dies of a SIGTERM sent to npm without passing it on (npm
// forwards it to the shell only): when that shell is gone, stop as if the SIGTERM had reached us.
const launcher = parentOf(process.ppid);
if (launcher) {
  setInterval(() => {
    if (!isAlive(launcher)) stop('SIGTERM');
  }, 500).unref();
}

wxt.on('exit', async (code) => {
  // What WXT started behind npx is given a moment to close, then stopped.
  const left = () => (stopping ?? []).filter(isAlive);
  for (let waited = 0; left().length && waited < 5_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  for (const pid of left()) kill(pid, 'SIGKILL');
  await vite.close();
  process.exit(stopping ? 0 : (code ?? 0));
});

/** Every process below `pid` (POSIX `ps`; none where there is no `ps`). */
function descendantsOf(pid: number): number[] {
  let table: string;
  try {
    table = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return [];
  }
  const rows = table.trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of rows) {
      if (ppid !== parent || child === process.pid) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

/** The parent of a process (POSIX `ps`), or null where there is no `ps` (Windows, where there are no signals to pass on either). */
function parentOf(pid: number): number | null {
  try {
    const ppid = Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return ppid > 1 ? ppid : null;
  } catch {
    return null;
  }
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Gone already.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
