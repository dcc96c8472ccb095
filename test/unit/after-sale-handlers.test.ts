import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { casesToJson, nextStaleAt, parseCasesJson, type AfterSaleCase } from '@/lib/after-sale';
import { createAfterSaleHandlers, stepLimitsOf } from '@/lib/after-sale-handlers';
import { KefuDatabase } from '@/lib/db';
import { envelope } from '@/lib/messaging';
import { dispatch, type Handlers } from '@/lib/protocol';
import { defaultAfterSaleSettings, type AfterSaleSettings } from '@/lib/settings';

const T0 = Date.UTC(2026, 11, 1, 2);
const MIN = 60_000;
let db: KefuDatabase;
let n = 0;
let now = T0;
let settings: AfterSaleSettings = defaultAfterSaleSettings;
let changes = 0;
let ids = 0;

const handlers = () => createAfterSaleHandlers({ db, settings: () => settings, now: () => now, newId: () => `case-${++ids}`, changed: () => void changes++ }) as unknown as Handlers;
async function call<T>(name: string, payload: unknown): Promise<T> {
  const reply = await dispatch(handlers(), envelope(name as 'cases.list', payload as never));
  if (!reply?.ok) throw new Error(`${name}: ${reply ? reply.error : 'no answer'}`);
  return reply.data as T;
}
const draft = (change: Record<string, string> = {}) => ({ orderNumber: '240501123', type: 'qualityProblem', product: '保温杯 500ml', amount: '59.00', reason: '杯盖漏水', conversationId: 'c-1', buyerName: '小鱼儿', ...change });

beforeEach(() => {
  db = new KefuDatabase(`after-sale-handlers-${n++}`);
  now = T0;
  settings = defaultAfterSaleSettings;
  changes = 0;
});
afterEach(async () => {
  await db.delete();
});

describe('a case from the sidebar', () => {
  test('is opened on the order, found by its conversation and by its order, and one order holds several', async () => {
    const first = await call<{ ok: true; case: AfterSaleCase }>('cases.open', { draft: draft() });
    expect(first.ok).toBe(true);
    expect(first.case).toMatchObject({ orderNumber: '240501123', step: 'firstContact', amount: 59, currency: 'CNY', conversationId: 'c-1', openedAt: T0 });
    now += MIN;
    await call('cases.open', { draft: draft({ type: 'missingItem', reason: '少了杯套', conversationId: '' }) });
    expect(changes).toBe(2);
    const byConversation = await call<AfterSaleCase[]>('cases.list', { conversationId: 'c-1' });
    expect(byConversation.map((c) => c.type)).toEqual(['qualityProblem']);
    const byOrder = await call<AfterSaleCase[]>('cases.list', { conversationId: 'c-1', orderNumber: '240501123' });
    // Newest first, each once.
    expect(byOrder.map((c) => c.type)).toEqual(['missingItem', 'qualityProblem']);
  });

  test('bad input is named beside each field and nothing is saved', async () => {
    const result = await call<{ ok: false; errors: Record<string, string> }>('cases.open', { draft: draft({ orderNumber: '', amount: 'abc', type: '' }) });
    expect(result).toEqual({ ok: false, errors: { orderNumber: 'afterSale.error.orderNumberRequired', amount: 'afterSale.error.amountNotANumber', type: 'afterSale.error.typeRequired' } });
    const negative = await call<{ ok: false; errors: Record<string, string> }>('cases.open', { draft: draft({ amount: '-5' }) });
    expect(negative.errors).toEqual({ amount: 'afterSale.error.amountNegative' });
    expect(await db.afterSaleCases.count()).toBe(0);
    expect(changes).toBe(0);
  });

  test('moves forward with a time and a note per step, never back, and is resolved only with a resolution', async () => {
    const { case: c } = await call<{ ok: true; case: AfterSaleCase }>('cases.open', { draft: draft() });
    now += 10 * MIN;
    const received = await call<{ ok: true; case: AfterSaleCase }>('cases.advance', { id: c.id, to: 'goodsReceived', note: '已签收退货' });
    expect(received.case.steps.goodsReceived).toEqual({ at: T0 + 10 * MIN, note: '已签收退货' });
    const back = await call<{ ok: false; error: string }>('cases.advance', { id: c.id, to: 'firstContact', note: '' });
    expect(back).toEqual({ ok: false, error: 'afterSale.error.stepBackwards' });
    const noResolution = await call<{ ok: false; error: string }>('cases.advance', { id: c.id, to: 'resolved', note: '' });
    expect(noResolution).toEqual({ ok: false, error: 'afterSale.error.resolutionRequired' });
    expect((await db.afterSaleCases.get(c.id))!.step).toBe('goodsReceived');
    now += 50 * MIN;
    const done = await call<{ ok: true; case: AfterSaleCase }>('cases.advance', { id: c.id, to: 'resolved', note: '', resolution: 'refund' });
    expect(done.case).toMatchObject({ step: 'resolved', resolution: 'refund' });
    const summary = await call<{ summary: { averageRefundTime: { refunds: number; meanMs: number } } }>('cases.summary', { days: 30 });
    expect(summary.summary.averageRefundTime).toEqual({ refunds: 1, meanMs: 60 * MIN });
  });

  test('a step name the protocol does not know is refused at the boundary', async () => {
    const { case: c } = await call<{ ok: true; case: AfterSaleCase }>('cases.open', { draft: draft() });
    const reply = await dispatch(handlers(), envelope('cases.advance', { id: c.id, to: 'shipped' as never, note: '' }));
    expect(reply).toMatchObject({ ok: false, refused: true });
  });

  test('the platform stepping in, its ruling and a complaint count in the rates', async () => {
    const { case: c } = await call<{ ok: true; case: AfterSaleCase }>('cases.open', { draft: draft() });
    await call('cases.platform', { id: c.id, intervened: true });
    await call('cases.platform', { id: c.id, ruledAgainst: 'shop', complaint: true });
    now += MIN;
    await call('cases.advance', { id: c.id, to: 'resolved', note: '', resolution: 'refund' });
    const { summary } = await call<{ summary: { disputeRefundRate: { count: number; of: number }; complaintRate: { count: number; of: number } } }>('cases.summary', { days: 30 });
    expect(summary.disputeRefundRate).toMatchObject({ count: 1, of: 1 });
    expect(summary.complaintRate).toMatchObject({ count: 1, of: 1 });
  });
});

describe('reminders', () => {
  test('a case past its step limit (settings, minutes) is a reminder naming the buyer; resolving it ends the reminder', async () => {
    settings = { ...defaultAfterSaleSettings, stepLimitsMinutes: { firstContact: 5, goodsReceived: 60, problemConfirmed: 60 } };
    const { case: c } = await call<{ ok: true; case: AfterSaleCase }>('cases.open', { draft: draft() });
    now = T0 + 5 * MIN;
    expect(await call('cases.reminders', {})).toEqual([]);
    expect(nextStaleAt(await db.afterSaleCases.toArray(), stepLimitsOf(settings), now)).toBe(T0 + 5 * MIN + 1);
    now = T0 + 7 * MIN;
    expect(await call('cases.reminders', {})).toEqual([{ caseId: c.id, orderNumber: '240501123', step: 'firstContact', since: T0, overdueMs: 2 * MIN, product: '保温杯 500ml', buyerName: '小鱼儿' }]);
    await call('cases.advance', { id: c.id, to: 'resolved', note: '', resolution: 'exchange' });
    expect(await call('cases.reminders', {})).toEqual([]);
    expect(nextStaleAt(await db.afterSaleCases.toArray(), stepLimitsOf(settings), now)).toBeNull();
  });
});

describe('import', () => {
  test('an exported file imports back identical, replacing the same ids', async () => {
    await call('cases.open', { draft: draft() });
    now += MIN;
    await call('cases.open', { draft: draft({ type: 'wrongItem', product: '杯套' }) });
    const before = (await db.afterSaleCases.toArray()).sort((a, b) => a.id.localeCompare(b.id));
    const file = parseCasesJson(casesToJson(before));
    if (!file.ok) throw new Error('export did not parse');
    await db.afterSaleCases.clear();
    expect(await call('cases.import', { cases: file.cases })).toEqual({ added: 2, replaced: 0 });
    expect((await db.afterSaleCases.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(before);
    expect(await call('cases.import', { cases: file.cases })).toEqual({ added: 0, replaced: 2 });
  });

  test('a file with a broken case or the same id twice is refused whole', async () => {
    await call('cases.open', { draft: draft() });
    const [good] = await db.afterSaleCases.toArray();
    const broken = { ...good!, id: 'other', amount: -1 };
    const refused = await dispatch(handlers(), envelope('cases.import', { cases: [{ ...good!, id: 'new' }, broken] }));
    expect(refused).toMatchObject({ ok: false, refused: true });
    const twice = await dispatch(handlers(), envelope('cases.import', { cases: [{ ...good!, id: 'x' }, { ...good!, id: 'x' }] }));
    expect(twice).toMatchObject({ ok: false, error: expect.stringContaining('twice') });
    expect(await db.afterSaleCases.toCollection().primaryKeys()).toEqual([good!.id]);
  });
});
