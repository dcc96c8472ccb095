import { describe, expect, test } from 'vitest';
import { envelope, createClient } from '@/lib/messaging';
import { dispatch, parseRequest } from '@/lib/protocol';
import { stubHandlers } from '../support/handlers';

const event = {
  id: 'demo:s:b1-m1', site: 'demo', shopId: 's', conversationId: 'b1', buyerName: '小鱼', type: 'message',
  sender: 'buyer', auto: false, at: 1_700_000_000_000, atSource: 'page', text: '在吗',
} as const;

const handlers = stubHandlers({
  'snippets.used': async ({ id }) => {
    throw new Error(`no snippet "${id}"`);
  },
});

describe('message protocol', () => {
  test('a valid request reaches its handler', async () => {
    expect(await dispatch(handlers, envelope('chat.events', { site: 'demo', shopId: 's', events: [event] }))).toEqual({ ok: true, data: { added: 1, waits: [] } });
  });

  test('a request from a page with a wrong field is refused, naming the field', async () => {
    const reply = await dispatch(handlers, envelope('chat.events', { site: 'demo', shopId: 's', events: [{ ...event, sender: 'robot' as never }] }));
    expect(reply).toMatchObject({ ok: false });
    expect((reply as { error: string }).error).toMatch(/chat\.events.*events.*0.*sender/s);
  });

  test('an unknown message name is refused; a message that is not ours is left alone', async () => {
    expect(await dispatch(handlers, { kefu: 1, name: 'db.drop', payload: {} })).toEqual({ ok: false, error: 'unknown message "db.drop"' });
    expect(parseRequest({ type: 'something-else' })).toBeNull();
    expect(await dispatch(handlers, 'hello')).toBeUndefined();
  });

  test('the sender’s tab reaches the handler', async () => {
    let seen: number | undefined;
    const h = stubHandlers({ 'alerts.refresh': async (_, { tabId }) => ((seen = tabId), { text: '', color: null }) });
    await dispatch(h, envelope('alerts.refresh', {}), { tabId: 7 });
    expect(seen).toBe(7);
  });

  test('a handler that throws becomes an error reply, and the client throws it with its text', async () => {
    const send = createClient((message) => dispatch(handlers, message));
    await expect(send('snippets.used', { id: 'gone' })).rejects.toThrow('no snippet "gone"');
    await expect(createClient(async () => undefined)('metrics.get', { view: 'day' })).rejects.toThrow('no answer from the background worker');
  });
});
