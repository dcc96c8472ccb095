/**
 * Counts a shift export again, for supervisors: `npm run metrics -- FILE.json [--profile ID] [--time-zone ZONE]`.
 *
 * Reads a file the popup exported (lib/event-export.ts), validates it, and prints
 * `{ profile, timeZone, period, metrics }` as pretty JSON on stdout (exit 0). The export's own profile, time
 * zone and period are used unless overridden: `--profile` takes a preset id (default, taobao, douyin,
 * pinduoduo, jd), `--time-zone` an IANA zone. Rates are 0..1, times in milliseconds (lib/metrics.ts).
 *
 * The evaluation time `now` is the later of the export's period.end and exportedAt: nothing in the file
 * happened after it. (The counters do not depend on `now` today: a buyer message without a reply among the
 * exported events is unanswered. See the header of lib/metrics.ts.)
 *
 * A missing or broken file: `error: FILE: <why>` on stderr, exit 1. Bad usage: the usage on stderr, exit 2.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseEventExport } from '../lib/event-export';
import { isValidTimeZone } from '../lib/local-time';
import { presetProfile, presetProfiles, type MetricProfile } from '../lib/metric-profiles';
import { computeMetrics, type Metrics, type Period } from '../lib/metrics';

export const USAGE = `usage: npm run metrics -- FILE.json [--profile ID] [--time-zone ZONE]

Counts the reply metrics of a Kefu Sidekick event export (the popup's "export events").
  FILE.json         the export file
  --profile ID      count with a preset instead of the export's profile: ${presetProfiles.map((p) => p.id).join(', ')}
  --time-zone ZONE  count days and the service window in this IANA time zone (e.g. Asia/Shanghai)
  --help            show this help
`;

export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

export interface CliOutput {
  profile: MetricProfile;
  timeZone: string;
  period: Period;
  metrics: Metrics;
}

interface Options {
  file: string;
  profile?: string;
  timeZone?: string;
}

function usageError(message: string): CliResult {
  return { code: 2, stdout: '', stderr: `error: ${message}\n\n${USAGE}` };
}

function parseArgs(args: readonly string[]): Options | CliResult {
  const files: string[] = [];
  let profile: string | undefined;
  let timeZone: string | undefined;
  let optionsDone = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (optionsDone || !arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsDone = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') return { code: 0, stdout: USAGE, stderr: '' };
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name !== '--profile' && name !== '--time-zone') return usageError(`unknown option ${name}`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') return usageError(`${name} needs a value`);
    if (name === '--profile') profile = value;
    else timeZone = value;
  }
  if (files.length === 0) return usageError('no export file given');
  if (files.length > 1) return usageError(`one export file at a time (got ${files.length})`);
  if (profile !== undefined && !presetProfile(profile)) {
    return usageError(`--profile: unknown profile "${profile}" (one of ${presetProfiles.map((p) => p.id).join(', ')})`);
  }
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) return usageError(`--time-zone: unknown time zone "${timeZone}"`);
  return { file: files[0]!, profile, timeZone };
}

function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not an export file';
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

/** The whole CLI, without touching the process: arguments in, exit code and output out. */
export function runMetricsCli(args: readonly string[], readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): CliResult {
  const options = parseArgs(args);
  if ('code' in options) return options;
  let text: string;
  try {
    text = readFile(options.file);
  } catch (e) {
    return { code: 1, stdout: '', stderr: `error: ${options.file}: ${readError(e)}\n` };
  }
  const parsed = parseEventExport(text);
  if (!parsed.ok) return { code: 1, stdout: '', stderr: `error: ${options.file}: ${parsed.error}\n` };
  const exported = parsed.value;
  const profile = (options.profile !== undefined && presetProfile(options.profile)) || exported.profile;
  const timeZone = options.timeZone ?? exported.timeZone;
  const period = exported.period;
  const now = Math.max(period.end, exported.exportedAt);
  const output: CliOutput = { profile, timeZone, period, metrics: computeMetrics(exported.events, profile, period, timeZone, now) };
  return { code: 0, stdout: `${prettyJson(output)}\n`, stderr: '' };
}

/**
 * JSON.stringify(value, null, 2), except that a list of numbers, and an object of plain values inside a
 * list (a timeline bin), stay on one line: a day's 144 timeline bins read as 144 lines, not 720.
 */
export function prettyJson(value: unknown, indent = ''): string {
  const flat = (v: unknown) => v === null || typeof v !== 'object';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(flat)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    const inner = `${indent}  `;
    const items = value.map((v) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.values(v).every(flat)) return inner + prettyJson(v, inner);
      const fields = Object.entries(v).filter(([, x]) => x !== undefined);
      return `${inner}{ ${fields.map(([k, x]) => `${JSON.stringify(k)}: ${JSON.stringify(x)}`).join(', ')} }`;
    });
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettyJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function isMain(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  const result = runMetricsCli(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
