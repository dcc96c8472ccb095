import { describe, expect, test } from 'vitest';
import { ChatEventSchema } from '@/lib/chat-event';
import { jdAdapter, jdSelectors, parseJdRowId } from '@/lib/sites/jd';
import { loadFixture } from '../support/fixtures';

// The saved pages were rendered with the fixture's clock at this instant (scripts/capture-jd-fixtures.ts).
const NOW = Date.parse('2026-09-08T10:00:00+08:00');
const at = (beijing: string) => Date.parse(`${beijing}+08:00`);
const ORANGE = 'jd_6f1e2a9c04b7';

/** A match pattern as Chromium and Firefox apply it: scheme, host, then the path *with* the query string. */
function patternMatches(pattern: string, url: string): boolean {
  const [, scheme, host, path] = /^(https?):\/\/([^/]+)(\/.*)$/.exec(pattern)!;
  const u = new URL(url);
  const escaped = path!.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return u.protocol === `${scheme}:` && u.hostname === host && new RegExp(`^${escaped}$`).test(u.pathname + u.search);
}

describe('JD 咚咚 adapter', () => {
  test('handles the chat page at the host’s root, with or without a query, and nothing else', () => {
    const chat = ['https://dongdong.jd.com/', 'https://dongdong.jd.com/?now=2026-09-08T10%3A00%3A00%2B08%3A00', 'https://dongdong.jd.com/#/chat'];
    const other = ['https://dongdong.jd.com/some/other/page', 'https://dongdong.jd.com/index.html?x=1', 'http://dongdong.jd.com/', 'https://shop.jd.com/jdm/kefu/kf-manage-lite', 'https://dongdong.jd.com.evil.example/'];
    for (const url of chat) {
      expect(jdAdapter.handles(new URL(url)), url).toBe(true);
      expect(jdAdapter.matches.some((p) => patternMatches(p, url)), url).toBe(true);
    }
    for (const url of other) {
      expect(jdAdapter.handles(new URL(url)), url).toBe(false);
      expect(jdAdapter.matches.some((p) => patternMatches(p, url)), url).toBe(false);
    }
  });

  // Each selector with the number of matches expected on the saved page, as refined-github keeps them.
  test.each([
    ['app', 1],
    ['listedConversation', 5],
    ['listedName', 5],
    ['activeConversation', 1],
    ['listedWaiting', 3],
    ['listedTime', 5],
    ['listedUnread', 2],
    ['inactivePane', 1],
    ['thread', 1],
    ['message', 311],
    ['messageRow', 311],
    ['buyerRow', 152],
    ['shopRow', 155],
    ['messageText', 306],
    ['messageTime', 307],
    ['nickname', 307],
    ['card', 1],
    ['system', 3],
    ['center', 1],
    ['divider', 1],
    ['autoReply', 4],
    ['buyerName', 3],
    ['input', 1],
    ['send', 1],
    ['panel', 1],
  ] as const)('selector %s matches %i element(s) on the open conversation', (name, count) => {
    expect(loadFixture('jd/chat.html').querySelectorAll(jdSelectors[name]).length).toBe(count);
  });

  test('reads the shop from the list’s row ids and the open buyer from the selected row and the chat head', () => {
    const doc = loadFixture('jd/chat.html');
    expect(jdAdapter.checkLayout(doc)).toEqual([]);
    expect(jdAdapter.shopId(doc)).toBe('728491');
    // The order number comes from the thread's own order notice.
    expect(jdAdapter.currentConversation(doc)).toEqual({ conversationId: ORANGE, buyerName: '橙子不酸', orderNumber: '312845690217' });
    expect(jdAdapter.findInput(doc)?.getAttribute('contenteditable')).toBe('true');
    expect(jdAdapter.observeRoot(doc)?.contains(doc.querySelector(jdSelectors.app))).toBe(true);
    expect(jdAdapter.observeRoot(doc)?.contains(jdAdapter.findInput(doc)!)).toBe(true);
    // Just after a click the head may still be empty: the row's name then.
    doc.querySelector(jdSelectors.buyerName)!.textContent = '';
    expect(jdAdapter.currentConversation(doc)?.buyerName).toBe('橙子不酸');
    expect(parseJdRowId('u_jd_abcimcustomer123imcustomer728491')).toEqual({ pin: 'jd_abcimcustomer123', venderId: '728491' });
    expect(parseJdRowId('u_colleague01imwaiter728491')).toBeNull();
  });

  test('reads the long thread: buyers, the shop, its robot, system notices, each at its printed time', () => {
    const doc = loadFixture('jd/chat.html');
    const messages = jdAdapter.readMessages(doc, NOW);
    // 311 rows: one is the "以上为历史消息" divider, not a message.
    expect(messages).toHaveLength(310);
    expect(new Set(messages.map((m) => m.id)).size).toBe(310);
    expect(messages.every((m) => /^s_[0-9a-f]{32}$/.test(m.id) && m.conversationId === ORANGE && m.buyerName === '橙子不酸')).toBe(true);
    for (const m of messages) expect(ChatEventSchema.safeParse({ ...m, site: 'jd', shopId: '728491' }).success).toBe(true);

    // Printed as "2026-09-06 08:00:00", two days back.
    expect(messages[0]).toMatchObject({ sender: 'buyer', auto: false, type: 'message', text: '你好，这款冲锋衣有XL码吗？', at: at('2026-09-06T08:00:00'), atSource: 'page' });
    expect(messages[1]).toMatchObject({ sender: 'shop', auto: true, at: at('2026-09-06T08:00:02'), atSource: 'page' });
    expect(messages[2]).toMatchObject({ sender: 'shop', auto: false, text: '亲，XL码有现货的，今天下单今天发货哦～' });
    // A product card the buyer sent is a buyer message, read from the card.
    expect(messages.find((m) => m.text.includes('¥599.00'))).toMatchObject({ sender: 'buyer', auto: false, atSource: 'page' });
    // Printed as "昨天 08:30:00".
    const yesterday = messages.find((m) => m.at === at('2026-09-07T08:30:00'))!;
    expect(yesterday).toMatchObject({ sender: 'buyer', text: '有没有赠品？' });
    expect(doc.getElementById(yesterday.id)!.querySelector(jdSelectors.messageTime)!.textContent).toBe('昨天 08:30:00');
    // System rows print no time: seen now.
    const system = messages.filter((m) => m.sender === 'system');
    expect(system.map((m) => [m.type, m.text, m.atSource, m.at])).toEqual([
      ['message', '本次会话已结束', 'seen', NOW],
      ['order', '顾客已下单，订单号：312845690217', 'seen', NOW],
      ['message', '本次会话已结束', 'seen', NOW],
    ]);
    expect(system[1]!.orderNumber).toBe('312845690217');
    // Today, printed "09:59:15": the buyer asks, the robot greets, the buyer writes again: waiting.
    expect(messages.slice(-3).map((m) => [m.sender, m.auto, m.at, m.text])).toEqual([
      ['buyer', false, at('2026-09-08T09:59:15'), '你好，我昨天下的单什么时候发货？'],
      ['shop', true, at('2026-09-08T09:59:16'), messages.at(-2)!.text],
      ['buyer', false, at('2026-09-08T09:59:55'), '麻烦帮我看一下物流，谢谢'],
    ]);
    expect(messages.filter((m) => m.auto)).toHaveLength(4);
    // In order, and none in the future.
    const printed = messages.filter((m) => m.atSource === 'page').map((m) => m.at);
    expect(printed).toEqual([...printed].sort((a, b) => a - b));
    expect(Math.max(...printed)).toBeLessThanOrEqual(NOW);
  });

  test('message ids are the console’s own: the same on a second read and on a reload, new rows read alone', () => {
    const first = jdAdapter.readMessages(loadFixture('jd/chat.html'), NOW);
    expect(first).toHaveLength(310);
    const doc = loadFixture('jd/chat.html');
    expect(jdAdapter.readMessages(doc, NOW + 60_000).map((m) => m.id)).toEqual(first.map((m) => m.id));
    // Everything read but the last two: only those come back, without walking the thread.
    const read = new Set(first.slice(0, -2).map((m) => m.id));
    expect(jdAdapter.readMessages(doc, NOW, (id) => read.has(id)).map((m) => m.text)).toEqual(first.slice(-2).map((m) => m.text));
  });

  test('without the console’s ids, ids derive from conversation, time and text, stable, twins kept apart', () => {
    const strip = () => {
      const doc = loadFixture('jd/chat.html');
      const thread = doc.querySelector(jdSelectors.message)!.parentElement!;
      // The buyer writes the same words twice in one second.
      thread.append(thread.lastElementChild!.cloneNode(true));
      doc.querySelectorAll(`${jdSelectors.message} [id]`).forEach((el) => el.removeAttribute('id'));
      return doc;
    };
    const messages = jdAdapter.readMessages(strip(), NOW);
    expect(messages).toHaveLength(311);
    expect(new Set(messages.map((m) => m.id)).size).toBe(311);
    expect(messages.slice(-2).map((m) => m.text)).toEqual(['麻烦帮我看一下物流，谢谢', '麻烦帮我看一下物流，谢谢']);
    expect(jdAdapter.readMessages(strip(), NOW + 5_000).map((m) => m.id)).toEqual(messages.map((m) => m.id));
    // The two "本次会话已结束" notices print no time: told apart by the time printed before each.
    const ended = messages.filter((m) => m.text === '本次会话已结束');
    expect(ended[0]!.id).not.toBe(ended[1]!.id);
  });

  test('reads the list: every buyer once, the unreplied marks as the moment each started waiting', () => {
    const doc = loadFixture('jd/chat.html');
    expect(jdAdapter.readConversationList(doc, NOW)).toEqual([
      { conversationId: ORANGE, buyerName: '橙子不酸', unread: 0, waitingSince: at('2026-09-08T09:59:15') },
      { conversationId: 'jd_52b8c3d1e0aa', buyerName: '小林同学', unread: 2, waitingSince: at('2026-09-08T09:59:20') },
      { conversationId: 'jd_c07d9e4f1a26', buyerName: '海边的猫', unread: 1, waitingSince: at('2026-09-08T09:57:50') },
      { conversationId: 'jd_9a0c7f1b2e33', buyerName: 'Mia王', unread: 0, waitingSince: null },
      // In the hidden 历史咨询 pane.
      { conversationId: 'jd_3d4e5f6a7b8c', buyerName: '老顾客阿强', unread: 0, waitingSince: null },
    ]);
  });

  test('a buyer listed in two panes is one conversation; colleagues’ rows are not buyers', () => {
    const doc = loadFixture('jd/chat.html');
    const history = doc.querySelector(`${jdSelectors.inactivePane} .c_stream-content`)!;
    const waiting = doc.getElementById('u_jd_52b8c3d1e0aaimcustomer728491')!.cloneNode(true) as Element;
    waiting.querySelector(jdSelectors.listedWaiting)!.remove();
    history.append(waiting);
    const colleague = doc.getElementById('u_jd_9a0c7f1b2e33imcustomer728491')!.cloneNode(true) as Element;
    colleague.id = 'u_beichen-xiaolanimwaiter728491';
    history.append(colleague);
    const list = jdAdapter.readConversationList(doc, NOW);
    expect(list.map((c) => c.conversationId)).toEqual([ORANGE, 'jd_52b8c3d1e0aa', 'jd_c07d9e4f1a26', 'jd_9a0c7f1b2e33', 'jd_3d4e5f6a7b8c']);
    expect(list[1]!.waitingSince).toBe(at('2026-09-08T09:59:20'));
  });

  test('an unreplied mark without a time falls back to the row’s time; with none at all the buyer is not guessed', () => {
    const doc = loadFixture('jd/chat.html');
    const row = doc.getElementById('u_jd_c07d9e4f1a26imcustomer728491')!;
    row.querySelector(jdSelectors.listedWaiting)!.textContent = '未回复';
    expect(jdAdapter.readConversationList(doc, NOW)[2]!.waitingSince).toBe(at('2026-09-08T09:57:50'));
    row.querySelector(jdSelectors.listedTime)!.textContent = '';
    expect(jdAdapter.readConversationList(doc, NOW)[2]!.waitingSince).toBeNull();
  });

  test('opens a conversation with a click on its row, the visible one first', () => {
    const doc = loadFixture('jd/chat.html');
    const clicked: string[] = [];
    doc.querySelectorAll<HTMLElement>(jdSelectors.listedConversation).forEach((el) => el.addEventListener('click', () => clicked.push(el.id)));
    expect(jdAdapter.openConversation(doc, 'jd_52b8c3d1e0aa')).toBe(true);
    expect(jdAdapter.openConversation(doc, 'jd_3d4e5f6a7b8c')).toBe(true);
    expect(jdAdapter.openConversation(doc, 'nobody')).toBe(false);
    expect(clicked).toEqual(['u_jd_52b8c3d1e0aaimcustomer728491', 'u_jd_3d4e5f6a7b8cimcustomer728491']);
  });

  test('an empty console (no conversation open) is not a broken layout, and its list is still read', () => {
    const doc = loadFixture('jd/empty.html');
    expect(jdAdapter.checkLayout(doc)).toEqual([]);
    expect(jdAdapter.currentConversation(doc)).toBeNull();
    expect(jdAdapter.readMessages(doc, NOW)).toEqual([]);
    expect(jdAdapter.findInput(doc)).toBeNull();
    expect(jdAdapter.shopId(doc)).toBe('728491');
    expect(jdAdapter.readConversationList(doc, NOW).filter((c) => c.waitingSince !== null).map((c) => c.conversationId)).toEqual([ORANGE, 'jd_52b8c3d1e0aa', 'jd_c07d9e4f1a26']);
  });

  test('names the part it cannot find instead of guessing', () => {
    expect(jdAdapter.checkLayout(loadFixture('jd/renamed.html'))).toEqual([{ part: 'input', selector: jdSelectors.input }]);

    // The selected row's mark renamed: a thread is shown, but whose is unknown.
    const unmarked = loadFixture('jd/chat.html');
    unmarked.querySelector(jdSelectors.activeConversation)!.className = 'alluser-item alluser-item--selected';
    expect(jdAdapter.checkLayout(unmarked)).toEqual([{ part: 'conversation', selector: jdSelectors.activeConversation }]);
    expect(jdAdapter.readMessages(unmarked, NOW)).toEqual([]);

    const noThread = loadFixture('jd/chat.html');
    noThread.getElementById('t-chat-scroll')!.id = 't-chat-scroll-v2';
    expect(jdAdapter.checkLayout(noThread).map((p) => p.part)).toEqual(['thread']);

    const noHead = loadFixture('jd/chat.html');
    noHead.querySelector('.chat-head-name')!.className = 'chat-head-title-name';
    expect(jdAdapter.checkLayout(noHead)).toEqual([{ part: 'conversation', selector: jdSelectors.buyerName }]);

    // Another page of the host (no list at all), e.g. a login form.
    const other = new DOMParser().parseFromString('<form id="login"></form>', 'text/html');
    expect(jdAdapter.checkLayout(other)).toEqual([{ part: 'app', selector: jdSelectors.app }]);
    expect(jdAdapter.shopId(other)).toBe('jd-shop');
    expect(jdAdapter.readConversationList(other, NOW)).toEqual([]);
  });
});
