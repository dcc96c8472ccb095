/**
 * The team report: `npm run report -- exports/*.json [--out report.html]`.
 *
 * Reads several agents' shift exports (the popup's "export events"), counts each as `npm run metrics` does,
 * and writes ONE self-contained HTML page (lib/report/page.ts) that opens offline, from disk: per agent and
 * per shift the rates against the default targets (lib/targets.ts), the response-time histogram, the waits
 * timeline and the slowest conversations, with Chart.js charts inlined from node_modules.
 *
 * A file that is missing or not a valid export stops the report (`error: FILE: <why>`, exit 1): a report
 * silently missing an agent would mislead. Bad usage: the usage on stderr, exit 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseEventExport } from '../lib/event-export';
import { finish, isMain, type CliResult } from './cli';
import { renderReportPage } from '../lib/report/page';
import { buildTeamReport, type ReportInput } from '../lib/report/team';

export const REPORT_USAGE = `usage: npm run report -- FILE.json... [--out report.html]

Writes one HTML page with every agent's shifts, to open offline in a browser (no server needed).
  FILE.json...   the agents' exports (the popup's "export events"), e.g. exports/*.json.
                 The agent is the file's name (wang.json is wang); a file still named
                 kefu-events-<date>.json is named by its folder (exports/wang/kefu-events-*.json).
  --out FILE     where to write the page (default: report.html)
  --help         show this help
`;

/**
 * Chart.js's browser build (it defines `window.Chart`), found the way Node finds the package from the working
 * directory (npm runs scripts in the project's folder). The package exports no path to it, so it is looked up
 * next to the package's own entry, dist/chart.cjs.
 */
export function chartLibraryPath(): string {
  return join(dirname(createRequire(join(process.cwd(), 'package.json')).resolve('chart.js')), 'chart.umd.min.js');
}

/** The report command's result (scripts/cli.ts). */
export type ReportCliResult = CliResult;

export interface ReportIo {
  readFile: (path: string) => string;
  writeFile: (path: string, text: string) => void;
  now: () => number;
  /** The zone the "generated at" line is written in. */
  timeZone: string;
}

const defaultIo: ReportIo = {
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
  now: () => Date.now(),
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
};

function usageError(message: string): ReportCliResult {
  return { code: 2, stdout: '', stderr: `error: ${message}\n\n${REPORT_USAGE}` };
}

function fileError(e: unknown, writing: boolean): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return writing ? 'no such folder' : 'no such file';
  if (code === 'EISDIR') return writing ? 'is a directory' : 'is a directory, not an export file';
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

/** The whole CLI, without touching the process: arguments in, exit code and output out. */
export function runReportCli(args: readonly string[], io: Partial<ReportIo> = {}): ReportCliResult {
  const { readFile, writeFile, now, timeZone } = { ...defaultIo, ...io };
  const files: string[] = [];
  let out = 'report.html';
  let optionsDone = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (optionsDone || !arg.startsWith('-') || arg === '-') {
      files.push(arg);
    } else if (arg === '--') {
      optionsDone = true;
    } else if (arg === '--help' || arg === '-h') {
      return { code: 0, stdout: REPORT_USAGE, stderr: '' };
    } else if (arg === '--out' || arg.startsWith('--out=')) {
      const value = arg === '--out' ? args[++i] : arg.slice('--out='.length);
      if (value === undefined || value === '') return usageError('--out needs a value');
      out = value;
    } else {
      return usageError(`unknown option ${arg.split('=')[0]}`);
    }
  }
  if (files.length === 0) return usageError('no export file given');
  const inputs: ReportInput[] = [];
  for (const path of files) {
    let text: string;
    try {
      text = readFile(path);
    } catch (e) {
      return { code: 1, stdout: '', stderr: `error: ${path}: ${fileError(e, false)}\n` };
    }
    const parsed = parseEventExport(text);
    if (!parsed.ok) return { code: 1, stdout: '', stderr: `error: ${path}: ${parsed.error}\n` };
    inputs.push({ path, value: parsed.value });
  }
  const report = buildTeamReport(inputs);
  let library: string;
  try {
    library = readFile(chartLibraryPath());
  } catch (e) {
    return { code: 1, stdout: '', stderr: `error: the chart library (chart.js): ${fileError(e, false)}; run npm install\n` };
  }
  try {
    writeFile(out, renderReportPage(report, library, now(), timeZone));
  } catch (e) {
    return { code: 1, stdout: '', stderr: `error: ${out}: ${fileError(e, true)}\n` };
  }
  const shifts = report.agents.reduce((n, a) => n + a.shifts.length, 0);
  return { code: 0, stdout: `wrote ${out}: ${report.agents.length} agent(s), ${shifts} shift(s)\n`, stderr: '' };
}


if (isMain(import.meta.url)) finish(runReportCli(process.argv.slice(2)));
