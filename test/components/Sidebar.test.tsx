import { act, fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, test, vi } from 'vitest';
import { Sidebar, type SidebarState } from '@/components/Sidebar';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { defaultThresholds, type Waiting } from '@/lib/waiting';

const NOW = 1_800_000_000_000;
const base: SidebarState = { collapsed: false, layout: { side: 'right', width: 300 }, problems: [], health: null, conversation: null, snippets: defaultSnippets.slice(0, 3), notice: null, waits: [], waitsTotal: 0, now: NOW, thresholds: defaultThresholds, fillIn: null, searchToken: 0 };
const actions = () => ({ toggle: vi.fn(), insert: vi.fn(), open: vi.fn(), markOrder: vi.fn(), copyHealth: vi.fn(), layout: vi.fn(), search: (q: string) => defaultSnippets.slice(0, 3).filter((s) => s.title.includes(q)), submitFillIn: vi.fn(), cancelFillIn: vi.fn(), backToInput: vi.fn(), insertText: vi.fn(), guardSuggestion: vi.fn(), guardSendAnyway: vi.fn(), guardEdit: vi.fn(), fixByPointing: vi.fn() });
const wait = (name: string, secondsAgo: number): Waiting => ({
  key: `demo|s|${name}`, site: 'demo', shopId: 's', conversationId: name, buyerName: name, since: NOW - secondsAgo * 1000, messageId: null, source: 'list',
});

describe('Sidebar', () => {
  test('a console that changed shows partly working, naming what is missing and what is off; the report is one click away', () => {
    const a = actions();
    const health = { status: 'partly' as const, missing: ['input' as const], unknown: [], off: ['insertion' as const], report: 'Kefu Sidekick 0.1.0 · adapter demo\nmatched nothing: input' };
    render(<Sidebar state={{ ...base, health }} actions={a} />);
    expect(screen.getByText('部分可用')).toBeTruthy();
    expect(screen.getByText('部分可用：找不到 输入框，已关闭 插入话术（可复制后手动粘贴）。')).toBeTruthy();
    fireEvent.click(screen.getByText('复制诊断报告'));
    expect(a.copyHealth).toHaveBeenCalledWith(health.report);
  });

  test('a console fully understood says so quietly, with no report button', () => {
    render(<Sidebar state={{ ...base, health: { status: 'working', missing: [], unknown: [], off: [], report: 'r' } }} actions={actions()} />);
    expect(screen.getByText('正常').getAttribute('title')).toBe('已识别此客服台，运行正常');
    expect(screen.queryByText('复制诊断报告')).toBeNull();
  });

  test('the agent moves the sidebar to the other side and changes its width from its header', () => {
    const a = actions();
    render(<Sidebar state={base} actions={a} />);
    fireEvent.click(screen.getByRole('button', { name: '移到左侧' }));
    expect(a.layout).toHaveBeenLastCalledWith({ side: 'left', width: 300 });
    fireEvent.click(screen.getByRole('button', { name: '侧边栏变宽' }));
    expect(a.layout).toHaveBeenLastCalledWith({ side: 'right', width: 340 });
    fireEvent.click(screen.getByRole('button', { name: '侧边栏变窄' }));
    expect(a.layout).toHaveBeenLastCalledWith({ side: 'right', width: 260 });
  });

  test('a long shift draws the most urgent buyers and counts the rest, as the popup does', () => {
    const waits = Array.from({ length: 134 }, (_, i) => wait(`buyer-${i}`, 10 + i));
    const { container } = render(<Sidebar state={{ ...base, waits: waits.slice(100), waitsTotal: 134 }} actions={actions()} />);
    expect(container.querySelectorAll('.waiting')).toHaveLength(20);
    // Longest waiting first: buyer-133 waited 143 s.
    expect(container.querySelector('.waiting-name')!.textContent).toBe('buyer-133');
    expect(screen.getByText('还有 114 位买家在等待')).toBeTruthy();
    expect(screen.getByText('等待回复的买家 (134)')).toBeTruthy();
  });

  test('the one queue names each buyer’s shop when buyers of several shops wait, and a click asks to open that buyer', () => {
    const a = actions();
    const other = { ...wait('阿花', 50), key: 'demo|shop-b|b9', shopId: 'shop-b', conversationId: 'b9' };
    const { container } = render(<Sidebar state={{ ...base, waits: [wait('小林', 40), other], waitsTotal: 2 }} actions={a} />);
    expect([...container.querySelectorAll('.waiting-shop')].map((el) => el.textContent)).toEqual(['演示 · shop-b', '演示 · s']);
    fireEvent.click(screen.getByText('阿花'));
    expect(a.open).toHaveBeenCalledWith(other);
  });

  test("a buyer's name is isolated from the clock beside it: no right-to-left override reverses the row", () => {
    const { container } = render(<Sidebar state={{ ...base, waits: [wait('\u202eevil', 40)], waitsTotal: 1 }} actions={actions()} />);
    const name = container.querySelector('.waiting-name')!;
    expect(name.tagName).toBe('BDI');
    const label = container.querySelector('.waiting')!.getAttribute('aria-label')!;
    expect(label).toBe('\u2068evil\u2069 已等待 0:40，点击打开会话');
  });

  test('shows the current buyer and order, and inserts the snippet the agent clicks', () => {
    const a = actions();
    render(<Sidebar state={{ ...base, conversation: { conversationId: 'b1', buyerName: '快乐的阿花', orderNumber: '2600001' } }} actions={a} />);
    expect(screen.getByText('快乐的阿花')).toBeTruthy();
    expect(screen.getByText('订单号 2600001')).toBeTruthy();
    fireEvent.click(screen.getByText(defaultSnippets[1]!.title));
    expect(a.insert).toHaveBeenCalledWith(defaultSnippets[1]);
  });

  test('lists waiting buyers most urgent first, coloured by threshold, and opens the one clicked', () => {
    const a = actions();
    render(<Sidebar state={{ ...base, waits: [wait('阿花', 5), wait('小鱼', 95), wait('Maria', 25)] }} actions={a} />);
    expect(screen.getByText('等待回复的买家 (3)')).toBeTruthy();
    const rows = screen.getAllByRole('button', { name: /已等待/ });
    expect(rows.map((r) => [r.textContent, r.className])).toEqual([
      ['小鱼1:35', 'waiting waiting--breach'],
      ['Maria0:25', 'waiting waiting--warn'],
      ['阿花0:05', 'waiting waiting--ok'],
    ]);
    fireEvent.click(rows[0]!);
    expect(a.open).toHaveBeenCalledWith(expect.objectContaining({ conversationId: '小鱼' }));
  });

  test('the count-up runs on by itself, a second at a time, and changes colour at the threshold', () => {
    vi.useFakeTimers({ now: NOW });
    try {
      render(<Sidebar state={{ ...base, waits: [wait('阿花', 18)] }} actions={actions()} />);
      const row = () => screen.getByRole('button', { name: /已等待/ });
      expect([row().textContent, row().className]).toEqual(['阿花0:18', 'waiting waiting--ok']);
      // A second at a time: each redraw arms the next one once its effects ran (act flushes them).
      for (let i = 0; i < 3; i++) act(() => void vi.advanceTimersByTime(1_000));
      expect([row().textContent, row().className]).toEqual(['阿花0:21', 'waiting waiting--warn']);
    } finally {
      vi.useRealTimers();
    }
  });

  test('the count-up turns at the wait’s own seconds, as the console’s “已等 N 秒” does, not on a grid of its own', () => {
    vi.useFakeTimers({ now: NOW });
    try {
      // Waiting 18.3 s when drawn: 19 s comes 0.7 s later, not a whole second after the list was drawn.
      render(<Sidebar state={{ ...base, waits: [{ ...wait('阿花', 0), since: NOW - 18_300 }] }} actions={actions()} />);
      const clock = () => screen.getByRole('button', { name: /已等待/ }).querySelector('.waiting-clock')!.textContent;
      expect(clock()).toBe('0:18');
      act(() => void vi.advanceTimersByTime(699));
      expect(clock()).toBe('0:18');
      act(() => void vi.advanceTimersByTime(2));
      expect(clock()).toBe('0:19');
      act(() => void vi.advanceTimersByTime(1_000));
      expect(clock()).toBe('0:20');
    } finally {
      vi.useRealTimers();
    }
  });

  test('a row turns amber at the threshold itself, not at the count-up’s next second', () => {
    vi.useFakeTimers({ now: NOW });
    try {
      render(<Sidebar state={{ ...base, waits: [{ ...wait('阿花', 0), since: NOW - 19_600 }] }} actions={actions()} />);
      const row = () => screen.getByRole('button', { name: /已等待/ });
      expect(row().className).toBe('waiting waiting--ok');
      act(() => void vi.advanceTimersByTime(390));
      expect(row().className).toBe('waiting waiting--ok');
      act(() => void vi.advanceTimersByTime(30));
      expect(row().className).toBe('waiting waiting--warn');
    } finally {
      vi.useRealTimers();
    }
  });

  test('new waits redraw the waiting list without searching the snippets again', () => {
    const a = actions();
    const search = vi.fn(a.search);
    const { rerender } = render(<Sidebar state={base} actions={{ ...a, search }} />);
    rerender(<Sidebar state={{ ...base, waits: [wait('阿花', 5)] }} actions={{ ...a, search }} />);
    expect(screen.getByText('等待回复的买家 (1)')).toBeTruthy();
    expect(search).toHaveBeenCalledTimes(1);
    // A new search function (library or ranking changed) is used at once.
    const other = vi.fn(() => [defaultSnippets[2]!]);
    rerender(<Sidebar state={{ ...base, waits: [wait('阿花', 5)] }} actions={{ ...a, search: other }} />);
    expect(other).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(defaultSnippets[0]!.title)).toBeNull();
  });

  test('lets the agent mark an order for a buyer without one', () => {
    const a = actions();
    render(<Sidebar state={{ ...base, conversation: { conversationId: 'b1', buyerName: '阿花' } }} actions={a} />);
    fireEvent.click(screen.getByRole('button', { name: '标记已下单' }));
    expect(a.markOrder).toHaveBeenCalledTimes(1);
  });

  test('says when no conversation is open and while snippets load', () => {
    render(<Sidebar state={{ ...base, snippets: null }} actions={actions()} />);
    expect(screen.getByText('还没有打开的会话')).toBeTruthy();
    expect(screen.getByText('正在加载快捷回复…')).toBeTruthy();
  });

  test('names the missing parts of an unknown layout in an alert', () => {
    render(<Sidebar state={{ ...base, problems: [{ part: 'thread', selector: '.x' }, { part: 'input', selector: '.y' }] }} actions={actions()} />);
    expect(screen.getByRole('alert').textContent).toContain('缺少：消息列表、聊天输入框');
  });

  test('renders buyer names and snippet text as text, never as HTML', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const snippets = [{ ...defaultSnippets[0]!, body: hostile }];
    const { container } = render(
      <Sidebar state={{ ...base, conversation: { conversationId: 'b1', buyerName: hostile }, snippets }} actions={{ ...actions(), search: () => snippets }} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getAllByText(hostile)).toHaveLength(2);
  });

  test('previews never show a raw placeholder: fill-ins are chips, filled with the open conversation’s buyer and order', () => {
    const notice = defaultSnippets.find((s) => s.id === 'zh-shipping-notice')!;
    const { container, rerender } = render(
      <Sidebar state={{ ...base, conversation: { conversationId: 'b1', buyerName: '快乐的阿花', orderNumber: '2600001' }, snippets: [notice] }} actions={{ ...actions(), search: () => [notice] }} />,
    );
    const body = () => container.querySelector('.snippet .snippet-body')!;
    expect(body().textContent).not.toMatch(/\{\{|\}\}/);
    const chips = () => [...body().querySelectorAll('.fill-chip')].map((chip) => [chip.textContent, chip.getAttribute('title'), chip.classList.contains('fill-chip--filled')]);
    expect(chips()).toEqual([
      ['快乐的阿花', '买家昵称', true],
      ['2600001', '订单号', true],
      ['日期', '日期', false],
      ['运单号', '运单号', false],
    ]);
    // Another buyer opened, without an order: the chips follow.
    rerender(<Sidebar state={{ ...base, conversation: { conversationId: 'b2', buyerName: 'Maria' }, snippets: [notice] }} actions={{ ...actions(), search: () => [notice] }} />);
    expect(chips().slice(0, 2)).toEqual([
      ['Maria', '买家昵称', true],
      ['订单号', '订单号', false],
    ]);
  });

  test('collapses to a tab and opens again', () => {
    const a = actions();
    const { rerender } = render(<Sidebar state={base} actions={a} />);
    fireEvent.click(screen.getByRole('button', { name: '收起侧边栏' }));
    expect(a.toggle).toHaveBeenCalledTimes(1);
    rerender(<Sidebar state={{ ...base, collapsed: true }} actions={a} />);
    expect(screen.queryByText(defaultSnippets[0]!.title)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '展开客服助手' }));
    expect(a.toggle).toHaveBeenCalledTimes(2);
  });
});
