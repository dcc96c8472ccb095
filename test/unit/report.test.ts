import { describe, expect, it } from 'vitest';
import { parseEventExport } from '@/lib/event-export';
import { computeMetrics } from '@/lib/metrics';
import { clock, histogramLabels, localDateTime, localPeriod, percent, seconds, thresholdName, utcOffset } from '@/lib/report/format';
import { escapeHtml, html, jsonForScript, scriptSource } from '@/lib/report/html';
import { cellText, renderReportPage, shiftCharts, type ChartSpec } from '@/lib/report/page';
import { agentName, buildTeamReport, slowestConversations } from '@/lib/report/team';
import { runReportCli } from '@/scripts/report';
import { HOSTILE_NAME, liDay, reportFiles, wangEvening, wangMorning } from '../fixtures/report/exports';

const inputs = Object.entries(reportFiles).map(([path, text]) => {
  const parsed = parseEventExport(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return { path: `exports/${path}`, value: parsed.value };
});
const report = buildTeamReport(inputs);

describe('agentName', () => {
  it.each([
    ['exports/王芳.json', '王芳'],
    ['wang.JSON', 'wang'],
    ['exports/王芳/kefu-events-2026-11-22.json', '王芳'],
    ['C:\\exports\\li\\kefu-events-2026-11-22.json', 'li'],
    ['./kefu-events-2026-11-22.json', 'kefu-events-2026-11-22'],
    ['exports/wang/day-1.json', 'day-1'],
  ])('%s is %s', (path, name) => {
    expect(agentName(path)).toBe(name);
  });
});

describe('buildTeamReport', () => {
  it('groups the shifts by agent (by name), each by start time', () => {
    expect(report.agents.map((a) => [a.name, a.shifts.map((s) => s.path)])).toEqual([
      ['李雷', ['exports/李雷.json']],
      ['王芳', ['exports/王芳/kefu-events-2026-11-22.json', 'exports/王芳/kefu-events-2026-11-22-evening.json']],
    ]);
  });

  it('counts each shift as lib/metrics.ts does, with the figures worked out by hand', () => {
    const [li, wang] = report.agents;
    const morning = wang!.shifts[0]!;
    expect(morning.metrics).toEqual(computeMetrics(wangMorning.events, wangMorning.profile, wangMorning.period, 'Asia/Shanghai', wangMorning.period.end));
    expect(morning.metrics).toMatchObject({
      counted: 5,
      answered: 4,
      unanswered: 1,
      rates: { '30': 0.4, '180': 0.6, '300': 0.8 },
      avgResponseMs: 82_500,
      consultingBuyers: 3,
      effectiveReplyRate: 2 / 3,
      inquiryConversion: 1 / 3,
      histogram: [0, 1, 1, 1, 0, 1, 0, 0],
    });
    expect(wang!.shifts[1]!.metrics).toMatchObject({ counted: 1, answered: 1, avgResponseMs: 5_000, histogram: [1, 0, 0, 0, 0, 0, 0, 0] });
    expect(li!.shifts[0]!.metrics).toMatchObject({
      counted: 4,
      answered: 4,
      unanswered: 0,
      rates: { '30': 0.5, '180': 0.75, '300': 0.75 },
      avgResponseMs: 114_500,
      consultingBuyers: 3,
      effectiveReplyRate: 1,
      inquiryConversion: 1 / 3,
      histogram: [1, 0, 1, 1, 0, 0, 1, 0],
    });
  });

  it('grades each rate against the targets', () => {
    const rows = Object.fromEntries(report.agents[1]!.shifts[0]!.rows.map((r) => [r.id, [r.value, r.target, r.grade]]));
    expect(rows).toMatchObject({
      rate30: [0.4, 0.9, 'poor'],
      avgResponse: [82.5, 20, 'poor'],
      effectiveReplyRate: [2 / 3, 0.95, 'poor'],
      inquiryConversion: [1 / 3, 0.15, 'good'],
      unanswered: [1, null, 'poor'],
      consultingBuyers: [3, null, 'none'],
    });
  });

  it("adds an agent's shifts up when they were counted alike; none for a single shift", () => {
    const [li, wang] = report.agents;
    expect(li!.total).toBeNull();
    expect(wang!.total!.metrics).toMatchObject({ counted: 6, answered: 5, unanswered: 1, rates: { '30': 0.5, '180': 4 / 6, '300': 5 / 6 }, avgResponseMs: 67_000, consultingBuyers: 4 });
  });

  it('gives no total when the shifts were counted with different profiles', () => {
    const rounds = { ...wangEvening, profile: { ...wangEvening.profile, unit: 'round' as const } };
    const mixed = buildTeamReport([inputs[0]!, { path: 'exports/王芳/kefu-events-2026-11-22-evening.json', value: rounds }]);
    expect(mixed.agents[0]!.total).toBeNull();
  });
});

describe('slowestConversations', () => {
  it('puts the unanswered first, then the most late units, then the longest average', () => {
    expect(slowestConversations(wangMorning).map((c) => [c.conversationId, c.buyerName, c.counted, c.late, c.unanswered, c.avgResponseMs])).toEqual([
      ['c3', '阿强', 1, 1, 1, null],
      ['c2', HOSTILE_NAME, 1, 1, 0, 240_000],
      ['c1', '小王', 3, 1, 0, 30_000],
    ]);
  });

  it('leaves out conversations with nothing counted, and keeps at most `count`', () => {
    // d4 wrote after the window: not counted. d1 and d3 were each late once; d3 waited longer on average.
    expect(slowestConversations(liDay).map((c) => [c.conversationId, c.late, c.avgResponseMs])).toEqual([
      ['d3', 1, 360_000],
      ['d1', 1, 45_000],
      ['d2', 0, 8_000],
    ]);
    expect(slowestConversations(liDay, 1).map((c) => c.conversationId)).toEqual(['d3']);
  });
});

describe('formatting', () => {
  it('writes rates, seconds, local times and thresholds as a team lead reads them', () => {
    expect([percent(0.4), percent(2 / 3), percent(null), seconds(82_500), seconds(null)]).toEqual(['40.0%', '66.7%', '—', '82.5 s', '—']);
    expect(localDateTime(wangMorning.period.start, 'Asia/Shanghai')).toBe('2026-11-22 08:00');
    expect(localPeriod(wangMorning.period, 'Europe/London')).toBe('2026-11-22 00:00 – 2026-11-22 08:00');
    expect([utcOffset(0, 'Asia/Shanghai'), utcOffset(0, 'America/St_Johns'), utcOffset(0, 'Asia/Kolkata')]).toEqual(['UTC+08:00', 'UTC-03:30', 'UTC+05:30']);
    expect([clock(480), clock(1440)]).toEqual(['08:00', '24:00']);
    expect([thresholdName(30), thresholdName(300), thresholdName(3600)]).toEqual(['30 s', '5 min', '1 h']);
    expect(histogramLabels()).toEqual(['≤10 s', '10-20 s', '20-30 s', '30-60 s', '60-180 s', '180-300 s', '300-600 s', '>600 s']);
    expect([cellText('rate', 0.4), cellText('seconds', 82.5), cellText('count', 3), cellText('count', null)]).toEqual(['40.0%', '82.5 s', '3', '—']);
  });
});

describe('escaping', () => {
  it('escapes every value put into a template, and nothing of the template itself', () => {
    expect(html`<td title="${'"x" & \'y\''}">${HOSTILE_NAME}</td>`.value).toBe('<td title="&quot;x&quot; &amp; &#39;y&#39;">&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(html`<ul>${['<a>', html`<li>${'<b>'}</li>`]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>&lt;b&gt;</li></ul>');
    expect(escapeHtml('a < b')).toBe('a &lt; b');
  });

  it('JSON for a script element cannot close it, and reads back unchanged', () => {
    const data = { name: '</script><script>alert(1)</script><!--', line: 'a\u2028b' };
    const text = jsonForScript(data);
    expect(text).not.toContain('<');
    expect(text).not.toContain('\u2028');
    expect(JSON.parse(text)).toEqual(data);
  });

  it('script source cannot close its element', () => {
    expect(scriptSource('var s = "</script>"; var t = "</SCRIPT >";')).toBe('var s = "<\\/script>"; var t = "<\\/SCRIPT >";');
  });
});

describe('the page', () => {
  const page = renderReportPage(report, 'window.Chart = function () {};', Date.parse('2026-11-23T09:00:00+08:00'), 'Asia/Shanghai');

  it('holds no export text unescaped: the hostile buyer name is text', () => {
    expect(page).not.toContain(HOSTILE_NAME);
    expect(page).toContain('<td class="buyer">&lt;img src=x onerror=alert(1)&gt;</td>');
    // The only scripts: the chart data (JSON) and the two trusted ones.
    expect(page.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/json" id="report-charts">', '<script>', '<script>']);
  });

  it('allows only its own two scripts and no network', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)![1]!.replaceAll('&#39;', "'");
    expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+'; style-src 'unsafe-inline'; img-src data:$/);
  });

  it("carries each shift's charts as JSON: rates vs targets in %, the histogram, the 10-minute timeline", () => {
    const json = /<script type="application\/json" id="report-charts">([^<]*)<\/script>/.exec(page)![1]!;
    const charts = JSON.parse(json) as ChartSpec[];
    expect(charts.map((c) => c.canvas)).toEqual(['a0s0-rates', 'a0s0-histogram', 'a0s0-timeline', 'a1s0-rates', 'a1s0-histogram', 'a1s0-timeline', 'a1s1-rates', 'a1s1-histogram', 'a1s1-timeline']);
    const [rates, histogram, timeline] = shiftCharts(report.agents[1]!.shifts[0]!, 'x');
    expect(rates!.data.datasets.map((d) => d.data)).toEqual([
      [40, 60, 80, 66.7, 33.3],
      [90, 98, 99, 95, 15],
    ]);
    expect(histogram!.data.datasets[0]!.data).toEqual([0, 1, 1, 1, 0, 1, 0, 0]);
    // 08:00-16:00 is 48 bins; 09:00 is bin 6, 10:00 bin 12, 11:00 bin 18, 12:00 bin 24.
    expect(timeline!.data.labels).toHaveLength(48);
    expect([timeline!.data.labels[0], timeline!.data.labels[6]]).toEqual(['08:00', '09:00']);
    const [count, late, wait] = timeline!.data.datasets;
    expect([6, 12, 18, 24].map((i) => [count!.data[i], late!.data[i], wait!.data[i]])).toEqual([
      [1, 0, 20],
      [1, 1, 240],
      [1, 1, 0],
      [2, 1, 70],
    ]);
    expect(count!.data.reduce((a, b) => a + b)).toBe(5);
  });
});

describe('runReportCli', () => {
  const files = Object.fromEntries(Object.entries(reportFiles).map(([path, text]) => [`exports/${path}`, text]));
  const readFile = (path: string) => {
    if (path in files) return files[path]!;
    if (path.endsWith('chart.umd.min.js')) return '/* chart */';
    throw Object.assign(new Error('missing'), { code: 'ENOENT' });
  };

  it('writes one page for all the files, to report.html unless --out says otherwise', () => {
    const written: [string, string][] = [];
    const writeFile = (path: string, text: string) => void written.push([path, text]);
    expect(runReportCli(Object.keys(files), { readFile, writeFile, now: () => 0, timeZone: 'UTC' })).toEqual({ code: 0, stdout: 'wrote report.html: 2 agent(s), 3 shift(s)\n', stderr: '' });
    expect(runReportCli([...Object.keys(files), '--out', 'team.html'], { readFile, writeFile, now: () => 0, timeZone: 'UTC' }).code).toBe(0);
    expect(written.map(([path]) => path)).toEqual(['report.html', 'team.html']);
    expect(written[0]![1]).toContain('<script>/* chart */</script>');
  });

  it('stops at a missing or broken file (exit 1) and at bad usage (exit 2)', () => {
    const writeFile = () => {
      throw new Error('must not write');
    };
    expect(runReportCli(['exports/李雷.json', 'exports/nobody.json'], { readFile, writeFile })).toEqual({ code: 1, stdout: '', stderr: 'error: exports/nobody.json: no such file\n' });
    const broken = (path: string) => (path === 'bad.json' ? '{"format": "kefu-sidekick/events", "version": 1}' : readFile(path));
    expect(runReportCli(['bad.json'], { readFile: broken, writeFile }).stderr).toMatch(/^error: bad\.json: exportedAt: /);
    for (const [args, message] of [
      [[], 'error: no export file given'],
      [['a.json', '--out'], 'error: --out needs a value'],
      [['a.json', '--format', 'pdf'], 'error: unknown option --format'],
    ] as const) {
      const result = runReportCli(args, { readFile, writeFile });
      expect(result.code).toBe(2);
      expect(result.stderr.startsWith(`${message}\n\nusage: npm run report -- FILE.json... [--out report.html]\n`)).toBe(true);
    }
    expect(runReportCli(['--help']).stdout).toMatch(/^usage: npm run report/);
  });
});
