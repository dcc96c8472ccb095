import { describe, expect, test } from 'vitest';
import { checkHealth } from '@/lib/sites/health';
import { taobaoAdapter, taobaoSelectors } from '@/lib/sites/taobao';
import { loadFixture } from '../support/fixtures';

const NOW = Date.parse('2026-09-08T10:00:00+08:00');
const beijing = (text: string) => Date.parse(`${text.replace(' ', 'T')}+08:00`);

describe('Taobao chat-history adapter (metrics only)', () => {
  test('runs in the history search’s own frame, nowhere else', () => {
    expect(taobaoAdapter.mode).toBe('history');
    expect(taobaoAdapter.handles(new URL('https://market.m.taobao.com/app/qn/im-history-search/index.html?x=1'))).toBe(true);
    expect(taobaoAdapter.handles(new URL('https://qn.taobao.com/home.htm/app-customer-service/toolpage/Message'))).toBe(false);
    expect(taobaoAdapter.handles(new URL('https://market.m.taobao.com/app/other/'))).toBe(false);
  });

  test.each([
    ['message', 6],
    ['messageTime', 6],
    ['messageName', 6],
    ['messageText', 6],
  ] as const)('selector %s matches %i element(s)', (name, count) => {
    expect(loadFixture('taobao/history.html').querySelectorAll(taobaoSelectors[name]).length).toBe(count);
  });

  test('reads the buyer, the shop from its sub-account, and each message with its Beijing time and sender', () => {
    const doc = loadFixture('taobao/history.html');
    expect(taobaoAdapter.shopId(doc)).toBe('taobao:小鹿家居旗舰店');
    expect(taobaoAdapter.currentConversation(doc)).toEqual({ conversationId: 'tb_aihua2019', buyerName: 'tb_aihua2019' });
    const messages = taobaoAdapter.readMessages(doc, NOW);
    expect(messages.map((m) => [m.sender, m.at, m.text])).toEqual([
      ['buyer', beijing('2026-09-07 09:50:00'), '在吗？这个沙发垫有灰色的吗'],
      ['shop', beijing('2026-09-07 09:50:10'), '亲，在的，灰色有现货哦'],
      ['buyer', beijing('2026-09-07 09:51:00'), '1.2米的尺寸合适吗'],
      ['shop', beijing('2026-09-07 09:52:10'), '合适的亲，1.2米的三人位正好'],
      ['shop', beijing('2026-09-07 09:52:20'), '今天下单明天发货'],
      ['buyer', beijing('2026-09-07 09:53:20'), '好的谢谢'],
    ]);
    // The same history read again gives the same ids: nothing is counted twice.
    expect(taobaoAdapter.readMessages(loadFixture('taobao/history.html'), NOW + 60_000).map((m) => m.id)).toEqual(messages.map((m) => m.id));
    expect(new Set(messages.map((m) => m.id)).size).toBe(6);
  });

  test('its health names only what a history page has: messages and their times', () => {
    const health = checkHealth(taobaoAdapter, loadFixture('taobao/history.html'));
    expect(health.parts.filter((p) => p.state === 'found').map((p) => p.part)).toEqual(['messages', 'messageMeta']);
  });
});
