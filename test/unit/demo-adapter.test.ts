import { describe, expect, test } from 'vitest';
import { ChatEventSchema } from '@/lib/chat-event';
import { demoAdapter, demoSelectors } from '@/lib/sites/demo';
import { adapterForUrl, siteMatchPatterns } from '@/lib/sites/registry';
import { loadFixture } from '../support/fixtures';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('demo console adapter', () => {
  test('handles only the demo path on loopback', () => {
    expect(adapterForUrl('http://localhost:5178/kefu-demo/?seed=1')).toBe(demoAdapter);
    expect(adapterForUrl('http://127.0.0.1:9/kefu-demo/')).toBe(demoAdapter);
    expect(adapterForUrl('http://localhost:5178/other/')).toBeUndefined();
    expect(adapterForUrl('https://example.com/kefu-demo/')).toBeUndefined();
    expect(siteMatchPatterns()).toEqual(expect.arrayContaining(demoAdapter.matches));
  });

  // Each selector with the number of matches expected on the saved pages, as refined-github keeps them.
  test.each([
    ['app', 1],
    ['thread', 1],
    ['message', 3],
    ['activeConversation', 1],
    ['buyerName', 1],
    ['orderNumber', 1],
    ['input', 1],
    ['listedConversation', 3],
    ['listedWaiting', 2],
  ] as const)('selector %s matches %i element(s) in both known layouts', (name, count) => {
    for (const layout of ['standard', 'editable']) {
      expect(loadFixture(`demo/${layout}.html`).querySelectorAll(demoSelectors[name]).length).toBe(count);
    }
  });

  test.each(['standard', 'editable'])('reads the open conversation of the %s layout', (layout) => {
    const doc = loadFixture(`demo/${layout}.html`);
    expect(demoAdapter.checkLayout(doc)).toEqual([]);
    expect(demoAdapter.shopId(doc)).toBe('demo-shop-001');
    expect(demoAdapter.currentConversation(doc)).toEqual({ conversationId: 'b0003', buyerName: '糖糖妈咪', orderNumber: undefined });
    const messages = demoAdapter.readMessages(doc, NOW);
    expect(messages.map((m) => [m.sender, m.auto, m.type])).toEqual([
      ['buyer', false, 'message'],
      ['shop', true, 'message'],
      ['shop', false, 'message'],
    ]);
    expect(messages[2]!.text).toBe('亲，在的，请问有什么可以帮您？');
    // Times come from the page's own timestamps, in order.
    expect(messages.every((m) => m.atSource === 'page')).toBe(true);
    expect(messages[0]!.at).toBeLessThan(messages[1]!.at);
    for (const m of messages) expect(ChatEventSchema.safeParse({ ...m, site: 'demo', shopId: 'x' }).success).toBe(true);
    expect(demoAdapter.findInput(doc)?.className).toContain('composer-input');
  });

  test('reads every conversation of the list, with unread counts and waiting clocks, and opens one', () => {
    const doc = loadFixture('demo/standard.html');
    const list = demoAdapter.readConversationList(doc, NOW);
    expect(list.map((c) => [c.conversationId, c.unread])).toEqual([
      ['b0003', 0],
      ['b0002', 1],
      ['b0001', 1],
    ]);
    expect(list[0]!.waitingSince).toBeNull();
    // b0001 arrived before b0002, so it has waited longer.
    expect(list[2]!.waitingSince).toBeLessThan(list[1]!.waitingSince!);
    let clicked = '';
    doc.querySelectorAll<HTMLElement>(demoSelectors.listedConversation).forEach((el) => el.addEventListener('click', () => (clicked = el.getAttribute('data-conv-id')!)));
    expect(demoAdapter.openConversation(doc, 'b0002')).toBe(true);
    expect(clicked).toBe('b0002');
    expect(demoAdapter.openConversation(doc, 'nobody')).toBe(false);
  });

  test('reports a layout it does not know instead of guessing', () => {
    const doc = loadFixture('demo/unknown.html');
    expect(demoAdapter.checkLayout(doc).map((p) => p.part)).toEqual(['app']);
    expect(demoAdapter.currentConversation(doc)).toBeNull();
    expect(demoAdapter.readMessages(doc, NOW)).toEqual([]);
    expect(demoAdapter.findInput(doc)).toBeNull();
  });

  test('reads an order placed in the chat as an order event', () => {
    const doc = loadFixture('demo/standard.html');
    const row = doc.querySelector(demoSelectors.message)!.cloneNode(true) as Element;
    row.className = 'msg msg--system';
    row.setAttribute('data-msg-id', 'b0003-m9');
    row.querySelector(demoSelectors.messageText)!.textContent = '买家已下单，订单号 2612345678901234';
    doc.querySelector(demoSelectors.thread)!.append(row);
    const order = demoAdapter.readMessages(doc, NOW).at(-1)!;
    expect(order).toMatchObject({ type: 'order', sender: 'system', orderNumber: '2612345678901234', conversationId: 'b0003' });
  });

  test('times printed to the minute are read as such, and say so, so a message seen arriving is timed when seen', () => {
    const doc = loadFixture('demo/standard.html');
    for (const time of doc.querySelectorAll(demoSelectors.messageTime)) {
      const at = new Date(time.getAttribute('datetime')!);
      time.removeAttribute('datetime');
      time.textContent = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
    }
    const [first] = demoAdapter.readMessages(doc, NOW);
    expect(first).toMatchObject({ atSource: 'page', precisionMs: 60_000 });
    expect(first!.at % 60_000).toBe(0);
  });

  test('a list that marks waiting buyers without a time: they wait from when the mark was first seen', () => {
    const doc = loadFixture('demo/standard.html');
    for (const clock of doc.querySelectorAll(demoSelectors.listedWaiting)) {
      const mark = doc.createElement('span');
      mark.className = 'conv-waiting-mark';
      mark.textContent = '待回复';
      clock.replaceWith(mark);
    }
    const first = demoAdapter.readConversationList(doc, NOW);
    expect(first.filter((c) => c.waitingSince !== null).map((c) => c.waitingSince)).toEqual([NOW, NOW]);
    // Read again later: the same moment, not the later one.
    expect(demoAdapter.readConversationList(doc, NOW + 5_000).map((c) => c.waitingSince)).toEqual(first.map((c) => c.waitingSince));
  });

  test('finds the chat input inside a same-origin frame', () => {
    const doc = document.implementation.createHTMLDocument('console');
    const frame = doc.createElement('iframe');
    doc.body.append(frame);
    const frameDoc = document.implementation.createHTMLDocument('frame');
    frameDoc.body.append(frameDoc.createElement('textarea'));
    frameDoc.querySelector('textarea')!.className = 'composer-input';
    // happy-dom loads no frame: the frame's document is put in place by hand.
    Object.defineProperty(frame, 'contentDocument', { value: frameDoc });
    expect(demoAdapter.findInput(doc)).toBe(frameDoc.querySelector('textarea'));
  });
});
