import { describe, expect, test } from 'vitest';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { isQuickSearchKey, parseFrameMessage, parseHostMessage, sidebarHeight, viewChanges, type SidebarView } from '@/lib/sidebar-channel';

const view: SidebarView = {
  collapsed: false,
  problems: [],
  layout: { side: 'right', width: 300 },
  health: { status: 'partly', missing: ['input'], unknown: [], off: ['insertion'], report: 'Kefu Sidekick 0.1.0 · adapter demo' },
  conversation: { conversationId: 'b1', buyerName: '小鱼', orderNumber: '2613700486675503' },
  snippets: defaultSnippets.slice(0, 3),
  phase: 'presale',
  waits: [{ key: 'demo|shop|b1', site: 'demo', shopId: 'shop', conversationId: 'b1', buyerName: '小鱼', since: 1_000, messageId: 'm1', source: 'events' }],
  waitsTotal: 1,
  thresholds: { warnSec: 20, breachSec: 30, marksSec: [180, 300] },
  fillIn: null,
  notice: null,
  viewportHeight: 820,
};

describe('sidebar channel', () => {
  test('the frame is sent the whole view first, then only what changed', () => {
    expect(viewChanges(null, view)).toEqual(view);
    const waits = [...view.waits, { ...view.waits[0]!, key: 'demo|shop|b2', conversationId: 'b2' }];
    expect(viewChanges(view, { ...view, waits, notice: { kind: 'info', text: '已插入' } })).toEqual({ waits, notice: { kind: 'info', text: '已插入' } });
    // Unchanged parts are the same objects: a redraw of the host sends nothing.
    expect(viewChanges(view, { ...view })).toEqual({});
  });

  test('the buyer’s last words reach the frame cut to a sane length, never dropping the update', () => {
    const asks = ['小了 能换大一码吗', 'x'.repeat(12_000)];
    const read = parseHostMessage(JSON.parse(JSON.stringify({ type: 'view', view: { asks } })));
    const received = (read as { view: Partial<SidebarView> }).view;
    expect(received.asks?.[0]).toBe('小了 能换大一码吗');
    expect(received.asks?.[1]).toHaveLength(500);
    // Optional: a host that sends none is still understood.
    expect(parseHostMessage({ type: 'view', view: { phase: 'presale' } })).not.toBeNull();
    expect(parseHostMessage({ type: 'view', view: { asks: Array.from({ length: 6 }, () => 'hi') } })).toBeNull();
  });

  test('an update with an over-long name is drawn with the name cut, not dropped', () => {
    const long = '名'.repeat(201);
    const change = { conversation: { ...view.conversation!, buyerName: long }, waits: [{ ...view.waits[0]!, buyerName: long }], notice: { kind: 'error' as const, text: 'x'.repeat(5_000) } };
    const read = parseHostMessage(JSON.parse(JSON.stringify({ type: 'view', view: change })));
    expect(read?.type).toBe('view');
    const received = (read as { view: Partial<SidebarView> }).view;
    expect(received.conversation?.buyerName).toBe('名'.repeat(200));
    expect(received.waits?.[0]?.buyerName).toHaveLength(200);
    expect(received.notice?.text).toHaveLength(2_000);
  });

  test('a view that went through the port is read back the same', () => {
    const sent = JSON.parse(JSON.stringify({ type: 'view', view }));
    expect(parseHostMessage(sent)).toEqual({ type: 'view', view });
  });

  test('what is not one of the channel’s messages is refused, not half-read', () => {
    expect(parseHostMessage({ type: 'view', view: { waits: 'all of them' } })).toBeNull();
    expect(parseHostMessage({ type: 'eval', code: 'alert(1)' })).toBeNull();
    expect(parseFrameMessage({ type: 'insert' })).toBeNull();
    expect(parseFrameMessage({ type: 'insert', snippetId: 'x'.repeat(101) })).toBeNull();
    expect(parseFrameMessage({ type: 'size', width: -1, height: 10 })).toBeNull();
    expect(parseFrameMessage(null)).toBeNull();
    expect(parseFrameMessage({ type: 'open', conversationId: 'b7', key: 'demo|s|b7' })).toEqual({ type: 'open', conversationId: 'b7', key: 'demo|s|b7' });
  });

  test('the docked sidebar takes the window’s height, less the room for its shadow, and never under 240 px', () => {
    expect(sidebarHeight(200)).toBe(240);
    expect(sidebarHeight(720)).toBe(692);
    expect(sidebarHeight(1_200)).toBe(1_172);
  });

  test('Alt+K is the quick search, with Caps Lock too; Ctrl+Alt+K and plain K are not', () => {
    const key = (key: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) => ({ key, altKey: false, ctrlKey: false, metaKey: false, ...mods });
    expect(isQuickSearchKey(key('k', { altKey: true }))).toBe(true);
    expect(isQuickSearchKey(key('K', { altKey: true }))).toBe(true);
    expect(isQuickSearchKey(key('k'))).toBe(false);
    expect(isQuickSearchKey(key('k', { altKey: true, ctrlKey: true }))).toBe(false);
    expect(isQuickSearchKey(key('k', { altKey: true, metaKey: true }))).toBe(false);
  });
});
