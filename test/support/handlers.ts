import type { Handlers } from '@/lib/protocol';
import { defaultSnippets } from '@/lib/snippets/defaults';

/** Handlers that answer from fixed data, for tests of the sending side; override the ones a test is about. */
export function stubHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'chat.events': async ({ events }) => ({ added: events.length, waits: [] }),
    'chat.conversations': async () => ({ waits: [] }),
    'alerts.refresh': async () => ({ text: '', color: null }),
    'snippets.list': async () => defaultSnippets,
    'snippets.used': async () => ({ uses: 1 }),
    'day.summary': async () => ({ events: 0, buyers: 0, buyerMessages: 0, orders: 0, lastEventAt: null }),
    ...overrides,
  };
}
