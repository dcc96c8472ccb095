import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ChatEvent } from '@/lib/chat-event';
import { KefuDatabase } from '@/lib/db';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { createHandlers } from '@/lib/worker-handlers';

const NOW = new Date(2026, 10, 23, 15, 0, 0).getTime();
let db: KefuDatabase;
let name = 0;

function ev(id: string, change: Partial<ChatEvent> = {}): ChatEvent {
  return {
    id, site: 'demo', shopId: 'shop-a', conversationId: 'b1', buyerName: '小鱼', type: 'message',
    sender: 'buyer', auto: false, at: NOW - 60_000, atSource: 'page', text: '在吗', ...change,
  };
}

beforeEach(() => {
  db = new KefuDatabase(`test-${name++}`);
});
afterEach(async () => {
  await db.delete();
});

describe('background handlers', () => {
  test('an event reported again (re-render, reload) is stored once and keeps its first record', async () => {
    const h = createHandlers(db, () => NOW);
    expect(await h['chat.events']({ events: [ev('a'), ev('b'), ev('a')] })).toEqual({ added: 2 });
    expect(await h['chat.events']({ events: [ev('a', { at: NOW, atSource: 'seen' }), ev('c')] })).toEqual({ added: 1 });
    expect(await db.events.count()).toBe(3);
    expect((await db.events.get('a'))!.at).toBe(NOW - 60_000);
  });

  test('the day summary counts today’s buyers, buyer messages and orders, shop by shop', async () => {
    const h = createHandlers(db, () => NOW);
    await h['chat.events']({
      events: [
        ev('1'),
        ev('2', { sender: 'shop', auto: true }),
        ev('3', { conversationId: 'b2' }),
        ev('4', { shopId: 'shop-b' }), // same conversation id in another shop: another buyer
        ev('5', { type: 'order', sender: 'system', orderNumber: '26001' }),
        ev('6', { at: NOW - 86_400_000 }), // yesterday
      ],
    });
    expect(await h['day.summary']({})).toEqual({ events: 5, buyers: 3, buyerMessages: 3, orders: 1, lastEventAt: NOW - 60_000 });
  });

  test('a new database holds the default snippets in order, and use is counted', async () => {
    const h = createHandlers(db, () => NOW);
    const all = await h['snippets.list']({});
    expect(all.map((s) => s.id)).toEqual(defaultSnippets.map((s) => s.id));
    expect((await h['snippets.list']({ lang: 'en' })).every((s) => s.lang === 'en')).toBe(true);
    expect(await h['snippets.used']({ id: 'zh-greeting' })).toEqual({ uses: 1 });
    expect(await h['snippets.used']({ id: 'zh-greeting' })).toEqual({ uses: 2 });
    expect((await db.snippets.get('zh-greeting'))!.lastUsedAt).toBe(NOW);
    await expect(h['snippets.used']({ id: 'nope' })).rejects.toThrow('no snippet "nope"');
  });
});

describe('database schema', () => {
  test('version 1 has the tables and indexes the worker queries', async () => {
    await db.open();
    expect(db.verno).toBe(1);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['events', 'snippets']);
    expect(db.events.schema.indexes.map((i) => i.name).sort()).toEqual(['[shopId+conversationId+at]', 'at']);
  });

  test('reopening keeps what was stored and does not seed the snippets again', async () => {
    await db.snippets.delete('zh-greeting');
    await db.events.add(ev('kept'));
    db.close();
    const again = new KefuDatabase(db.name);
    expect(await again.events.get('kept')).toBeDefined();
    expect(await again.snippets.get('zh-greeting')).toBeUndefined();
    again.close();
  });
});
