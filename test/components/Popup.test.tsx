import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, test, vi } from 'vitest';
import { App } from '@/entrypoints/popup/App';
import { createClient } from '@/lib/messaging';
import { emptyCounters, type Counters } from '@/lib/metrics';
import { finalizeMetrics } from '@/lib/metrics';
import { dispatch, type Handlers } from '@/lib/protocol';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { metricsView, stubHandlers } from '../support/handlers';

function client(overrides: Partial<Handlers>) {
  const handlers = stubHandlers(overrides);
  return createClient((message) => dispatch(handlers, message));
}

const period = metricsView().period;
/** 10 buyer messages: 8 answered within 30 s, 1 within 3 min, 1 never; 4 buyers, 3 effective, 1 ordered. */
function counters(): Counters {
  const c = emptyCounters(period);
  return { ...c, counted: 10, within: [8, 9, 9], answered: 9, waitSumMs: 9 * 12_000, unanswered: 1, consulting: 4, effective: 3, converted: 1 };
}

describe('popup', () => {
  test('shows how well each open console is understood, and opens another shop’s waiting buyer in its tab', async () => {
    const opened: string[] = [];
    const wait = { key: 'demo|shop-b|b9', site: 'demo', shopId: 'shop-b', conversationId: 'b9', buyerName: '阿花', since: metricsView().now - 40_000, messageId: null, source: 'list' as const };
    const consoles = [
      { site: 'demo', shopId: 'shop-a', health: { status: 'working' as const, missing: [], unknown: [], off: [] } },
      { site: 'demo', shopId: 'shop-b', health: { status: 'partly' as const, missing: ['input' as const], unknown: [], off: ['insertion' as const] } },
    ];
    const send = client({
      'metrics.get': async ({ view }) => metricsView({ view, consoles, waits: [wait], waitsTotal: 1 }),
      'queue.open': async ({ key }) => (opened.push(key), { opened: true }),
    });
    render(<App send={send} openOptions={vi.fn()} insertInTab={async () => null} />);
    expect(await screen.findByText('演示 · shop-b')).toBeTruthy();
    expect(screen.getByText('部分可用：找不到 输入框，已关闭 插入话术（可复制后手动粘贴）。')).toBeTruthy();
    expect(screen.getByText('正常')).toBeTruthy();
    fireEvent.click(screen.getByText('阿花'));
    await waitFor(() => expect(opened).toEqual(['demo|shop-b|b9']));
  });

  test('outside the service window, says the waits do not count, grades nothing green, and still lists who waits', async () => {
    // 06:30 in Shanghai: before the default profile's 08:00-23:00.
    const now = Date.UTC(2026, 11, 2, 6 - 8, 30);
    const wait = { key: 'demo|s|b1', site: 'demo', shopId: 's', conversationId: 'b1', buyerName: '早起的买家', since: now - 90_000, messageId: null, source: 'list' as const };
    render(<App send={client({ 'metrics.get': async ({ view }) => metricsView({ view, now, waits: [wait], waitsTotal: 1 }) })} openOptions={vi.fn()} insertInTab={async () => null} />);
    expect(await screen.findByText('不在服务时段 08:00-23:00 内：这些等待不计入平台的回复率。')).toBeTruthy();
    const unanswered = (await screen.findAllByRole('row')).find((r) => r.getAttribute('data-metric') === 'unanswered')!;
    expect(unanswered.className).not.toBe('grade--good');
    expect(screen.getByText('早起的买家')).toBeTruthy();
  });

  test('inside the service window, no such notice', async () => {
    render(<App send={client({ 'metrics.get': async ({ view }) => metricsView({ view }) })} openOptions={vi.fn()} insertInTab={async () => null} />);
    await screen.findAllByRole('row');
    expect(screen.queryByText(/不在服务时段/)).toBeNull();
  });

  test('shows each metric against its target, coloured, and which counting is in use', async () => {
    render(<App send={client({ 'metrics.get': async ({ view }) => metricsView({ view, metrics: finalizeMetrics(counters()) }) })} openOptions={vi.fn()} insertInTab={async () => null} />);
    const row = async (id: string) => (await screen.findAllByRole('row')).find((r) => r.getAttribute('data-metric') === id)!;
    await waitFor(async () => expect((await row('rate30')).textContent).toContain('80.0%'));
    expect((await row('rate30')).className).toBe('grade--poor');
    expect((await row('rate180')).textContent).toContain('90.0%');
    expect((await row('avgResponse')).textContent).toContain('12.0 秒');
    expect((await row('avgResponse')).className).toBe('grade--good');
    expect((await row('effectiveReplyRate')).textContent).toContain('75.0%');
    expect((await row('inquiryConversion')).textContent).toContain('25.0%');
    expect((await row('unanswered')).textContent).toContain('1');
    expect(screen.getByText(/计数口径：逐条消息（default），时区 Asia\/Shanghai/)).toBeTruthy();
    expect(document.querySelectorAll('button.snippet')).toHaveLength(Math.min(60, defaultSnippets.length));
  });

  test('searches snippets by pinyin and inserts the chosen one into the console tab, or copies it when there is none', async () => {
    const inserted: string[] = [];
    let consoleOpen = true;
    render(<App send={client({})} openOptions={vi.fn()} insertInTab={async (what) => (consoleOpen ? (inserted.push('id' in what ? what.id : what.text), 'inserted') : null)} />);
    const box = await screen.findByRole('searchbox');
    fireEvent.input(box, { target: { value: 'tk' } });
    const first = await waitFor(() => document.querySelector<HTMLButtonElement>('button.snippet')!);
    expect(first.querySelector('.snippet-title')!.textContent).toMatch(/退/);
    fireEvent.keyDown(box, { key: 'Enter' });
    await screen.findByText('已插入到客服台的输入框');
    expect(inserted).toHaveLength(1);
    consoleOpen = false;
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    fireEvent.click(document.querySelector('button.snippet')!);
    await screen.findByText('当前标签页不是客服台，已复制到剪贴板');
    expect(writeText).toHaveBeenCalledTimes(1);
  });

  test('starts a shift and shows its metrics', async () => {
    let shift: { id: number; start: number; end: null } | null = null;
    render(
      <App
        send={client({
          'metrics.get': async ({ view }) => metricsView({ view, shift }),
          'shift.start': async () => (shift = { id: 1, start: metricsView().now, end: null }),
        })}
        openOptions={vi.fn()}
        insertInTab={async () => null}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: '开始班次' }));
    await screen.findByRole('button', { name: '结束班次' });
    expect(screen.getByText(/班次开始于/)).toBeTruthy();
  });

  test('shows why the figures could not be read', async () => {
    render(
      <App
        send={client({
          'metrics.get': async () => {
            throw new Error('Receiving end does not exist.');
          },
        })}
        openOptions={vi.fn()}
        insertInTab={async () => null}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toBe('读取数据失败：Receiving end does not exist.');
  });
});
