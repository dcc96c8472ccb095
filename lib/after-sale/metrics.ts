import { CASE_STEPS, CASE_TYPES, type AfterSaleCase, type CaseStep, type CaseType } from './case';

/**
 * After-sale figures, counted as DOMAIN.md defines the platform metrics, over the shop's own case records:
 *
 * - Average refund time: mean of (resolved - first contact) over the cases resolved by refund whose
 *   resolution falls in the last 30 days (DOMAIN.md: "the successful refunds of the last 30 days").
 * - Dispute refund rate: refunds in which the platform stepped in and ruled against the shop / all refunds
 *   (DOMAIN.md's definition, with "all refunds" = cases resolved by refund).
 * - Complaint rate: cases with a complaint / cases. DOMAIN.md's platform figure divides by buyers served,
 *   which the case records do not know; this is the share of after-sale cases that became complaints.
 *
 * A rate with nothing to divide by is null (shown as "no data"), never 0.
 */

export const DAY_MS = 86_400_000;

export interface Rate {
  count: number;
  of: number;
  rate: number | null;
}

const rate = (count: number, of: number): Rate => ({ count, of, rate: of === 0 ? null : count / of });

export interface AfterSaleSummary {
  averageRefundTime: { refunds: number; meanMs: number | null };
  disputeRefundRate: Rate;
  complaintRate: Rate;
  byType: Record<CaseType, number>;
  byStep: Record<CaseStep, number>;
}

const isRefund = (c: AfterSaleCase) => c.step === 'resolved' && c.resolution === 'refund';

/** Mean refund time of refunds resolved in (now - days, now]. */
export function averageRefundTime(cases: readonly AfterSaleCase[], now: number, days = 30): { refunds: number; meanMs: number | null } {
  const from = now - days * DAY_MS;
  const durations = cases.filter(isRefund).flatMap((c) => {
    const at = c.steps.resolved!.at;
    return at > from && at <= now ? [at - c.steps.firstContact.at] : [];
  });
  return { refunds: durations.length, meanMs: durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : null };
}

/** All the figures over the given cases (choose the period by the cases passed in, e.g. `casesOpenedIn`). */
export function afterSaleSummary(cases: readonly AfterSaleCase[], now: number): AfterSaleSummary {
  const refunds = cases.filter(isRefund);
  const byType = Object.fromEntries(CASE_TYPES.map((t) => [t, 0])) as Record<CaseType, number>;
  const byStep = Object.fromEntries(CASE_STEPS.map((s) => [s, 0])) as Record<CaseStep, number>;
  for (const c of cases) {
    byType[c.type]++;
    byStep[c.step]++;
  }
  return {
    averageRefundTime: averageRefundTime(cases, now),
    disputeRefundRate: rate(refunds.filter((c) => c.platformIntervened && c.ruledAgainst === 'shop').length, refunds.length),
    complaintRate: rate(cases.filter((c) => c.complaint).length, cases.length),
    byType,
    byStep,
  };
}

/** The cases opened in [start, end). */
export function casesOpenedIn(cases: readonly AfterSaleCase[], start: number, end: number): AfterSaleCase[] {
  return cases.filter((c) => c.openedAt >= start && c.openedAt < end);
}

export interface ProblemRow {
  type: CaseType;
  reason: string;
  count: number;
}
export interface ProductProblems {
  product: string;
  total: number;
  problems: ProblemRow[];
}

/** Reasons typed by hand differ in spaces and letter case; they count as one, shown as first written. */
const reasonKey = (reason: string) => reason.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Problem mining (DOMAIN.md): per product, the case types and reasons of the cases opened in [start, end),
 * most frequent first; products with the most cases first. A product with many cases for one reason
 * ("colour differs from the photos") needs its listing fixed. Ties are sorted by name so the chart is stable.
 */
export function problemsByProduct(cases: readonly AfterSaleCase[], start: number, end: number): ProductProblems[] {
  const products = new Map<string, { product: string; rows: Map<string, ProblemRow> }>();
  for (const c of casesOpenedIn(cases, start, end)) {
    const productKey = c.product.trim().toLowerCase();
    let entry = products.get(productKey);
    if (!entry) products.set(productKey, (entry = { product: c.product.trim(), rows: new Map() }));
    const key = `${c.type}\u0000${reasonKey(c.reason)}`;
    const row = entry.rows.get(key);
    if (row) row.count++;
    else entry.rows.set(key, { type: c.type, reason: c.reason.trim().replace(/\s+/g, ' '), count: 1 });
  }
  const byCount = (a: { count: number; name: string }, b: { count: number; name: string }) => b.count - a.count || a.name.localeCompare(b.name);
  return [...products.values()]
    .map(({ product, rows }) => {
      const problems = [...rows.values()].sort((a, b) => byCount({ count: a.count, name: `${a.type} ${a.reason}` }, { count: b.count, name: `${b.type} ${b.reason}` }));
      return { product, total: problems.reduce((n, p) => n + p.count, 0), problems };
    })
    .sort((a, b) => byCount({ count: a.total, name: a.product }, { count: b.total, name: b.product }));
}
