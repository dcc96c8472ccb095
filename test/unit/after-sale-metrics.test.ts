import { describe, expect, test } from 'vitest';
import { advanceCase, afterSaleSummary, averageRefundTime, casesOpenedIn, checkCaseDraft, DAY_MS, openCase, problemsByProduct, recordComplaint, recordIntervention, type AfterSaleCase, type CaseType, type Resolution } from '@/lib/after-sale';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 2, 12, 0);
let seq = 0;

function kase(o: { type?: CaseType; product?: string; reason?: string; openedAt: number; resolvedAt?: number; resolution?: Resolution; ruled?: 'shop' | 'buyer' | null; complaint?: boolean }): AfterSaleCase {
  const check = checkCaseDraft({ orderNumber: `O${++seq}`, type: o.type ?? 'returnRefund', product: o.product ?? '围巾', amount: '50', reason: o.reason ?? '' });
  if (!check.ok) throw new Error('bad fixture');
  let c = openCase(check.draft, `c${seq}`, o.openedAt);
  if (o.ruled !== undefined) c = recordIntervention(c, o.ruled, o.openedAt);
  if (o.complaint) c = recordComplaint(c, o.openedAt);
  if (o.resolvedAt !== undefined) {
    const r = advanceCase(c, 'resolved', o.resolvedAt, '', o.resolution ?? 'refund');
    if (!r.ok) throw new Error(r.error);
    c = r.value;
  }
  return c;
}

describe('average refund time', () => {
  test('the mean of first contact -> resolved over refunds resolved in the last 30 days', () => {
    const cases = [
      kase({ openedAt: NOW - 5 * DAY_MS, resolvedAt: NOW - 5 * DAY_MS + 2 * HOUR }),
      kase({ openedAt: NOW - 3 * DAY_MS, resolvedAt: NOW - 3 * DAY_MS + 6 * HOUR }),
      kase({ openedAt: NOW - 40 * DAY_MS, resolvedAt: NOW - 31 * DAY_MS }), // resolved before the window
      kase({ openedAt: NOW - 2 * DAY_MS, resolvedAt: NOW - DAY_MS, resolution: 'exchange' }), // not a refund
      kase({ openedAt: NOW - HOUR }), // still open
    ];
    expect(averageRefundTime(cases, NOW)).toEqual({ refunds: 2, meanMs: 4 * HOUR });
  });

  test('a refund opened before the window but resolved inside it counts with its whole duration', () => {
    expect(averageRefundTime([kase({ openedAt: NOW - 35 * DAY_MS, resolvedAt: NOW - 10 * DAY_MS })], NOW)).toEqual({ refunds: 1, meanMs: 25 * DAY_MS });
  });

  test('no refunds: no figure rather than zero', () => {
    expect(averageRefundTime([kase({ openedAt: NOW - HOUR })], NOW)).toEqual({ refunds: 0, meanMs: null });
  });
});

describe('rates and counts', () => {
  test('dispute refund rate = refunds the platform ruled against the shop / all refunds; complaint rate = complaints / cases', () => {
    const cases = [
      kase({ openedAt: NOW - DAY_MS, resolvedAt: NOW - HOUR, ruled: 'shop', complaint: true }),
      kase({ openedAt: NOW - DAY_MS, resolvedAt: NOW - HOUR, ruled: 'buyer' }),
      kase({ openedAt: NOW - DAY_MS, resolvedAt: NOW - HOUR }),
      kase({ openedAt: NOW - DAY_MS, resolvedAt: NOW - HOUR }),
      kase({ openedAt: NOW - DAY_MS, ruled: 'shop', type: 'qualityProblem' }), // ruled against, but no refund yet
      kase({ openedAt: NOW - DAY_MS, resolvedAt: NOW - HOUR, resolution: 'exchange', ruled: 'shop', type: 'wrongItem', complaint: true }),
    ];
    const summary = afterSaleSummary(cases, NOW);
    expect(summary.disputeRefundRate).toEqual({ count: 1, of: 4, rate: 0.25 });
    expect(summary.complaintRate).toEqual({ count: 2, of: 6, rate: 2 / 6 });
    expect(summary.byType).toEqual({ logistics: 0, returnRefund: 4, missingItem: 0, postageDispute: 0, qualityProblem: 1, wrongItem: 1 });
    expect(summary.byStep).toEqual({ firstContact: 1, goodsReceived: 0, problemConfirmed: 0, resolved: 5 });
  });

  test('no cases: rates are null, counts zero', () => {
    const summary = afterSaleSummary([], NOW);
    expect([summary.disputeRefundRate.rate, summary.complaintRate.rate, summary.byStep.resolved]).toEqual([null, null, 0]);
  });
});

describe('problem mining', () => {
  test('per product, types and reasons by count; products with most cases first; the period limits it', () => {
    const cases = [
      kase({ product: '连衣裙', type: 'returnRefund', reason: '颜色与图片不符', openedAt: NOW - DAY_MS }),
      kase({ product: '连衣裙', type: 'returnRefund', reason: ' 颜色与图片不符 ', openedAt: NOW - 2 * DAY_MS }),
      kase({ product: '连衣裙', type: 'returnRefund', reason: '颜色与图片不符', openedAt: NOW - 3 * DAY_MS }),
      kase({ product: '连衣裙', type: 'qualityProblem', reason: '掉线头', openedAt: NOW - DAY_MS }),
      kase({ product: 'Scarf', type: 'wrongItem', reason: 'Wrong colour', openedAt: NOW - DAY_MS }),
      kase({ product: 'scarf ', type: 'wrongItem', reason: 'wrong  colour', openedAt: NOW - DAY_MS }),
      kase({ product: '连衣裙', type: 'qualityProblem', reason: '掉线头', openedAt: NOW - 60 * DAY_MS }), // outside the period
    ];
    expect(problemsByProduct(cases, NOW - 30 * DAY_MS, NOW)).toEqual([
      { product: '连衣裙', total: 4, problems: [{ type: 'returnRefund', reason: '颜色与图片不符', count: 3 }, { type: 'qualityProblem', reason: '掉线头', count: 1 }] },
      { product: 'Scarf', total: 2, problems: [{ type: 'wrongItem', reason: 'Wrong colour', count: 2 }] },
    ]);
  });

  test('casesOpenedIn is [start, end)', () => {
    const cases = [kase({ openedAt: NOW - DAY_MS }), kase({ openedAt: NOW })];
    expect(casesOpenedIn(cases, NOW - DAY_MS, NOW).map((c) => c.openedAt)).toEqual([NOW - DAY_MS]);
  });
});
