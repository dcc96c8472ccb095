import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEventExport } from '@/lib/event-export';
import { runMetricsCli } from '@/scripts/metrics';

// Runs scripts/metrics.ts as supervisors do (`npm run metrics -- FILE.json`), as a child process, against each
// sample export in test/fixtures/exports/, a missing file and a bad usage. All runs start at once: each pays
// tsx's start-up time. The other options and usages run in-process (runMetricsCli, the same code).

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/metrics.ts', ...args], { cwd: process.cwd(), timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const DIR = 'test/fixtures/exports';
const cases = {
  good: [`${DIR}/good.json`, '--json'],
  summary: [`${DIR}/good.json`],
  notJson: [`${DIR}/not-json.json`],
  notAnExport: [`${DIR}/not-an-export.json`],
  newer: [`${DIR}/newer-version.json`],
  badSender: [`${DIR}/bad-sender.json`],
  missing: [`${DIR}/no-such-file.json`],
  unknownProfile: [`${DIR}/good.json`, '--profile', 'tmall'],
};
const spawned = {} as Record<keyof typeof cases, Run>;

beforeAll(async () => {
  const entries = await Promise.all(Object.entries(cases).map(async ([name, args]) => [name, await run(args)] as const));
  Object.assign(spawned, Object.fromEntries(entries));
}, 120_000);

const inProcess = {
  taobao: [`${DIR}/good.json`, '--profile', 'taobao', '--json'],
  pinduoduo: [`${DIR}/good.json`, '--json', '--profile=pinduoduo'],
  utc: [`${DIR}/good.json`, '--time-zone', 'UTC', '--json'],
  rounds: [`${DIR}/good.json`, '--unit', 'round', '--json'],
  roundsSummary: [`${DIR}/good.json`, '--unit=round'],
  pinduoduoMessages: [`${DIR}/good.json`, '--unit', 'message', '--profile', 'pinduoduo', '--json'],
  pinduoduoMessagesSummary: [`${DIR}/good.json`, '--profile', 'pinduoduo', '--unit', 'message'],
  pinduoduoSummary: [`${DIR}/good.json`, '--profile', 'pinduoduo'],
  utcSummary: [`${DIR}/good.json`, '--time-zone', 'UTC'],
  unknownUnit: [`${DIR}/good.json`, '--unit', 'conversation'],
  noOut: [`${DIR}/good.json`, '--out'],
  noArgs: [],
  unknownOption: [`${DIR}/good.json`, '--shift', 'morning'],
  badZone: [`${DIR}/good.json`, '--time-zone', 'Mars/Olympus_Mons'],
  twoFiles: [`${DIR}/good.json`, `${DIR}/bad-sender.json`],
  noValue: [`${DIR}/good.json`, '--profile'],
  help: ['--help'],
  directory: [DIR],
};
function outcome(name: keyof typeof cases | keyof typeof inProcess): Run {
  return name in cases ? spawned[name as keyof typeof cases] : runMetricsCli(inProcess[name as keyof typeof inProcess]);
}

const DAY = { start: Date.parse('2026-11-22T00:00:00+08:00'), end: Date.parse('2026-11-23T00:00:00+08:00') };

describe('a good export', () => {
  it('prints the profile, time zone, period and metrics as JSON, exit 0', () => {
    const { code, stdout, stderr } = outcome('good');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['profile', 'timeZone', 'period', 'metrics']);
    expect(out.profile).toEqual({ id: 'default', unit: 'message', window: { start: 480, end: 1380 }, botRepliesCount: false, effectiveReplyWithinSec: null, sessionGapMin: 30 });
    expect(out.timeZone).toBe('Asia/Shanghai');
    expect(out.period).toEqual(DAY);
    const { timeline, ...metrics } = out.metrics;
    // Waits 20, 120, 90 (c1: the bot reply does not stop the clock), 35 (c2, answered after 23:00); c3's 10:00
    // never answered; 07:50 and 23:10 outside the window.
    expect(metrics).toEqual({
      rates: { '30': 0.2, '180': 0.8, '300': 0.8 },
      avgResponseMs: 66_250,
      unanswered: 1,
      counted: 5,
      answered: 4,
      consultingBuyers: 3,
      effectiveReplyRate: 2 / 3,
      inquiryConversion: 1 / 3,
      histogram: [0, 1, 0, 1, 2, 0, 0, 0],
    });
    expect(timeline).toHaveLength(144);
    expect(timeline[54]).toEqual({ count: 3, waitSumMs: 230_000, late: 2 });
    expect(timeline[60]).toEqual({ count: 1, waitSumMs: 0, late: 1 });
    expect(timeline[137]).toEqual({ count: 1, waitSumMs: 35_000, late: 1 });
    // Pretty, with a timeline bin a line.
    expect(stdout.startsWith('{\n  "profile": {\n    "id": "default",')).toBe(true);
    expect(stdout).toContain('\n    "histogram": [0, 1, 0, 1, 2, 0, 0, 0],\n');
    expect(stdout).toContain('\n      { "count": 0, "waitSumMs": 0, "late": 0 },\n');
  });

  it('--profile counts with a preset: Taobao rounds, bots count, until midnight', () => {
    expect(outcome('taobao').code).toBe(0);
    const out = JSON.parse(outcome('taobao').stdout);
    expect(out.profile.id).toBe('taobao');
    // Rounds: 20 s, 31 s (the bot at 09:05:31 answers), 35 s, and 23:10 unanswered; c3's run began at 07:50.
    expect(out.metrics).toMatchObject({ counted: 4, answered: 3, unanswered: 1, rates: { '30': 0.25, '180': 0.75, '300': 0.75 }, histogram: [0, 1, 0, 2, 0, 0, 0, 0] });
    expect(out.metrics.avgResponseMs).toBeCloseTo(86_000 / 3, 6);
  });

  it('--profile=pinduoduo counts each buyer once a day', () => {
    const out = JSON.parse(outcome('pinduoduo').stdout);
    expect(out.metrics).toMatchObject({ counted: 3, answered: 2, unanswered: 1, avgResponseMs: 27_500, consultingBuyers: 3, effectiveReplyRate: 2 / 3 });
  });

  it('--time-zone reads the window in another zone', () => {
    const out = JSON.parse(outcome('utc').stdout);
    expect(out.timeZone).toBe('UTC');
    expect(out.period).toEqual(DAY);
    // Only c2's messages (14:59:30Z and 15:10Z) fall inside 08:00-23:00 UTC.
    expect(out.metrics).toMatchObject({ counted: 2, answered: 1, unanswered: 1, avgResponseMs: 35_000, consultingBuyers: 1, effectiveReplyRate: 1, inquiryConversion: 0 });
  });
});

describe('the readable summary (the default)', () => {
  it('spells out the period in local time, the counting rules, the counts, rates in % and the average in s', () => {
    const { code, stdout, stderr } = outcome('summary');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        `Metrics of ${DIR}/good.json`,
        'Period                2026-11-22 00:00 – 2026-11-23 00:00 (Asia/Shanghai, UTC+08:00)',
        "Profile               default (the export's own profile)",
        '  counts              each buyer message, waiting from its own time',
        '  window              08:00-23:00 local time: buyer messages outside it are not counted',
        '  bots                automatic (bot) replies do not count as replies',
        '  effective           effective reply: any reply the same local day',
        'Counted               5 buyer messages: 4 answered, 1 unanswered',
        'Replied within 30 s   20.0%',
        'Replied within 3 min  80.0%',
        'Replied within 5 min  80.0%',
        'Average response      66.3 s (over the 4 answered)',
        'Consulting buyers     3',
        'Effective reply rate  66.7%',
        'Inquiry conversion    33.3%',
        '',
      ].join('\n'),
    );
  });

  it("names a preset's unit, window, bot rule and effective-reply limit", () => {
    const { code, stdout } = outcome('pinduoduoSummary');
    expect(code).toBe(0);
    expect(stdout).toContain('\nProfile               pinduoduo (preset chosen with --profile)\n');
    expect(stdout).toContain('\n  counts              each buyer once a local day, from their first message of the day\n');
    expect(stdout).toContain('\n  bots                automatic (bot) replies do not count as replies (except for the 5 min rate, where they do)\n');
    expect(stdout).toContain("\n  effective           effective reply: the day's first message answered within 1 h\n");
    expect(stdout).toContain('\nCounted               3 buyers: 2 answered, 1 unanswered\n');
    expect(stdout).toContain('\nAverage response      27.5 s (over the 2 answered)\n');
  });

  it('shows the period in the zone it counted in, and — where nothing was answered', () => {
    expect(outcome('utcSummary').stdout).toContain('\nPeriod                2026-11-21 16:00 – 2026-11-22 16:00 (UTC, UTC+00:00)\n');
    const noEvents = () => JSON.stringify({ ...JSON.parse(readFileSync(`${DIR}/good.json`, 'utf8')), events: [] });
    const empty = runMetricsCli(['quiet.json', '--profile', 'jd'], noEvents);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('\nCounted               0 sessions: 0 answered, 0 unanswered\n');
    expect(empty.stdout).toContain('\nReplied within 30 s   —\n');
    expect(empty.stdout).toContain('\nAverage response      —\n');
  });
});

describe('--unit chooses the counting unit', () => {
  it('counts rounds under the export\'s default profile, and says so', () => {
    const out = JSON.parse(outcome('rounds').stdout);
    expect(out.profile).toMatchObject({ id: 'default', unit: 'round', window: { start: 480, end: 1380 }, botRepliesCount: false });
    // c1's two runs (09:00, 09:05) and c2's 22:59:30: c3's run began at 07:50, outside the window.
    expect(out.metrics).toMatchObject({ counted: 3, answered: 3, unanswered: 0 });
    expect(outcome('roundsSummary').stdout).toContain("\nProfile               default (the export's own profile, unit set with --unit)\n");
    expect(outcome('roundsSummary').stdout).toContain('\nCounted               3 rounds: 3 answered, 0 unanswered\n');
  });

  it('wins over --profile, whatever the order, and keeps the rest of the preset', () => {
    const out = JSON.parse(outcome('pinduoduoMessages').stdout);
    expect(out.profile).toMatchObject({ id: 'pinduoduo', unit: 'message', effectiveReplyWithinSec: 3600, botRepliesCountFor: [300] });
    expect(out.metrics).toMatchObject({ counted: 5, answered: 4, unanswered: 1 });
    expect(outcome('pinduoduoMessagesSummary').stdout).toContain('\nProfile               pinduoduo (preset chosen with --profile, unit set with --unit)\n');
    expect(outcome('pinduoduoMessagesSummary').stdout).toContain('\nCounted               5 buyer messages: 4 answered, 1 unanswered\n');
  });
});

describe('--out writes the output to a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-metrics-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes exactly the --json output, prints nothing on stdout', () => {
    const file = join(dir, 'day.json');
    const result = runMetricsCli([`${DIR}/good.json`, '--json', '--out', file]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: `wrote ${file}\n` });
    expect(readFileSync(file, 'utf8')).toBe(runMetricsCli([`${DIR}/good.json`, '--json']).stdout);
    expect(JSON.parse(readFileSync(file, 'utf8')).metrics.counted).toBe(5);
  });

  it('writes the summary without --json', () => {
    const file = join(dir, 'day.txt');
    expect(runMetricsCli([`${DIR}/good.json`, `--out=${file}`]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(outcome('summary').stdout);
  });

  it('a folder that does not exist: error, exit 1', () => {
    const file = join(dir, 'no-such-folder', 'day.json');
    expect(runMetricsCli([`${DIR}/good.json`, '--out', file])).toEqual({ code: 1, stdout: '', stderr: `error: ${file}: no such folder\n` });
  });
});

describe('a bad or missing file: error on stderr, exit 1', () => {
  // The file's fault in lib/event-export.ts's words (its wording is tested in event-export.test.ts): the CLI
  // names the file before it.
  const why = (file: string) => {
    const parsed = parseEventExport(readFileSync(file, 'utf8'));
    if (parsed.ok) throw new Error(`${file} parses`);
    return parsed.error;
  };
  it.each([
    ['notJson', `${DIR}/not-json.json`, /^not JSON: .*\(line 3, column 16\)$/],
    ['notAnExport', `${DIR}/not-an-export.json`, /^format: this is not a Kefu Sidekick event export$/],
    ['newer', `${DIR}/newer-version.json`, /^version: 2 is newer than this tool understands \(1\)$/],
    ['badSender', `${DIR}/bad-sender.json`, /^events\[2\]\.sender: .*"robot"/],
  ] as const)('%s', (name, file, reason) => {
    expect(why(file)).toMatch(reason);
    expect(outcome(name)).toEqual({ code: 1, stdout: '', stderr: `error: ${file}: ${why(file)}\n` });
  });

  it.each([
    ['missing', `error: ${DIR}/no-such-file.json: no such file\n`],
    ['directory', `error: ${DIR}: is a directory, not an export file\n`],
  ] as const)('%s', (name, stderr) => {
    expect(outcome(name)).toEqual({ code: 1, stdout: '', stderr });
  });
});

describe('bad usage: the usage on stderr, exit 2', () => {
  it.each([
    ['noArgs', 'error: no export file given'],
    ['unknownOption', 'error: unknown option --shift'],
    ['unknownProfile', 'error: --profile: unknown profile "tmall" (one of default, taobao, douyin, pinduoduo, jd)'],
    ['badZone', 'error: --time-zone: unknown time zone "Mars/Olympus_Mons"'],
    ['twoFiles', 'error: one export file at a time (got 2)'],
    ['noValue', 'error: --profile needs a value'],
    ['unknownUnit', 'error: --unit: unknown unit "conversation" (one of message, round, buyer, session)'],
    ['noOut', 'error: --out needs a value'],
  ] as const)('%s', (name, message) => {
    const { code, stdout, stderr } = outcome(name);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.startsWith(`${message}\n\nusage: npm run metrics -- FILE.json [--json] [--profile ID] [--unit UNIT] [--time-zone ZONE] [--out FILE]\n`)).toBe(true);
  });

  it('--help prints the usage on stdout, exit 0: every option, each preset spelled out, and npm run -s', () => {
    const { code, stdout, stderr } = outcome('help');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^usage: npm run metrics -- FILE\.json/);
    for (const option of ['--json', '--profile ID', '--unit UNIT', '--time-zone ZONE', '--out FILE', '--help']) expect(stdout).toContain(`\n  ${option} `);
    expect(stdout).toContain('\n  default    unit message  window 08:00-23:00  automatic (bot) replies do not count as replies\n');
    expect(stdout).toContain('\n  taobao     unit round    window 08:00-24:00  automatic (bot) replies count as replies\n');
    expect(stdout).toContain('\n  douyin     unit round    window 08:00-23:00  automatic (bot) replies do not count as replies\n');
    expect(stdout).toContain('\n  pinduoduo  unit buyer    window 08:00-23:00  automatic (bot) replies do not count as replies (except for the 5 min rate, where they do)\n');
    expect(stdout).toContain('\n  jd         unit session  window 09:00-23:00  automatic (bot) replies do not count as replies\n');
    expect(stdout).toContain('npm run -s metrics -- FILE.json --json > out.json');
  });
});
