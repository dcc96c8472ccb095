import { describe, expect, test } from 'vitest';
import { envelope, createClient } from '@/lib/messaging';
import { dispatch, parseRequest, type Handlers } from '@/lib/protocol';

const event = {
  id: 'demo:s:b1-m1', site: 'demo', shopId: 's', conversationId: 'b1', buyerName: '小鱼', type: 'message',
  sender: 'buyer', auto: false, at: 1_700_000_000_000, atSource: 'page', text: '在吗',
} as const;

const handlers: Handlers = {
  'chat.events': async ({ events }) => ({ added: events.length }),
  'snippets.list': async () => [],
  'snippets.used': async ({ id }) => {
    throw new Error(`no snippet "${id}"`);
  },
  'day.summary': async () => ({ events: 0, buyers: 0, buyerMessages: 0, orders: 0, lastEventAt: null }),
};

describe('message protocol', () => {
  test('a valid request reaches its handler', async () => {
    expect(await dispatch(handlers, envelope('chat.events', { events: [event] }))).toEqual({ ok: true, data: { added: 1 } });
  });

  test('a request from a page with a wrong field is refused, naming the field', async () => {
    const reply = await dispatch(handlers, envelope('chat.events', { events: [{ ...event, sender: 'robot' as never }] }));
    expect(reply).toMatchObject({ ok: false });
    expect((reply as { error: string }).error).toMatch(/chat\.events.*events.*0.*sender/s);
  });

  test('an unknown message name is refused; a message that is not ours is left alone', async () => {
    expect(await dispatch(handlers, { kefu: 1, name: 'db.drop', payload: {} })).toEqual({ ok: false, error: 'unknown message "db.drop"' });
    expect(parseRequest({ type: 'something-else' })).toBeNull();
    expect(await dispatch(handlers, 'hello')).toBeUndefined();
  });

  test('a handler that throws becomes an error reply, and the client throws it with its text', async () => {
    const send = createClient((message) => dispatch(handlers, message));
    await expect(send('snippets.used', { id: 'gone' })).rejects.toThrow('no snippet "gone"');
    await expect(createClient(async () => undefined)('day.summary', {})).rejects.toThrow('no answer from the background worker');
  });
});
