import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { computeMetrics, type Metrics } from '@/lib/metrics';
import type { EventExport } from '@/lib/event-export';
import { chromePath } from '../../scripts/browser';
import { HOSTILE_NAME, liDay, reportFiles, wangEvening, wangMorning } from '../fixtures/report/exports';

// `npm run report` as a team lead runs it, on two agents' exports (three shifts); the page it writes is opened
// from disk in Chromium with the network cut off, and its figures are read back from the tables and from the
// Chart.js instances, against lib/metrics.ts's count of the same exports.

let dir: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/report.ts', ...args], { cwd: process.cwd(), timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-report-'));
  for (const [path, text] of Object.entries(reportFiles)) {
    mkdirSync(dirname(join(dir, 'exports', path)), { recursive: true });
    writeFileSync(join(dir, 'exports', path), text);
  }
  const out = join(dir, 'team report.html');
  const result = await run([...Object.keys(reportFiles).map((p) => join(dir, 'exports', p)), '--out', out]);
  expect(result).toEqual({ code: 0, stdout: `wrote ${out}: 2 agent(s), 3 shift(s)\n`, stderr: '' });

  browser = await chromium.launch({ executablePath: chromePath(), args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ offline: true, locale: 'zh-CN' });
  await context.route(/^(?!file:)/, (route) => route.abort());
  page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console: ${m.text()}`);
  });
  await page.goto(pathToFileURL(out).href);
  await page.locator('html[data-charts="9"]').waitFor({ state: 'attached' });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const metricsOf = (e: EventExport): Metrics => computeMetrics(e.events, e.profile, e.period, e.timeZone, Math.max(e.period.end, e.exportedAt));
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The shifts in page order: agents by name (李雷, 王芳), shifts by start. */
const shifts = [
  { id: 'a0s0', agent: '李雷', value: liDay },
  { id: 'a1s0', agent: '王芳', value: wangMorning },
  { id: 'a1s1', agent: '王芳', value: wangEvening },
];

test('the page opens offline from disk, asks for nothing over the network, and draws every chart without an error', async () => {
  expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
  expect(problems).toEqual([]);
  expect(await page.title()).toBe('客服团队报告 Team report');
});

test('the tables show the exports’ figures, per agent and per shift, against the targets', async () => {
  for (const { id, agent, value } of shifts) {
    const m = metricsOf(value);
    const overview = await page.locator(`table.overview tr[data-shift="${id}"] td[data-metric]`).evaluateAll((tds) => Object.fromEntries(tds.map((td) => [td.getAttribute('data-metric'), td.textContent])));
    expect(await page.locator(`table.overview tr[data-shift="${id}"] th`).textContent()).toBe(agent);
    expect(overview).toEqual({
      rate30: pct(m.rates['30']),
      rate180: pct(m.rates['180']),
      rate300: pct(m.rates['300']),
      avgResponse: `${(m.avgResponseMs! / 1000).toFixed(1)} s`,
      effectiveReplyRate: pct(m.effectiveReplyRate),
      inquiryConversion: pct(m.inquiryConversion),
      unanswered: String(m.unanswered),
      consultingBuyers: String(m.consultingBuyers),
    });
    const detail = await page.locator(`section#${id} table.metrics tr[data-metric]`).evaluateAll((trs) => Object.fromEntries(trs.map((tr) => [tr.getAttribute('data-metric'), tr.querySelector('.value')!.textContent])));
    expect(detail).toEqual(overview);
  }
  // By hand (test/fixtures/report/exports.ts): 王芳's morning.
  const morning = await page.locator('section#a1s0 table.metrics tr[data-metric="rate30"] td').allTextContents();
  expect(morning).toEqual(['40.0%', '90.0%', '未达标 missed']);
  expect(await page.locator('section#a1s0 table.metrics tr[data-metric="avgResponse"] td').allTextContents()).toEqual(['82.5 s', '20.0 s', '未达标 missed']);
  expect(await page.locator('section#a1s0 table.metrics tr[data-metric="inquiryConversion"] td').allTextContents()).toEqual(['33.3%', '15.0%', '达标 met']);
  // 王芳's two shifts added up: 6 messages, 3 within 30 s, average (330 + 5) / 5 s.
  const total = await page.locator('table.overview tr.total[data-agent="王芳"] td[data-metric]').allTextContents();
  expect(total).toEqual(['50.0%', '66.7%', '83.3%', '67.0 s', '75.0%', '25.0%', '1', '4']);
});

test('the charts hold the exports’ figures (read through Chart.getChart)', async () => {
  const charts = await page.evaluate(() => {
    const out: Record<string, { type: string; labels: unknown[]; data: unknown[][] }> = {};
    for (const canvas of document.querySelectorAll('canvas')) {
      const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { config: { type: string }; data: { labels: unknown[]; datasets: { data: unknown[] }[] } } | undefined } }).Chart.getChart(canvas);
      if (chart) out[canvas.id] = { type: chart.config.type, labels: chart.data.labels, data: chart.data.datasets.map((d) => d.data) };
    }
    return out;
  });
  expect(Object.keys(charts)).toHaveLength(9);
  for (const { id, value } of shifts) {
    const m = metricsOf(value);
    const round = (v: number | null) => (v === null ? 0 : Math.round(v * 1000) / 10);
    expect(charts[`${id}-rates`]!.data[0]).toEqual([m.rates['30'], m.rates['180'], m.rates['300'], m.effectiveReplyRate, m.inquiryConversion].map(round));
    expect(charts[`${id}-rates`]!.data[1]).toEqual([90, 98, 99, 95, 15]);
    expect(charts[`${id}-histogram`]!.data[0]).toEqual(m.histogram);
    expect(charts[`${id}-histogram`]!.labels).toEqual(['≤10 s', '10-20 s', '20-30 s', '30-60 s', '60-180 s', '180-300 s', '300-600 s', '>600 s']);
    const [count, late, wait] = charts[`${id}-timeline`]!.data;
    expect(count).toEqual(m.timeline.map((b) => b.count));
    expect(late).toEqual(m.timeline.map((b) => b.late));
    expect(wait).toEqual(m.timeline.map((b) => Math.round(b.waitSumMs / 100) / 10));
  }
  // 李雷's day, 08:00-23:00 in 10-minute bins: 90 of them; 08:30 is bin 3 (two messages, 60 s + 30 s).
  expect(charts['a0s0-timeline']!.labels).toHaveLength(90);
  expect(charts['a0s0-timeline']!.labels[3]).toBe('08:30');
  expect(charts['a0s0-timeline']!.data.map((d) => d[3])).toEqual([2, 1, 90]);
  // The canvases were really drawn on: some pixel is not blank.
  const drawn = await page.evaluate(() => {
    const canvas = document.getElementById('a1s0-histogram') as HTMLCanvasElement;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    return pixels.some((v) => v !== 0);
  });
  expect(drawn).toBe(true);
});

test('the slowest conversations name the buyer as text, even a name written as HTML', async () => {
  const rows = await page.locator('section#a1s0 table.slowest tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  expect(rows).toEqual([
    ['阿强', 'pinduoduo · c3', '1', '1', '1', '—'],
    [HOSTILE_NAME, 'pinduoduo · c2', '1', '1', '0', '240.0 s'],
    ['小王', 'pinduoduo · c1', '3', '1', '0', '30.0 s'],
  ]);
  expect(await page.locator('img').count()).toBe(0);
  expect(problems).toEqual([]);
});
