import type { EventExport } from '../event-export';
import type { MetricProfile } from '../metric-profiles';
import { addCounters, computeCounters, conversationCounters, finalizeMetrics, type Counters, type MetricEvent, type Metrics, type Period } from '../metrics';
import { defaultTargets, metricRows, type MetricRow, type Targets } from '../targets';

/**
 * The team report's figures (`npm run report`): several agents' exports, each one shift of one agent, counted
 * with lib/metrics.ts exactly as `npm run metrics` counts them. Pure: the files are read by scripts/report.ts.
 *
 * Who the agent is: an export carries no agent name (site, shop and buyers only), so it is the file's name
 * without `.json`; a file that still has the popup's own name (`kefu-events-<date>.json`, the same for every
 * agent) is named by its folder instead, so `exports/wang/kefu-events-*.json` are all wang's shifts.
 */

/** The popup's download name (entrypoints/popup/App.tsx): it names the day, not the agent. */
const POPUP_FILE_PREFIX = 'kefu-events-';

export interface ReportInput {
  /** The path the export was read from, as given on the command line. */
  path: string;
  value: EventExport;
}

/** A conversation of a shift, by how long its buyer waited (lib/metrics.ts units of the shift's profile). */
export interface SlowConversation {
  site: string;
  conversationId: string;
  /** The last name the page showed for the buyer (untrusted page text). */
  buyerName: string;
  counted: number;
  answered: number;
  unanswered: number;
  /** Units not answered within 30 s (unanswered ones included). */
  late: number;
  avgResponseMs: number | null;
}

export interface ShiftReport {
  path: string;
  agent: string;
  profile: MetricProfile;
  timeZone: string;
  period: Period;
  metrics: Metrics;
  rows: MetricRow[];
  slowest: SlowConversation[];
}

export interface AgentReport {
  name: string;
  /** By start time. */
  shifts: ShiftReport[];
  /**
   * The agent's shifts added up (counters are sums: lib/metrics.ts), when they were all counted with the same
   * profile and time zone; null otherwise, since rounds plus messages would be no unit at all.
   */
  total: { metrics: Omit<Metrics, 'timeline'>; rows: MetricRow[] } | null;
}

export interface TeamReport {
  targets: Targets;
  /** By name. */
  agents: AgentReport[];
}

export const SLOWEST_COUNT = 5;

/** The agent a file belongs to (see the header). */
export function agentName(path: string): string {
  const parts = path.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  const file = parts[parts.length - 1] ?? path;
  const stem = file.replace(/\.json$/i, '');
  if (stem.startsWith(POPUP_FILE_PREFIX) && parts.length >= 2) return parts[parts.length - 2]!;
  return stem;
}

function evaluationTime(value: EventExport): number {
  return Math.max(value.period.end, value.exportedAt);
}

/**
 * The shift's conversations ranked by wait: never answered first (they are still waiting), then by more late
 * units, then by the longer average wait. Only conversations with a counted unit take part.
 */
export function slowestConversations(value: EventExport, count = SLOWEST_COUNT): SlowConversation[] {
  const groups = new Map<string, MetricEvent[]>();
  const names = new Map<string, string>();
  for (const e of value.events) {
    // JSON of the three parts: no separator that an id could contain can mix two conversations up.
    const key = JSON.stringify([e.site, e.shopId, e.conversationId]);
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
    if (e.sender === 'buyer' && e.buyerName) names.set(key, e.buyerName);
    else if (!names.has(key)) names.set(key, e.buyerName);
  }
  const now = evaluationTime(value);
  const rows: SlowConversation[] = [];
  for (const [key, events] of groups) {
    const c = conversationCounters(events, value.profile, value.period, value.timeZone, now);
    if (c.counted === 0) continue;
    const first = events[0]!;
    rows.push({
      site: first.site,
      conversationId: first.conversationId,
      buyerName: names.get(key) ?? '',
      counted: c.counted,
      answered: c.answered,
      unanswered: c.unanswered,
      late: c.counted - (c.within[0] ?? 0),
      avgResponseMs: c.answered > 0 ? c.waitSumMs / c.answered : null,
    });
  }
  rows.sort((a, b) => b.unanswered - a.unanswered || b.late - a.late || (b.avgResponseMs ?? 0) - (a.avgResponseMs ?? 0) || a.conversationId.localeCompare(b.conversationId));
  return rows.slice(0, count);
}

function shiftCounters(value: EventExport): Counters {
  return computeCounters(value.events, value.profile, value.period, value.timeZone, evaluationTime(value));
}

function sameCounting(a: ShiftReport, b: ShiftReport): boolean {
  return a.timeZone === b.timeZone && JSON.stringify(a.profile) === JSON.stringify(b.profile);
}

export function buildTeamReport(inputs: readonly ReportInput[], targets: Targets = defaultTargets): TeamReport {
  const byAgent = new Map<string, { shifts: ShiftReport[]; counters: Counters[] }>();
  for (const { path, value } of inputs) {
    const agent = agentName(path);
    const counters = shiftCounters(value);
    const metrics = finalizeMetrics(counters);
    const shift: ShiftReport = {
      path,
      agent,
      profile: value.profile,
      timeZone: value.timeZone,
      period: value.period,
      metrics,
      rows: metricRows(metrics, targets),
      slowest: slowestConversations(value),
    };
    const entry = byAgent.get(agent) ?? { shifts: [], counters: [] };
    entry.shifts.push(shift);
    entry.counters.push(counters);
    byAgent.set(agent, entry);
  }
  const agents: AgentReport[] = [];
  for (const [name, { shifts, counters }] of byAgent) {
    const order = shifts.map((_, i) => i).sort((a, b) => shifts[a]!.period.start - shifts[b]!.period.start);
    const sorted = order.map((i) => shifts[i]!);
    let total: AgentReport['total'] = null;
    if (shifts.length > 1 && shifts.every((s) => sameCounting(s, shifts[0]!))) {
      // Timelines of different periods do not line up: the total has none.
      const sum = counters.map((c): Counters => ({ ...c, timeline: [] })).reduce((a, b) => addCounters(a, b));
      const { timeline: _timeline, ...metrics } = finalizeMetrics(sum);
      total = { metrics, rows: metricRows({ ...metrics, timeline: [] }, targets) };
    }
    agents.push({ name, shifts: sorted, total });
  }
  agents.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { targets, agents };
}
