import { describe, expect, test } from 'vitest';
import { envelope, createClient } from '@/lib/messaging';
import { dispatch, parseRequest } from '@/lib/protocol';
import { RefusalError } from '@/lib/refusal';
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
    expect(await dispatch(handlers, envelope('chat.events', { site: 'demo', shopId: 's', events: [event] }))).toEqual({ ok: true, data: { added: 1, waits: [], rejected: [], queue: { waits: [], total: 0 } } });
  });

  test('a request from a page with a wrong field is refused for good (not to be resent), naming the field', async () => {
    const reply = await dispatch(handlers, envelope('chat.events', { site: 'demo', shopId: 's', events: 'all of them' as never }));
    expect(reply).toMatchObject({ ok: false, refused: true });
    expect((reply as { error: string }).error).toMatch(/chat\.events.*events/s);
    const send = createClient((message) => dispatch(handlers, message));
    await expect(send('chat.events', { site: '', shopId: 's', events: [] })).rejects.toBeInstanceOf(RefusalError);
  });

  test('a handler that fails for now (a full disk) is not a refusal: the sender keeps the events and retries', async () => {
    const full = stubHandlers({ 'chat.events': async () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) });
    const reply = await dispatch(full, envelope('chat.events', { site: 'demo', shopId: 's', events: [event] }));
    expect(reply).toEqual({ ok: false, error: 'The quota has been exceeded.' });
    const send = createClient((message) => dispatch(full, message));
    await expect(send('chat.events', { site: 'demo', shopId: 's', events: [event] })).rejects.not.toBeInstanceOf(RefusalError);
  });

  test('an unknown message name is refused; a message that is not ours is left alone', async () => {
    expect(await dispatch(handlers, { kefu: 1, name: 'db.drop', payload: {} })).toEqual({ ok: false, error: 'unknown message "db.drop"', refused: true });
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
