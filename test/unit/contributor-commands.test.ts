import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The commands a new contributor types first, run as they run them (a child process through tsx), for what
// they say when asked for help or when the demo's port is taken. None of these gets as far as a build or a browser.

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...args], { cwd: process.cwd(), timeout: 60_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let busy: Server;
let busyPort = 0;
const runs = {} as Record<'benchHelp' | 'benchUnknown' | 'demoBusy' | 'serveBusy', Run>;

beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
  const env = { KEFU_DEMO_PORT: String(busyPort) };
  const [benchHelp, benchUnknown, demoBusy, serveBusy] = await Promise.all([
    run('bench/run.ts', ['--help']),
    run('bench/run.ts', ['--bogus']),
    run('scripts/demo.ts', ['--headless', '--no-build'], env),
    run('scripts/serve-demo.ts', [], env),
  ]);
  Object.assign(runs, { benchHelp, benchUnknown, demoBusy, serveBusy });
}, 120_000);

afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

describe('npm run bench -- --help', () => {
  it('prints the usage, every benchmark by name, and exits 0', () => {
    const { code, stdout, stderr } = runs.benchHelp;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run bench /);
    for (const option of ['--no-build', '--quick', '--extension DIR']) expect(stdout).toContain(option);
    for (const name of ['content-cpu', 'snippet-search', 'limit-picker']) expect(stdout).toContain(name);
  });

  it('an unknown option still fails, pointing at --help', () => {
    expect(runs.benchUnknown.code).toBe(1);
    expect(runs.benchUnknown.stderr).toBe('unknown option --bogus (npm run bench -- --help lists the options)\n');
  });
});

describe('a taken demo port', () => {
  it.each([
    ['npm run demo', 'demoBusy'],
    ['the demo server alone', 'serveBusy'],
  ] as const)('%s says so in one line naming KEFU_DEMO_PORT, with no stack trace', (_, key) => {
    const { code, stdout, stderr } = runs[key];
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`Port ${busyPort} is already in use (another demo or dev server?). Choose another with KEFU_DEMO_PORT, e.g. KEFU_DEMO_PORT=${busyPort + 1} npm run demo\n`);
  });
});
