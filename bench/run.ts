import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromePath, EXTENSION_DIR } from '../scripts/browser';
import { badgeLatency } from './badge-latency';
import { contentCpu } from './content-cpu';
import { contentMemory } from './content-memory';
import { guardCheck } from './guard-check';
import { guardTyping } from './guard-typing';
import { idbSize } from './idb-size';
import { metricsDay } from './metrics-day';
import { snippetSearch } from './snippet-search';
import { snippetLimits } from './snippet-limits';
import { errorResult, serveDemo, snapshotBuild, type BenchContext, type BenchResult, type Benchmark } from './support';

/**
 * `npm run bench [-- name ...] [--no-build] [--quick] [--extension DIR]`
 *
 * Builds the Chrome extension and the demo console (unless --no-build), serves the demo on loopback, and
 * runs the benchmarks one after another, one Chromium at a time (the machine has 2 cores: anything in
 * parallel would measure the other benchmark). Prints a table, writes bench/results/latest.json, and
 * exits 1 when a budget fails or a benchmark could not measure.
 *
 * --quick shortens every window (checks the harness; its figures are not the budgets' figures).
 * --extension DIR benchmarks an already built extension instead of building .output/chrome-mv3.
 *
 * The builds are copied aside before anything runs (other engineers' builds empty .output/ while they
 * write it), and the demo is served from that copy.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** In this order: 2 and 5 share one loaded day, so they run back to back and share one browser. */
const BENCHMARKS: Benchmark[] = [contentCpu, metricsDay, idbSize, badgeLatency, contentMemory, snippetSearch, ...snippetLimits, guardCheck, guardTyping];

function usage(): string {
  return [
    'Usage: npm run bench [-- NAME ...] [--no-build] [--quick] [--extension DIR]',
    '',
    'Builds the Chrome extension and the demo console, serves the demo on loopback and runs each benchmark',
    'against a baseline measured in the same run; exits 1 when a budget fails. See bench/README.md.',
    '',
    '  NAME             run only these benchmarks (default: all)',
    '  --no-build       use the builds already in .output/',
    '  --quick          shortened windows: checks the harness, not the budgets',
    '  --extension DIR  benchmark an extension already built in DIR',
    '  --help           this text',
    '',
    `Benchmarks: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
  ].join('\n');
}

function parseArgs(argv: string[]) {
  const args = { names: [] as string[], build: true, quick: false, help: false, extensionDir: EXTENSION_DIR };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--no-build') args.build = false;
    else if (arg === '--quick') args.quick = true;
    else if (arg === '--extension') args.extensionDir = resolve(argv[++i] ?? '');
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg} (npm run bench -- --help lists the options)`);
    else args.names.push(arg);
  }
  const unknown = args.names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  return args;
}

function runBuild(script: string): void {
  process.stdout.write(`build: npm run ${script} ... `);
  const started = Date.now();
  const result = spawnSync('npm', ['run', script], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    console.log('FAILED');
    // eslint-disable-next-line no-control-regex
    const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    console.log(output.split('\n').filter((l) => l.trim()).slice(-30).join('\n'));
    throw new Error(`npm run ${script} failed: nothing to benchmark (see above)`);
  }
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function format(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '-';
  return `${value.toLocaleString('en', { maximumFractionDigits: 2 })} ${unit}`.trim();
}

function table(results: BenchResult[]): string {
  const rows = [
    ['benchmark', 'figure', 'baseline', 'ratio', 'budget', 'result'],
    ...results.map((r) => [r.name, format(r.figure.value, r.figure.unit), format(r.baseline.value, r.baseline.unit), Number.isFinite(r.ratio) ? `${r.ratio}x` : '-', r.budget?.text ?? 'report only', r.status]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function details(r: BenchResult): string {
  const lines = [`${r.name}: ${r.title}`];
  if (r.status !== 'ERROR') lines.push(`  figure   ${format(r.figure.value, r.figure.unit)} (${r.figure.label})`, `  baseline ${format(r.baseline.value, r.baseline.unit)} (${r.baseline.label})`);
  for (const [key, value] of Object.entries(r.extra)) lines.push(`  ${key}: ${typeof value === 'number' ? value.toLocaleString('en') : value}`);
  for (const note of r.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}

async function closeShared(shared: Map<string, unknown>): Promise<void> {
  for (const [key, value] of shared) {
    shared.delete(key);
    const session = await Promise.resolve(value).catch(() => null);
    await (session as { close?: () => Promise<void> } | null)?.close?.();
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(usage());
    return 0;
  }
  const selected = BENCHMARKS.filter((b) => !args.names.length || args.names.includes(b.name));
  const started = Date.now();
  chromePath();
  if (args.build) {
    if (args.extensionDir === EXTENSION_DIR) runBuild('build:chrome');
    runBuild('build:demo');
  }
  const build = snapshotBuild(args.extensionDir, resolve(ROOT, '.output/demo'));
  const server = await serveDemo(build.demoDir);
  const shared = new Map<string, unknown>();
  const ctx: BenchContext = { demo: server.url, extensionDir: build.extensionDir, quick: args.quick, log: (line) => console.log(line), shared };
  const results: BenchResult[] = [];
  try {
    for (const [i, bench] of selected.entries()) {
      console.log(`\n[${bench.name}] ${bench.title}`);
      const t0 = Date.now();
      const result = await bench.run(ctx).catch((error: unknown) => errorResult(bench, error));
      console.log(`  -> ${result.status} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      results.push(result);
      // 2 and 5 share the loaded day; anything else gets a browser of its own, so close it before.
      const next = selected[i + 1];
      if (!next || ![metricsDay.name, idbSize.name].includes(next.name)) await closeShared(shared);
    }
  } finally {
    await closeShared(shared);
    await server.close();
    build.remove();
  }

  const seconds = (Date.now() - started) / 1000;
  console.log(`\n${table(results)}\n`);
  for (const r of results) console.log(`${details(r)}\n`);
  const failed = results.filter((r) => r.status === 'FAIL' || r.status === 'ERROR');
  console.log(`${results.length} benchmarks in ${seconds.toFixed(0)} s${args.quick ? ' (--quick: shortened, not the budgets’ figures)' : ''}: ${failed.length ? `${failed.length} failed (${failed.map((r) => r.name).join(', ')})` : 'all budgets met'}`);

  const git = (...a: string[]) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const chromium = spawnSync(chromePath(), ['--version'], { encoding: 'utf8' }).stdout.trim();
  mkdirSync(resolve(ROOT, 'bench/results'), { recursive: true });
  const report = {
    finishedAt: new Date().toISOString(),
    seconds: Math.round(seconds),
    quick: args.quick,
    commit: git('rev-parse', 'HEAD'),
    dirty: git('status', '--porcelain').length > 0,
    extensionDir: args.extensionDir,
    chromium,
    node: process.version,
    results,
  };
  writeFileSync(resolve(ROOT, 'bench/results/latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log('wrote bench/results/latest.json');
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
