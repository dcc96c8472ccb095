import { csvFile } from './csv';
import type { Metrics } from './metrics';
import { z } from './z';

/** The agent's own targets for the shift (DOMAIN.md: set against the shop's history and category). */
export const TargetsSchema = z.object({
  rate30: z.number().min(0).max(1),
  rate180: z.number().min(0).max(1),
  rate300: z.number().min(0).max(1),
  avgResponseSec: z.number().min(1).max(3_600),
  effectiveReplyRate: z.number().min(0).max(1),
  inquiryConversion: z.number().min(0).max(1),
});
export type Targets = z.infer<typeof TargetsSchema>;
export const defaultTargets: Targets = { rate30: 0.9, rate180: 0.98, rate300: 0.99, avgResponseSec: 20, effectiveReplyRate: 0.95, inquiryConversion: 0.15 };

/** green / amber / red: met, within a tenth of the target, or further off; 'none' when nothing was counted. */
export type Grade = 'good' | 'near' | 'poor' | 'none';

export function grade(value: number | null, target: number, higherIsBetter: boolean): Grade {
  if (value === null) return 'none';
  const met = higherIsBetter ? value >= target : value <= target;
  if (met) return 'good';
  const off = higherIsBetter ? (target - value) / target : (value - target) / target;
  return off <= 0.1 ? 'near' : 'poor';
}

export type MetricId = 'rate30' | 'rate180' | 'rate300' | 'avgResponse' | 'effectiveReplyRate' | 'inquiryConversion' | 'unanswered' | 'consultingBuyers';

export interface MetricRow {
  id: MetricId;
  /** Rates as 0..1, the average in seconds, counts as counts. */
  value: number | null;
  target: number | null;
  kind: 'rate' | 'seconds' | 'count';
  grade: Grade;
}

/**
 * `counting: false` (now is outside the service window): the rows keep their values but no grade, so an
 * unanswered count of 0 is not shown green while buyers wait whose messages do not count.
 */
export function metricRows(m: Metrics, t: Targets, { counting = true }: { counting?: boolean } = {}): MetricRow[] {
  const rows = gradedRows(m, t);
  return counting ? rows : rows.map((row) => ({ ...row, grade: 'none' as const }));
}

function gradedRows(m: Metrics, t: Targets): MetricRow[] {
  const avg = m.avgResponseMs === null ? null : m.avgResponseMs / 1000;
  const rate = (id: MetricId, value: number | null, target: number): MetricRow => ({ id, value, target, kind: 'rate', grade: grade(value, target, true) });
  return [
    rate('rate30', m.rates['30'], t.rate30),
    rate('rate180', m.rates['180'], t.rate180),
    rate('rate300', m.rates['300'], t.rate300),
    { id: 'avgResponse', value: avg, target: t.avgResponseSec, kind: 'seconds', grade: grade(avg, t.avgResponseSec, false) },
    rate('effectiveReplyRate', m.effectiveReplyRate, t.effectiveReplyRate),
    rate('inquiryConversion', m.inquiryConversion, t.inquiryConversion),
    { id: 'unanswered', value: m.unanswered, target: null, kind: 'count', grade: m.unanswered ? 'poor' : 'good' },
    { id: 'consultingBuyers', value: m.consultingBuyers, target: null, kind: 'count', grade: 'none' },
  ];
}

/**
 * CSV of the metric rows, one line per metric, with the period and counting named on each line. The
 * profile id is the agent's own text, so every cell goes through `csvCell` like every CSV this writes.
 */
export function metricsCsv(rows: readonly MetricRow[], meta: { periodStart: number; periodEnd: number; profile: string; timeZone: string }): string {
  const lines = [['period_start', 'period_end', 'profile', 'time_zone', 'metric', 'value', 'target', 'status']];
  for (const r of rows) {
    lines.push([new Date(meta.periodStart).toISOString(), new Date(meta.periodEnd).toISOString(), meta.profile, meta.timeZone, r.id, r.value === null ? '' : String(r.value), r.target === null ? '' : String(r.target), r.grade]);
  }
  return csvFile(lines);
}
