import { describe, expect, test } from 'vitest';
import {
  advanceCase,
  AFTER_SALE_TEXTS,
  AfterSaleCaseSchema,
  CASE_ERROR_KEYS,
  CASE_STEPS,
  CASE_TYPES,
  checkCaseDraft,
  DEFAULT_STEP_LIMITS,
  openCase,
  recordComplaint,
  recordIntervention,
  RESOLUTIONS,
  staleReminders,
  suggestedResolutions,
  type AfterSaleCase,
} from '@/lib/after-sale';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 11, 1, 2, 0);
const form = { orderNumber: ' 4021889310012 ', type: 'qualityProblem', product: '羊毛围巾', amount: '89.90', reason: '起球' };

function opened(change: Record<string, unknown> = {}, at = T0, id = 'c1'): AfterSaleCase {
  const check = checkCaseDraft({ ...form, ...change });
  if (!check.ok) throw new Error(JSON.stringify(check.errors));
  return openCase(check.draft, id, at);
}
function moved(c: AfterSaleCase, ...args: Parameters<typeof advanceCase> extends [unknown, ...infer R] ? R : never): AfterSaleCase {
  const result = advanceCase(c, ...args);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('the case form', () => {
  test('a good form opens a case at first contact, amount read as a number, CNY by default', () => {
    const c = opened({ buyerName: '小王' });
    expect(c).toMatchObject({ orderNumber: '4021889310012', amount: 89.9, currency: 'CNY', step: 'firstContact', openedAt: T0, buyerName: '小王', resolution: null, complaint: false });
    expect(c.steps).toEqual({ firstContact: { at: T0, note: '' } });
    expect('conversationId' in c).toBe(false); // stored as-is in Dexie: no undefined-valued fields
    expect(AfterSaleCaseSchema.safeParse(c).success).toBe(true);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  test.each([
    ['a missing order number', { orderNumber: '  ' }, { orderNumber: 'afterSale.error.orderNumberRequired' }],
    ['an order number with other characters', { orderNumber: '4021-8893' }, { orderNumber: 'afterSale.error.orderNumberChars' }],
    ['an amount that is not a number', { amount: '12,5' }, { amount: 'afterSale.error.amountNotANumber' }],
    ['an empty amount', { amount: '' }, { amount: 'afterSale.error.amountNotANumber' }],
    ['a negative amount', { amount: '-3' }, { amount: 'afterSale.error.amountNegative' }],
    ['an unknown type', { type: 'fraud' }, { type: 'afterSale.error.typeRequired' }],
    ['no product', { product: '' }, { product: 'afterSale.error.productRequired' }],
    ['a currency name', { currency: 'yuan' }, { currency: 'afterSale.error.currency' }],
  ])('%s is an error key on that field', (_, change, errors) => {
    expect(checkCaseDraft({ ...form, ...change })).toEqual({ ok: false, errors });
  });

  test('every bad field is named at once', () => {
    const check = checkCaseDraft({ orderNumber: '', type: 'x', product: '', amount: 'abc' });
    expect(!check.ok && Object.keys(check.errors).sort()).toEqual(['amount', 'orderNumber', 'product', 'type']);
  });

  test('one order can hold several cases', () => {
    const cases = [opened({}, T0, 'a'), opened({ type: 'postageDispute' }, T0 + 1, 'b')];
    expect(new Set(cases.map((c) => c.orderNumber)).size).toBe(1);
    expect(cases.map((c) => c.type)).toEqual(['qualityProblem', 'postageDispute']);
  });
});

describe('steps', () => {
  test('move forward one step at a time, each with its time and note', () => {
    let c = opened();
    c = moved(c, 'goodsReceived', T0 + HOUR, '退货已签收');
    c = moved(c, 'problemConfirmed', T0 + 2 * HOUR, '确认起球');
    c = moved(c, 'resolved', T0 + 3 * HOUR, '', 'repair');
    expect(c.step).toBe('resolved');
    expect(c.resolution).toBe('repair');
    expect(CASE_STEPS.map((s) => c.steps[s]?.at)).toEqual([T0, T0 + HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR]);
    expect(c.steps.goodsReceived?.note).toBe('退货已签收');
    expect(AfterSaleCaseSchema.safeParse(c).success).toBe(true);
  });

  test('may jump forward: a logistics question resolves straight away, the skipped steps stay without a time', () => {
    const c = moved(opened({ type: 'logistics' }), 'resolved', T0 + 60_000, '已告知物流', 'refund');
    expect(Object.keys(c.steps)).toEqual(['firstContact', 'resolved']);
    expect(AfterSaleCaseSchema.safeParse(c).success).toBe(true);
  });

  test.each([
    ['backwards', (c: AfterSaleCase) => advanceCase(moved(c, 'problemConfirmed', T0 + HOUR), 'goodsReceived', T0 + 2 * HOUR), 'afterSale.error.stepBackwards'],
    ['to the same step', (c: AfterSaleCase) => advanceCase(c, 'firstContact', T0 + HOUR), 'afterSale.error.stepSame'],
    ['out of a resolved case', (c: AfterSaleCase) => advanceCase(moved(c, 'resolved', T0 + HOUR, '', 'refund'), 'problemConfirmed', T0 + 2 * HOUR), 'afterSale.error.stepBackwards'],
    ['resolved without a resolution', (c: AfterSaleCase) => advanceCase(c, 'resolved', T0 + HOUR), 'afterSale.error.resolutionRequired'],
    ['a resolution before resolving', (c: AfterSaleCase) => advanceCase(c, 'goodsReceived', T0 + HOUR, '', 'refund'), 'afterSale.error.resolutionNotResolved'],
    ['a time before the current step', (c: AfterSaleCase) => advanceCase(c, 'goodsReceived', T0 - 1), 'afterSale.error.timeBeforePrevious'],
    ['an unknown step', (c: AfterSaleCase) => advanceCase(c, 'shipped' as never, T0 + HOUR), 'afterSale.error.stepUnknown'],
  ])('a step %s is refused with an error key, the case unchanged', (_, change, error) => {
    const c = opened();
    const before = structuredClone(c);
    expect(change(c)).toEqual({ ok: false, error });
    expect(c).toEqual(before);
  });

  test('platform intervention and complaint are recorded; a ruling needs an intervention', () => {
    const c = recordComplaint(recordIntervention(opened(), 'shop', T0 + HOUR), T0 + 2 * HOUR);
    expect(c).toMatchObject({ platformIntervened: true, ruledAgainst: 'shop', complaint: true, updatedAt: T0 + 2 * HOUR });
    const bad = AfterSaleCaseSchema.safeParse({ ...opened(), ruledAgainst: 'shop' });
    expect(!bad.success && bad.error.issues[0]!.message).toBe('afterSale.error.rulingWithoutIntervention');
  });

  test('a stored case whose steps disagree with its step is refused', () => {
    const c = opened();
    const early = AfterSaleCaseSchema.safeParse({ ...c, steps: { ...c.steps, resolved: { at: T0 + 1, note: '' } } });
    expect(!early.success && early.error.issues[0]).toMatchObject({ path: ['steps', 'resolved'], message: 'afterSale.error.stepTimes' });
    const unordered = AfterSaleCaseSchema.safeParse({ ...c, step: 'goodsReceived', steps: { ...c.steps, goodsReceived: { at: T0 - 1, note: '' } } });
    expect(!unordered.success && unordered.error.issues[0]!.message).toBe('afterSale.error.timeBeforePrevious');
  });
});

test('repair is suggested first when the buyer agrees to one', () => {
  expect(suggestedResolutions('qualityProblem', true)[0]).toBe('repair');
  expect(suggestedResolutions('qualityProblem', false)).not.toContain('repair');
  expect(suggestedResolutions('wrongItem', true)[0]).toBe('exchange');
  for (const type of CASE_TYPES) for (const agrees of [true, false]) expect(suggestedResolutions(type, agrees).every((r) => RESOLUTIONS.includes(r))).toBe(true);
});

describe('staleReminders', () => {
  const limits = DEFAULT_STEP_LIMITS; // firstContact 2 h, goodsReceived 24 h, problemConfirmed 24 h

  test('a case in its step longer than the step limit is stale; exactly at the limit is not', () => {
    const fresh = opened({ orderNumber: 'A1' }, T0, 'a');
    expect(staleReminders([fresh], limits, T0 + 2 * HOUR)).toEqual([]);
    expect(staleReminders([fresh], limits, T0 + 2 * HOUR + 1)).toEqual([{ caseId: 'a', orderNumber: 'A1', step: 'firstContact', since: T0, overdueMs: 1 }]);
  });

  test('counts from when the case entered its current step, and the most overdue comes first', () => {
    const received = moved(opened({ orderNumber: 'B2' }, T0, 'b'), 'goodsReceived', T0 + 10 * HOUR);
    const waiting = opened({ orderNumber: 'A1' }, T0, 'a');
    const now = T0 + 30 * HOUR;
    // b entered goodsReceived 20 h ago (limit 24 h): not stale yet, though opened 30 h ago
    expect(staleReminders([received, waiting], limits, now).map((r) => r.caseId)).toEqual(['a']);
    expect(staleReminders([received, waiting], limits, T0 + 40 * HOUR).map((r) => [r.caseId, r.overdueMs / HOUR])).toEqual([
      ['a', 38],
      ['b', 6],
    ]);
  });

  test('resolved cases and steps without a limit are never stale', () => {
    const resolved = moved(opened(), 'resolved', T0 + HOUR, '', 'refund');
    expect(staleReminders([resolved, opened({}, T0, 'x')], { goodsReceived: HOUR }, T0 + 1000 * HOUR)).toEqual([]);
  });
});

test('every error key, type, step and resolution has zh and en text', () => {
  const keys = [...CASE_ERROR_KEYS, ...CASE_TYPES.map((t) => `afterSale.type.${t}`), ...CASE_STEPS.map((s) => `afterSale.step.${s}`), ...RESOLUTIONS.map((r) => `afterSale.resolution.${r}`)];
  for (const key of keys) expect([key, Boolean((AFTER_SALE_TEXTS as Record<string, { zh: string; en: string }>)[key]?.zh && (AFTER_SALE_TEXTS as Record<string, { zh: string; en: string }>)[key]?.en)]).toEqual([key, true]);
});
