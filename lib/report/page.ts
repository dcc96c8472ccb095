import { createHash } from 'node:crypto';
import { TIMELINE_BIN_MS } from '../metrics';
import type { Grade, MetricId, MetricRow, Targets } from '../targets';
import { botTextZh, histogramLabels, localDateTime, localPeriod, percent, seconds, UNIT_NOUN_ZH, unitTextZh, utcOffset, windowText } from './format';
import { html, jsonForScript, scriptSource, trusted, type Html } from './html';
import type { AgentReport, ShiftReport, SlowConversation, TeamReport } from './team';

/**
 * The team report as one self-contained HTML page: the chart library's code, the styles, the figures (JSON in
 * a `<script type="application/json">`) and a short start-up script all inline, so the file opens offline
 * from disk. Its Content-Security-Policy allows only those two scripts (by hash) and no network at all.
 * Text is Chinese with the English after it.
 */

/** A Chart.js configuration that is plain JSON (no functions), drawn onto the canvas with that id. */
export interface ChartSpec {
  canvas: string;
  type: 'bar';
  data: { labels: string[]; datasets: { label: string; data: number[]; type?: 'bar' | 'line'; yAxisID?: string; backgroundColor?: string; borderColor?: string }[] };
  options: Record<string, unknown>;
}

export const METRIC_LABELS: Record<MetricId, string> = {
  rate30: '30 秒回复率 30-s reply rate',
  rate180: '3 分钟回复率 3-min reply rate',
  rate300: '5 分钟回复率 5-min reply rate',
  avgResponse: '平均响应时间 Avg response',
  effectiveReplyRate: '有效回复率 Effective reply rate',
  inquiryConversion: '询单转化率 Inquiry conversion',
  unanswered: '未回复 Unanswered',
  consultingBuyers: '咨询买家 Consulting buyers',
};

const GRADE_TEXT: Record<Grade, string> = { good: '达标 met', near: '接近 near', poor: '未达标 missed', none: '—' };

const RATE_IDS = ['rate30', 'rate180', 'rate300', 'effectiveReplyRate', 'inquiryConversion'] as const;

/** How the table shows a row's value and target. */
export function cellText(kind: MetricRow['kind'], value: number | null): string {
  if (kind === 'rate') return percent(value);
  if (kind === 'seconds') return seconds(value === null ? null : value * 1000);
  return value === null ? '—' : String(value);
}

function shiftId(agentIndex: number, shiftIndex: number): string {
  return `a${agentIndex}s${shiftIndex}`;
}

const COLORS = { value: '#2f6fdf', target: '#9aa5b1', late: '#e0694a', count: '#7fa7e8', wait: '#3b3b3b' };
const BASE_OPTIONS = { animation: false, responsive: true, maintainAspectRatio: false };

/** The three charts of a shift: rates against targets, the response-time histogram, the waits timeline. */
export function shiftCharts(shift: ShiftReport, id: string): ChartSpec[] {
  const rateRows = RATE_IDS.map((rid) => shift.rows.find((r) => r.id === rid)!);
  const pct = (v: number | null) => (v === null ? 0 : Math.round(v * 1000) / 10);
  const multiDay = shift.period.end - shift.period.start > 86_400_000;
  const timelineLabels = shift.metrics.timeline.map((_, i) => {
    const at = localDateTime(shift.period.start + i * TIMELINE_BIN_MS, shift.timeZone);
    return multiDay ? at.slice(5) : at.slice(11);
  });
  return [
    {
      canvas: `${id}-rates`,
      type: 'bar',
      data: {
        labels: rateRows.map((r) => METRIC_LABELS[r.id]),
        datasets: [
          { label: '实际 % actual', data: rateRows.map((r) => pct(r.value)), backgroundColor: COLORS.value },
          { label: '目标 % target', data: rateRows.map((r) => pct(r.target)), backgroundColor: COLORS.target },
        ],
      },
      options: { ...BASE_OPTIONS, scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } } },
    },
    {
      canvas: `${id}-histogram`,
      type: 'bar',
      data: { labels: histogramLabels(), datasets: [{ label: '已回复，按等待时间 answered, by wait', data: [...shift.metrics.histogram], backgroundColor: COLORS.value }] },
      options: { ...BASE_OPTIONS, scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { title: { display: true, text: '响应时间 response time' } } } },
    },
    {
      canvas: `${id}-timeline`,
      type: 'bar',
      data: {
        labels: timelineLabels,
        datasets: [
          { label: '计入 counted', data: shift.metrics.timeline.map((b) => b.count), backgroundColor: COLORS.count },
          { label: '超过 30 秒或未回复 late (>30 s or unanswered)', data: shift.metrics.timeline.map((b) => b.late), backgroundColor: COLORS.late },
          {
            label: '已回复的等待合计（秒） total wait of the answered (s)',
            type: 'line',
            yAxisID: 'wait',
            data: shift.metrics.timeline.map((b) => Math.round(b.waitSumMs / 100) / 10),
            borderColor: COLORS.wait,
            backgroundColor: COLORS.wait,
          },
        ],
      },
      options: {
        ...BASE_OPTIONS,
        scales: {
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: '数量 units' } },
          wait: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: '秒 s' } },
        },
      },
    },
  ];
}

function gradeCell(row: MetricRow): Html {
  return html`<td class="grade grade--${row.grade}">${GRADE_TEXT[row.grade]}</td>`;
}

function metricsTable(rows: readonly MetricRow[]): Html {
  return html`<table class="metrics">
<thead><tr><th>指标 Metric</th><th>实际 Actual</th><th>目标 Target</th><th>状态 Status</th></tr></thead>
<tbody>${rows.map(
    (r) =>
      html`<tr data-metric="${r.id}"><th scope="row">${METRIC_LABELS[r.id]}</th><td class="value">${cellText(r.kind, r.value)}</td><td class="target">${r.target === null ? '—' : cellText(r.kind, r.target)}</td>${gradeCell(r)}</tr>\n`,
  )}</tbody>
</table>`;
}

function slowestTable(rows: readonly SlowConversation[]): Html {
  if (rows.length === 0) return html`<p class="empty">没有计入的会话 No counted conversations.</p>`;
  return html`<table class="slowest">
<thead><tr><th>买家 Buyer</th><th>会话 Conversation</th><th>计入 Counted</th><th>超过 30 秒 Late</th><th>未回复 Unanswered</th><th>平均响应 Avg response</th></tr></thead>
<tbody>${rows.map(
    (c) =>
      html`<tr><td class="buyer">${c.buyerName}</td><td class="conversation">${c.site} · ${c.conversationId}</td><td>${c.counted}</td><td>${c.late}</td><td>${c.unanswered}</td><td>${seconds(c.avgResponseMs)}</td></tr>\n`,
  )}</tbody>
</table>`;
}

function countingText(shift: ShiftReport): string {
  const p = shift.profile;
  return `计数规则 Profile「${p.id}」：${unitTextZh(p)}；服务时段 ${windowText(p.window)}（${shift.timeZone}）；${botTextZh(p)}`;
}

function shiftSection(shift: ShiftReport, id: string): Html {
  const m = shift.metrics;
  return html`<section class="shift" id="${id}" data-path="${shift.path}">
<h3>班次 Shift ${localPeriod(shift.period, shift.timeZone)} <small>(${shift.timeZone}, ${utcOffset(shift.period.start, shift.timeZone)})</small></h3>
<p class="file">文件 File: <code>${shift.path}</code></p>
<p class="counting">${countingText(shift)}</p>
<p class="counts">计入 ${m.counted} ${UNIT_NOUN_ZH[shift.profile.unit]}：已回复 ${m.answered}，未回复 ${m.unanswered} · counted ${m.counted}, answered ${m.answered}, unanswered ${m.unanswered}</p>
${metricsTable(shift.rows)}
<div class="charts">
<figure><figcaption>回复率与目标 Rates vs targets</figcaption><div class="chart"><canvas id="${id}-rates"></canvas></div></figure>
<figure><figcaption>响应时间分布 Response-time distribution</figcaption><div class="chart"><canvas id="${id}-histogram"></canvas></div></figure>
<figure class="wide"><figcaption>等待时间线（每 10 分钟，按买家发消息时间） Waits timeline (10-minute bins, by when the buyer wrote)</figcaption><div class="chart"><canvas id="${id}-timeline"></canvas></div></figure>
</div>
<h4>最慢的会话 Slowest conversations</h4>
${slowestTable(shift.slowest)}
</section>`;
}

function overviewRows(agent: AgentReport, agentIndex: number): Html[] {
  const cells = (rows: readonly MetricRow[]) => rows.map((r) => html`<td class="grade--${r.grade}" data-metric="${r.id}">${cellText(r.kind, r.value)}</td>`);
  const rows = agent.shifts.map(
    (s, i) =>
      html`<tr data-agent="${agent.name}" data-shift="${shiftId(agentIndex, i)}"><th scope="row"><a href="#${shiftId(agentIndex, i)}">${agent.name}</a></th><td>${localPeriod(s.period, s.timeZone)}</td><td>${s.profile.id}</td>${cells(s.rows)}</tr>\n`,
  );
  if (agent.total) {
    rows.push(html`<tr class="total" data-agent="${agent.name}" data-shift="total"><th scope="row">${agent.name}</th><td>合计 all shifts</td><td>${agent.shifts[0]!.profile.id}</td>${cells(agent.total.rows)}</tr>\n`);
  }
  return rows;
}

function targetsText(t: Targets): string {
  return [
    `30 秒 30 s ≥ ${percent(t.rate30)}`,
    `3 分钟 3 min ≥ ${percent(t.rate180)}`,
    `5 分钟 5 min ≥ ${percent(t.rate300)}`,
    `平均响应 avg ≤ ${t.avgResponseSec} s`,
    `有效回复 effective ≥ ${percent(t.effectiveReplyRate)}`,
    `询单转化 conversion ≥ ${percent(t.inquiryConversion)}`,
  ].join(' · ');
}

const STYLE = `
body { font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #1d232a; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { margin-top: 32px; border-bottom: 2px solid #d8dee4; }
h3 small { color: #57606a; font-weight: normal; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid #d8dee4; padding: 4px 8px; text-align: left; }
td { font-variant-numeric: tabular-nums; }
thead th { background: #f3f5f7; }
.grade--good { color: #116329; } .grade--near { color: #9a6700; } .grade--poor { color: #b42318; font-weight: 600; }
tr.total { background: #f6f8fa; font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
figure { margin: 0; flex: 1 1 420px; } figure.wide { flex-basis: 100%; }
.chart { position: relative; height: 260px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
.meta, .file, .counting { color: #57606a; }
@media print { .charts { display: block; } }
`;

/** Draws every chart from the JSON data; marks the page when done, so a test knows when to read it. */
const START = `(function () {
  var specs = JSON.parse(document.getElementById('report-charts').textContent);
  specs.forEach(function (spec) {
    new Chart(document.getElementById(spec.canvas), { type: spec.type, data: spec.data, options: spec.options });
  });
  document.documentElement.setAttribute('data-charts', String(specs.length));
})();`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function renderReportPage(report: TeamReport, chartLibrary: string, generatedAt: number, timeZone: string): string {
  const charts: ChartSpec[] = [];
  const sections = report.agents.map((agent, a) => {
    const shifts = agent.shifts.map((shift, s) => {
      charts.push(...shiftCharts(shift, shiftId(a, s)));
      return shiftSection(shift, shiftId(a, s));
    });
    return html`<section class="agent" data-agent="${agent.name}"><h2>客服 Agent: ${agent.name}</h2>${shifts}</section>\n`;
  });
  const library = scriptSource(chartLibrary);
  const start = scriptSource(START);
  const csp = `default-src 'none'; script-src ${sha256(library)} ${sha256(start)}; style-src 'unsafe-inline'; img-src data:`;
  const exports = report.agents.reduce((n, a) => n + a.shifts.length, 0);
  const page = html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>客服团队报告 Team report</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<h1>客服团队报告 Team report</h1>
<p class="meta">生成于 Generated ${localDateTime(generatedAt, timeZone)} (${timeZone}) · ${report.agents.length} 位客服 agents · ${exports} 个班次 shifts</p>
<p class="meta">目标 Targets: ${targetsText(report.targets)}</p>
<table class="overview">
<thead><tr><th>客服 Agent</th><th>班次 Shift</th><th>规则 Profile</th>${(['rate30', 'rate180', 'rate300', 'avgResponse', 'effectiveReplyRate', 'inquiryConversion', 'unanswered', 'consultingBuyers'] as const).map((id) => html`<th>${METRIC_LABELS[id]}</th>`)}</tr></thead>
<tbody>${report.agents.map((agent, a) => overviewRows(agent, a))}</tbody>
</table>
${sections}
<script type="application/json" id="report-charts">${trusted(jsonForScript(charts))}</script>
<script>${trusted(library)}</script>
<script>${trusted(start)}</script>
</body>
</html>
`;
  return page.value;
}
