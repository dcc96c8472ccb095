import { execFile } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
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
  good: [`${DIR}/good.json`],
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
  taobao: [`${DIR}/good.json`, '--profile', 'taobao'],
  pinduoduo: [`${DIR}/good.json`, '--profile=pinduoduo'],
  utc: [`${DIR}/good.json`, '--time-zone', 'UTC'],
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

describe('a bad or missing file: error on stderr, exit 1', () => {
  it.each([
    ['notJson', `error: ${DIR}/not-json.json: not JSON: Expected a double-quoted property name, found "," (line 3, column 16)\n`],
    ['notAnExport', `error: ${DIR}/not-an-export.json: format: this is not a Kefu Sidekick event export\n`],
    ['newer', `error: ${DIR}/newer-version.json: version: 2 is newer than this tool understands (1)\n`],
    ['badSender', `error: ${DIR}/bad-sender.json: events[2].sender: expected one of "buyer", "shop", "system" (got "robot")\n`],
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
  ] as const)('%s', (name, message) => {
    const { code, stdout, stderr } = outcome(name);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.startsWith(`${message}\n\nusage: npm run metrics -- FILE.json [--profile ID] [--time-zone ZONE]\n`)).toBe(true);
  });

  it('--help prints the usage on stdout, exit 0', () => {
    expect(outcome('help').code).toBe(0);
    expect(outcome('help').stdout).toMatch(/^usage: npm run metrics -- FILE\.json/);
  });
});
