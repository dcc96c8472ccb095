import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

// `npm run dev` and `npm run demo` as a contributor runs them, then stopped as a terminal or a supervisor
// stops them: nothing they started may be left running, holding its port. Linux only (/proc).

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Every process below `pid`, from /proc's parent links. */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone while listing.
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parentOf) {
      if (ppid !== parent) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let started: { child: ChildProcess; tree: number[] } | null = null;
afterEach(() => {
  // A failed test must not leave its processes behind either.
  if (!started) return;
  const pids = new Set([...started.tree, ...(started.child.pid ? [started.child.pid, ...descendants(started.child.pid)] : [])]);
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  started = null;
});

function run(args: string[], port: number, options: { detached?: boolean } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, KEFU_DEMO_PORT: String(port) };
  // No window to open: WXT's dev mode then only builds and watches (wxt.config.ts).
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const child = spawn('npm', args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  started = { child, tree: [] };
  return { child, exited, output: () => output };
}

describe('stopping the contributor commands', () => {
  it('SIGTERM to `npm run dev` stops its servers and everything they started', async () => {
    const port = await freePort();
    const dev = run(['run', 'dev'], port);
    // WXT is up and building (its build may take long on a loaded machine; stopping mid-build must work too).
    await expect.poll(dev.output, { timeout: 90_000, interval: 250 }).toMatch(/\[1\/\d\]|Built extension/);
    expect(dev.output()).toContain(`Demo console: http://localhost:${port}/kefu-demo/`);
    const tree = descendants(dev.child.pid!);
    started!.tree = tree;
    expect(tree.length).toBeGreaterThan(2);
    expect(await portIsFree(port)).toBe(false);

    dev.child.kill('SIGTERM');
    await dev.exited;
    await expect.poll(() => tree.filter(alive), { timeout: 15_000, interval: 250 }).toEqual([]);
    expect(await portIsFree(port)).toBe(true);
  }, 150_000);

  it('`npm run demo -- --headless` without a screenshot says how to stop it, and Ctrl+C stops it', async () => {
    const port = await freePort();
    // In a process group of its own, which then gets the SIGINT as a terminal's Ctrl+C sends it.
    const demo = run(['run', 'demo', '--', '--headless', '--no-build'], port, { detached: true });
    await expect.poll(demo.output, { timeout: 60_000, interval: 250 }).toMatch(/to stop\./);
    started!.tree = [demo.child.pid!, ...descendants(demo.child.pid!)];
    expect(demo.output()).toContain('Running headless: press Ctrl+C to stop.');
    expect(demo.output()).not.toContain('Close the browser window');

    process.kill(-demo.child.pid!, 'SIGINT');
    await demo.exited;
    await expect.poll(() => started!.tree.filter(alive), { timeout: 15_000, interval: 250 }).toEqual([]);
    expect(await portIsFree(port)).toBe(true);
  }, 90_000);
});
