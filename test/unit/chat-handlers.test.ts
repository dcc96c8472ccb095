import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { KefuDatabase } from '@/lib/db';
import { envelope } from '@/lib/messaging';
import { dispatch } from '@/lib/protocol';
import { chatEvent } from '../support/events';
import { workerHandlers } from '../support/handlers';

const NOW = Date.UTC(2026, 10, 23, 6);
const SHOP = { site: 'demo', shopId: 'shop-a' };
let db: KefuDatabase;
let n = 0;

const handlers = () => workerHandlers(db, NOW);
const at = (s: number) => NOW - 60_000 + s * 1000;

beforeEach(() => {
  db = new KefuDatabase(`chat-handlers-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

describe('recording never stops on one odd message', () => {
  test('oversized text, name and order number are stored cut to their limits, with their original lengths', async () => {
    const long = chatEvent('m1', { at: at(0), text: '好'.repeat(10_001), buyerName: 'n'.repeat(201), orderNumber: '9'.repeat(101) });
    const reply = await dispatch(handlers(), envelope('chat.events', { ...SHOP, events: [long, chatEvent('m2', { at: at(5), text: '在吗' })] }), { tabId: 1 });
    expect(reply).toMatchObject({ ok: true, data: { added: 2, rejected: [] } });
    const stored = await db.events.get('m1');
    expect(stored?.text).toHaveLength(10_000);
    expect(stored?.buyerName).toHaveLength(200);
    expect(stored?.orderNumber).toHaveLength(100);
    expect(stored?.cut).toEqual({ text: 10_001, buyerName: 201, orderNumber: 101 });
    expect(await db.events.get('m2')).toBeDefined();
  });

  test('an over-long id is shortened the same way every time: a message read twice is stored once', async () => {
    const id = `demo:shop-a:${'x'.repeat(300)}`;
    const h = handlers();
    await dispatch(h, envelope('chat.events', { ...SHOP, events: [chatEvent(id, { at: at(0), conversationId: 'c'.repeat(250) })] }));
    const again = await dispatch(h, envelope('chat.events', { ...SHOP, events: [chatEvent(id, { at: at(0), conversationId: 'c'.repeat(250) })] }));
    expect(again).toMatchObject({ ok: true, data: { added: 0 } });
    expect(await db.events.count()).toBe(1);
    const [stored] = await db.events.toArray();
    expect(stored!.id.length).toBeLessThanOrEqual(200);
    expect(stored!.conversationId.length).toBeLessThanOrEqual(200);
  });

  test('a batch with one event that cannot be stored keeps the others and names the bad one', async () => {
    const events = [chatEvent('m1', { at: at(0) }), { ...chatEvent('m2'), at: null }, chatEvent('m3', { at: at(9), sender: 'shop' })];
    const reply = await dispatch(handlers(), envelope('chat.events', { ...SHOP, events: events as never }));
    expect(reply).toMatchObject({ ok: true, data: { added: 2, rejected: [{ id: 'm2' }] } });
    expect((reply as { data: { rejected: { error: string }[] } }).data.rejected[0]!.error).toMatch(/\[1\] at/);
    expect((await db.events.toArray()).map((e) => e.id).sort()).toEqual(['m1', 'm3']);
  });

  test('one long name in the conversation list does not hold back the rest of the list', async () => {
    const conversations = [
      { conversationId: 'b1', buyerName: '名'.repeat(500), unread: 1, waitingSince: at(0) },
      { conversationId: 'b2', buyerName: '小林', unread: 2, waitingSince: at(3) },
      { conversationId: 'b3', buyerName: '坏', unread: -1, waitingSince: at(3) },
    ];
    const reply = await dispatch(handlers(), envelope('chat.conversations', { ...SHOP, conversations }), { tabId: 1 });
    expect(reply).toMatchObject({ ok: true, data: { rejected: [{ id: 'b3' }] } });
    const waits = (reply as { data: { waits: { conversationId: string; buyerName: string }[] } }).data.waits;
    expect(waits.map((w) => w.conversationId).sort()).toEqual(['b1', 'b2']);
    expect(waits.find((w) => w.conversationId === 'b1')!.buyerName).toHaveLength(200);
  });

  test("a tab that starts claiming another shop is refused for good, and that shop's waits are untouched", async () => {
    const h = handlers();
    await dispatch(h, envelope('chat.conversations', { site: 'demo', shopId: 'shop-b', page: 'p2', conversations: [{ conversationId: 'b9', buyerName: '阿花', unread: 1, waitingSince: at(0) }] }), { tabId: 2 });
    await dispatch(h, envelope('chat.events', { ...SHOP, page: 'p1', events: [chatEvent('m1', { at: at(0) })] }), { tabId: 1 });
    const reply = await dispatch(h, envelope('chat.conversations', { site: 'demo', shopId: 'shop-b', page: 'p1', conversations: [] }), { tabId: 1 });
    expect(reply).toMatchObject({ ok: false, refused: true });
    expect(await db.waits.where('[site+shopId]').equals(['demo', 'shop-b']).count()).toBe(1);
  });
});

describe('one queue across shops and consoles', () => {
  test('every shop’s waiting buyers in one list, most urgent first, told to the consoles only when it changes', async () => {
    const told: number[] = [];
    const h = workerHandlers(db, NOW, undefined, { queueChanged: (q) => told.push(q.total) });
    await dispatch(h, envelope('chat.conversations', { site: 'demo', shopId: 'shop-b', page: 'p2', conversations: [{ conversationId: 'b9', buyerName: '阿花', unread: 1, waitingSince: at(0) }] }), { tabId: 2 });
    const reply = await dispatch(h, envelope('chat.events', { ...SHOP, page: 'p1', events: [chatEvent('m1', { at: at(10) })] }), { tabId: 1 });
    expect(reply).toMatchObject({ ok: true, data: { queue: { total: 2, waits: [{ shopId: 'shop-b', buyerName: '阿花' }, { shopId: 'shop-a' }] } } });
    // The same report again changes nothing: nobody is told, and the reporting tab gets no copy back.
    const again = await dispatch(h, envelope('chat.events', { ...SHOP, page: 'p1', events: [chatEvent('m1', { at: at(10) })] }), { tabId: 1 });
    expect(again).toMatchObject({ ok: true, data: { queue: null } });
    // The same tab reloaded is a new page that has seen nothing: it gets the queue.
    const reloaded = await dispatch(h, envelope('chat.events', { ...SHOP, page: 'p1-reloaded', events: [chatEvent('m1', { at: at(10) })] }), { tabId: 1 });
    expect(reloaded).toMatchObject({ ok: true, data: { queue: { total: 2 } } });
    expect(told).toEqual([1, 2]);
  });

  test('opening a waiting buyer of another shop brings that shop’s tab forward and opens the conversation there', async () => {
    const opened: [number, string][] = [];
    const h = workerHandlers(db, NOW, undefined, { openInTab: async (tabId, conversationId) => (opened.push([tabId, conversationId]), true) });
    await dispatch(h, envelope('chat.conversations', { site: 'demo', shopId: 'shop-b', page: 'p2', conversations: [{ conversationId: 'b9', buyerName: '阿花', unread: 1, waitingSince: at(0) }] }), { tabId: 2 });
    expect(await dispatch(h, envelope('queue.open', { key: 'demo|shop-b|b9' }))).toEqual({ ok: true, data: { opened: true } });
    expect(opened).toEqual([[2, 'b9']]);
    expect(await dispatch(h, envelope('queue.open', { key: 'demo|shop-b|gone' }))).toEqual({ ok: true, data: { opened: false } });
  });
});

describe('adapter health in the popup', () => {
  test('each console tab’s health is kept with the tab and read back with the metrics; it never moves a tab to another shop', async () => {
    const h = workerHandlers(db, NOW);
    await dispatch(h, envelope('chat.events', { ...SHOP, page: 'p1', events: [chatEvent('m1', { at: at(0) })] }), { tabId: 1 });
    const health = { status: 'partly' as const, missing: ['input' as const], unknown: [], off: ['insertion' as const] };
    await dispatch(h, envelope('tab.health', { ...SHOP, health }), { tabId: 1 });
    await dispatch(h, envelope('tab.health', { site: 'demo', shopId: 'other', health: { ...health, status: 'working' } }), { tabId: 1 });
    const view = await dispatch(h, envelope('metrics.get', { view: 'day' }));
    expect(view).toMatchObject({ ok: true, data: { consoles: [{ site: 'demo', shopId: 'shop-a', health }] } });
  });
});
