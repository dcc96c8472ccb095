/**
 * Counts a shift export again, for team leads: `npm run metrics -- FILE.json [--json] [--profile ID] [--unit UNIT]
 * [--time-zone ZONE] [--out FILE]`.
 *
 * Reads a file the popup exported (lib/event-export.ts), validates it, and prints a readable summary (rates as
 * percentages, the average in seconds, the period in local time, the counting rules spelled out). `--json`
 * prints `{ profile, timeZone, period, metrics }` as pretty JSON instead: rates 0..1, times in milliseconds
 * (lib/metrics.ts); scripts read that, so its shape does not change. The export's own profile, time zone and
 * period are used unless overridden: `--profile` takes a preset id, `--unit` the counting unit (it wins over
 * the profile's), `--time-zone` an IANA zone. `--out FILE` writes the output to FILE instead of stdout, so
 * that npm's "> kefu-sidekick@0.1.0 metrics" banner cannot end up in a redirected JSON file.
 *
 * The evaluation time `now` is the later of the export's period.end and exportedAt: nothing in the file
 * happened after it. (The counters do not depend on `now` today: a buyer message without a reply among the
 * exported events is unanswered. See the header of lib/metrics.ts.)
 *
 * A missing or broken file, or an --out file that cannot be written: `error: FILE: <why>` on stderr, exit 1.
 * Bad usage: the usage on stderr, exit 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseEventExport } from '../lib/event-export';
import { fileError, finish, isMain, readArgs, usageError as usageCliError, type CliResult } from './cli';
import { isValidTimeZone } from '../lib/local-time';
import { COUNTING_UNITS, presetProfile, presetProfiles, type CountingUnit, type MetricProfile } from '../lib/metric-profiles';
import { computeMetrics, type Metrics, type Period } from '../lib/metrics';
import { botText, effectiveText, localPeriod, percent, seconds, UNIT_NOUN, unitText, utcOffset, windowText } from '../lib/report/format';

const PROFILE_IDS = presetProfiles.map((p) => p.id).join(', ');

function presetLines(): string {
  return presetProfiles.map((p) => `  ${p.id.padEnd(10)} unit ${p.unit.padEnd(8)} window ${windowText(p.window)}  ${botText(p)}`).join('\n');
}

export const USAGE = `usage: npm run metrics -- FILE.json [--json] [--profile ID] [--unit UNIT] [--time-zone ZONE] [--out FILE]

Counts the reply metrics of a Kefu Sidekick event export (the popup's "export events") and prints a summary.
  FILE.json         the export file
  --json            print the machine-readable JSON instead (rates 0..1, times in ms)
  --profile ID      count with a preset instead of the export's profile: ${PROFILE_IDS}
  --unit UNIT       count this unit instead of the profile's: ${COUNTING_UNITS.join(', ')}
                      message  each buyer message, waiting from its own time
                      round    a run of buyer messages before a reply, waiting from its first message
                      buyer    each buyer once a local day
                      session  each session (a new one after the profile's minutes of silence)
  --time-zone ZONE  count days and the service window in this IANA time zone (e.g. Asia/Shanghai)
  --out FILE        write the output to FILE instead of the terminal
  --help            show this help

Preset profiles (reported by seller-advice sites, not by the platforms):
${presetLines()}

To redirect the JSON yourself, silence npm's banner: npm run -s metrics -- FILE.json --json > out.json
`;

export type { CliResult } from './cli';

export interface CliOutput {
  profile: MetricProfile;
  timeZone: string;
  period: Period;
  metrics: Metrics;
}

interface Options {
  file: string;
  json: boolean;
  profile?: string;
  unit?: CountingUnit;
  timeZone?: string;
  out?: string;
}

const VALUE_OPTIONS = ['--profile', '--unit', '--time-zone', '--out'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

const usageError = (message: string) => usageCliError(USAGE, message);

function isUnit(value: string): value is CountingUnit {
  return (COUNTING_UNITS as readonly string[]).includes(value);
}

function parseArgs(args: readonly string[]): Options | CliResult {
  const read = readArgs(args, { values: VALUE_OPTIONS, flags: ['--json'] });
  if ('error' in read) return usageError(read.error);
  if (read.help) return { code: 0, stdout: USAGE, stderr: '' };
  const { files, values, flags } = read;
  const json = flags.has('--json');
  if (files.length === 0) return usageError('no export file given');
  if (files.length > 1) return usageError(`one export file at a time (got ${files.length})`);
  const { '--profile': profile, '--unit': unit, '--time-zone': timeZone, '--out': out } = values as Partial<Record<ValueOption, string>>;
  if (profile !== undefined && !presetProfile(profile)) return usageError(`--profile: unknown profile "${profile}" (one of ${PROFILE_IDS})`);
  if (unit !== undefined && !isUnit(unit)) return usageError(`--unit: unknown unit "${unit}" (one of ${COUNTING_UNITS.join(', ')})`);
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) return usageError(`--time-zone: unknown time zone "${timeZone}"`);
  return { file: files[0]!, json, profile, unit: unit as CountingUnit | undefined, timeZone, out };
}


/** Where the profile in use came from, for the summary: the team lead must see what was counted and why. */
function profileSource(options: Options): string {
  const from = options.profile !== undefined ? 'preset chosen with --profile' : "the export's own profile";
  return options.unit !== undefined ? `${from}, unit set with --unit` : from;
}

/** The readable summary: what a team lead reads in a terminal. */
export function summary(output: CliOutput, file: string, source: string): string {
  const { profile, timeZone, period, metrics: m } = output;
  const rows: [string, string][] = [
    ['Period', `${localPeriod(period, timeZone)} (${timeZone}, ${utcOffset(period.start, timeZone)})`],
    ['Profile', `${profile.id} (${source})`],
    ['  counts', unitText(profile)],
    ['  window', `${windowText(profile.window)} local time: buyer messages outside it are not counted`],
    ['  bots', botText(profile)],
    ['  effective', effectiveText(profile)],
    ['Counted', `${m.counted} ${UNIT_NOUN[profile.unit]}: ${m.answered} answered, ${m.unanswered} unanswered`],
    ['Replied within 30 s', percent(m.rates['30'])],
    ['Replied within 3 min', percent(m.rates['180'])],
    ['Replied within 5 min', percent(m.rates['300'])],
    ['Average response', `${seconds(m.avgResponseMs)}${m.avgResponseMs === null ? '' : ` (over the ${m.answered} answered)`}`],
    ['Consulting buyers', String(m.consultingBuyers)],
    ['Effective reply rate', percent(m.effectiveReplyRate)],
    ['Inquiry conversion', percent(m.inquiryConversion)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return `Metrics of ${file}\n${rows.map(([label, value]) => `${label.padEnd(width)}${value}`).join('\n')}\n`;
}

/**
 * The whole CLI, without touching the process: arguments in, exit code and output out. `readFile` and
 * `writeFile` are the file system, replaceable in tests.
 */
export function runMetricsCli(
  args: readonly string[],
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
  writeFile: (path: string, text: string) => void = (path, text) => writeFileSync(path, text),
): CliResult {
  const options = parseArgs(args);
  if ('code' in options) return options;
  let text: string;
  try {
    text = readFile(options.file);
  } catch (e) {
    return { code: 1, stdout: '', stderr: `error: ${options.file}: ${fileError(e, { notA: 'an export file' })}\n` };
  }
  const parsed = parseEventExport(text);
  if (!parsed.ok) return { code: 1, stdout: '', stderr: `error: ${options.file}: ${parsed.error}\n` };
  const exported = parsed.value;
  const profile = (options.profile !== undefined && presetProfile(options.profile)) || exported.profile;
  if (options.unit !== undefined) profile.unit = options.unit;
  const timeZone = options.timeZone ?? exported.timeZone;
  const period = exported.period;
  const now = Math.max(period.end, exported.exportedAt);
  const output: CliOutput = { profile, timeZone, period, metrics: computeMetrics(exported.events, profile, period, timeZone, now) };
  const printed = options.json ? `${prettyJson(output)}\n` : summary(output, options.file, profileSource(options));
  if (options.out === undefined) return { code: 0, stdout: printed, stderr: '' };
  try {
    writeFile(options.out, printed);
  } catch (e) {
    return { code: 1, stdout: '', stderr: `error: ${options.out}: ${fileError(e, { notA: 'an export file', writing: true })}\n` };
  }
  return { code: 0, stdout: '', stderr: `wrote ${options.out}\n` };
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


if (isMain(import.meta.url)) finish(runMetricsCli(process.argv.slice(2)));
