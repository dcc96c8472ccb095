import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, test, vi } from 'vitest';
import { App } from '@/entrypoints/popup/App';
import { createClient } from '@/lib/messaging';
import { dispatch, type Handlers } from '@/lib/protocol';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { stubHandlers } from '../support/handlers';

function client(summary: Awaited<ReturnType<Handlers['day.summary']>> | Error) {
  const handlers = stubHandlers({
    'day.summary': async () => {
      if (summary instanceof Error) throw summary;
      return summary;
    },
  });
  return createClient((message) => dispatch(handlers, message));
}

describe('popup', () => {
  test('shows today’s figures from the worker', async () => {
    render(<App send={client({ events: 12, buyers: 3, buyerMessages: 7, orders: 1, lastEventAt: Date.now() })} openOptions={vi.fn()} />);
    await waitFor(() => expect(screen.getByText('咨询买家').nextElementSibling?.textContent).toBe('3'));
    expect(screen.getByText('买家消息').nextElementSibling?.textContent).toBe('7');
    expect(screen.getByText('看到的下单').nextElementSibling?.textContent).toBe('1');
    expect(screen.getAllByRole('button', { name: /复制/ })).toHaveLength(defaultSnippets.length);
  });

  test('says plainly when nothing was recorded yet', async () => {
    render(<App send={client({ events: 0, buyers: 0, buyerMessages: 0, orders: 0, lastEventAt: null })} openOptions={vi.fn()} />);
    await screen.findByText(/今天还没有记录/);
  });

  test('shows why the figures could not be read', async () => {
    render(<App send={client(new Error('Receiving end does not exist.'))} openOptions={vi.fn()} />);
    expect((await screen.findByRole('alert')).textContent).toBe('读取数据失败：Receiving end does not exist.');
  });
});
