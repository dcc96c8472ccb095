import { describe, expect, test } from 'vitest';
import { ChatEventSchema } from '@/lib/chat-event';
import { douyinAdapter, douyinSelectors, parseWaitClock } from '@/lib/sites/douyin';
import { checkHealth } from '@/lib/sites/health';
import { loadFixture } from '../support/fixtures';

/** The saved pages were rendered with the console's clock at this instant (scripts/capture-douyin-fixtures.ts). */
const NOW = Date.parse('2026-09-08T10:00:00+08:00');
const at = (beijing: string) => Date.parse(`${beijing}+08:00`);
const OPEN = '7412093847561000001';
const msg = (conversation: number, seq: number) => `7413${String(conversation).padStart(3, '0')}${String(seq).padStart(12, '0')}`;

/** Chrome's match-pattern rules, enough for ours: scheme and host exact, `*` in the path any characters. */
function patternMatches(pattern: string, url: string): boolean {
  const [, scheme, host, path] = /^(https?):\/\/([^/]+)(\/.*)$/.exec(pattern)!;
  const u = new URL(url);
  const regex = new RegExp(`^${path!.split('*').map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('.*')}$`);
  return u.protocol === `${scheme}:` && u.host === host && regex.test(u.pathname + u.search);
}

describe('Douyin 飞鸽 adapter', () => {
  test('handles the workspace on im.jinritemai.com only, as narrowly as its match pattern', () => {
    const yes = ['https://im.jinritemai.com/pc_seller_v2/main/workspace', 'https://im.jinritemai.com/pc_seller_v2/main/workspace?selfId=1&from=fxg'];
    const no = [
      'https://im.jinritemai.com/pc_seller_v2/main/setting',
      'https://im.jinritemai.com/pc_seller_v2/login',
      'https://im.jinritemai.com/some/other/page',
      'http://im.jinritemai.com/pc_seller_v2/main/workspace',
      'https://fxg.jinritemai.com/pc_seller_v2/main/workspace',
    ];
    for (const url of yes) {
      expect(douyinAdapter.handles(new URL(url))).toBe(true);
      expect(douyinAdapter.matches.some((p) => patternMatches(p, url))).toBe(true);
    }
    for (const url of no) {
      expect(douyinAdapter.handles(new URL(url))).toBe(false);
      expect(douyinAdapter.matches.some((p) => patternMatches(p, url))).toBe(false);
    }
    expect(douyinAdapter.matches).toEqual(['https://im.jinritemai.com/pc_seller_v2/main/workspace*']);
  });

  // Each selector with the number of matches expected on the saved pages, as refined-github keeps them.
  test.each([
    ['app', 6, 6, 6],
    ['listedConversation', 5, 5, 5],
    ['activeConversation', 1, 0, 1],
    ['listedName', 5, 5, 5],
    ['listedUnread', 2, 2, 2],
    ['listedWaiting', 3, 3, 3],
    ['listedClock', 5, 5, 5],
    ['buyerName', 1, 0, 1],
    ['messageWrapper', 10, 0, 0],
    ['message', 10, 0, 0],
    ['buyerBubble', 3, 0, 3],
    ['shopBubble', 5, 0, 5],
    ['messageText', 8, 0, 8],
    ['messageTime', 10, 0, 10],
    ['systemMessage', 2, 0, 2],
    ['robotTag', 2, 0, 2],
    ['orderNumber', 1, 0, 1],
    ['shopId', 1, 1, 1],
    ['shopName', 1, 1, 1],
    ['input', 1, 0, 1],
    ['send', 1, 0, 1],
  ] as const)('selector %s matches %i (workspace), %i (empty), %i (renamed)', (name, workspace, empty, renamed) => {
    expect(loadFixture('douyin/workspace.html').querySelectorAll(douyinSelectors[name]).length).toBe(workspace);
    expect(loadFixture('douyin/empty.html').querySelectorAll(douyinSelectors[name]).length).toBe(empty);
    expect(loadFixture('douyin/renamed.html').querySelectorAll(douyinSelectors[name]).length).toBe(renamed);
  });

  test('reads the shop, the open buyer and their order', () => {
    const doc = loadFixture('douyin/workspace.html');
    expect(douyinAdapter.checkLayout(doc)).toEqual([]);
    expect(checkHealth(douyinAdapter, doc).status).toBe('working');
    expect(douyinAdapter.shopId(doc)).toBe('71284530');
    expect(douyinAdapter.shopName!(doc)).toBe('小鹿家居旗舰店');
    expect(douyinAdapter.currentConversation(doc)).toEqual({ conversationId: OPEN, buyerName: '糖糖妈咪', orderNumber: '6921834756102938475' });
    expect(douyinAdapter.findInput(doc)?.getAttribute('data-qa-id')).toBe('qa-send-message-textarea');
    // No shop id on the page: one fixed id rather than none (none would stop all recording).
    doc.querySelector(douyinSelectors.shopId)!.remove();
    expect(douyinAdapter.shopId(doc)).toBe('douyin-shop');
  });

  test('reads the thread in order, though the recycling list holds its rows out of order: buyer, shop, robot, system, order', () => {
    const doc = loadFixture('douyin/workspace.html');
    const domOrder = [...doc.querySelectorAll(douyinSelectors.message)].map((r) => r.getAttribute('data-id')!);
    expect(domOrder).not.toEqual([...domOrder].sort());
    const messages = douyinAdapter.readMessages(doc, NOW);
    expect(messages.map((m) => m.id)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((seq) => msg(1, seq)));
    expect(messages.map((m) => [m.sender, m.auto, m.type])).toEqual([
      ['shop', false, 'message'],
      ['buyer', false, 'message'],
      ['shop', true, 'message'],
      ['shop', false, 'message'],
      ['system', false, 'order'],
      ['buyer', false, 'message'],
      ['system', false, 'message'],
      ['shop', false, 'message'],
      ['buyer', false, 'message'],
      ['shop', true, 'message'],
    ]);
    // Printed as "09-05 07:47:45", "昨天 18:22:48" and "09:59:20", read in Beijing time.
    expect(messages.map((m) => m.at)).toEqual(
      ['2026-09-05T07:47:45', '2026-09-07T18:22:48', '2026-09-07T18:22:52', '2026-09-07T18:24:53', '2026-09-08T09:40:00', '2026-09-08T09:41:50', '2026-09-08T09:42:00', '2026-09-08T09:42:28', '2026-09-08T09:59:20', '2026-09-08T09:59:22'].map(at),
    );
    expect(messages.every((m) => m.atSource === 'page' && m.conversationId === OPEN && m.buyerName === '糖糖妈咪')).toBe(true);
    expect(messages[4]).toMatchObject({ orderNumber: '6921834756102938475', text: '用户已下单，订单号：6921834756102938475' });
    expect(messages[8]!.text).toBe('好的，能帮我备注送货上门吗？');
    expect(messages[9]!.text).toBe('您的消息已收到，客服正在快马加鞭赶来～');
    for (const m of messages) expect(ChatEventSchema.safeParse({ ...m, site: 'douyin', shopId: 'x' }).success).toBe(true);
  });

  test('a message without a printed time gets the moment it was seen', () => {
    const doc = loadFixture('douyin/workspace.html');
    const row = [...doc.querySelectorAll(douyinSelectors.message)].find((r) => r.getAttribute('data-id') === msg(1, 10))!;
    row.querySelector(douyinSelectors.messageTime)!.remove();
    expect(douyinAdapter.readMessages(doc, NOW).find((m) => m.id === msg(1, 10))).toMatchObject({ at: NOW, atSource: 'seen', sender: 'buyer' });
  });

  test('a recycled row is read as the message it now shows: no message twice, history keeps its own times', () => {
    const bottom = loadFixture('douyin/long-bottom.html');
    const scrolled = loadFixture('douyin/long-scrolled.html');
    const first = douyinAdapter.readMessages(bottom, NOW);
    expect(first.map((m) => m.id)).toEqual([311, 312, 313, 314, 315, 316, 317, 318, 319, 320].map((seq) => msg(4, seq)));
    expect(first.at(-1)).toMatchObject({ sender: 'shop', auto: false, at: at('2026-09-08T09:48:04') });

    // Scrolled up: the elements that showed 316..320 now show 303..307 (same elements: the scrolled page is the
    // same page, its pool of views in the same DOM order, grown by the views it needed more).
    const ids = (doc: Document) => [...doc.querySelectorAll(douyinSelectors.message)].map((r) => r.getAttribute('data-id')!);
    const recycled = ids(bottom).flatMap((id, i) => (id === ids(scrolled)[i] ? [] : [[id, ids(scrolled)[i]]]));
    expect(recycled).toEqual([316, 317, 318, 319, 320].map((seq, i) => [msg(4, seq), msg(4, 303 + i)]));
    const seen = new Set(first.map((m) => m.id));
    const more = douyinAdapter.readMessages(scrolled, NOW, (id) => seen.has(id));
    expect(more.map((m) => m.id)).toEqual([303, 304, 305, 306, 307, 308, 309, 310].map((seq) => msg(4, seq)));
    // History, not new messages: each keeps the time printed on it, days before now.
    expect(more[0]!.at).toBe(at('2026-09-06T21:47:02'));
    expect(more.every((m) => m.atSource === 'page' && m.at < NOW - 18 * 3_600_000)).toBe(true);
    // A message read on both pages reads the same on both.
    const again = douyinAdapter.readMessages(scrolled, NOW).find((m) => m.id === msg(4, 313));
    expect(again).toEqual(first.find((m) => m.id === msg(4, 313)));
  });

  test('a row scrolled into view is read though its recycled element sits in the middle of the DOM', () => {
    const bottom = loadFixture('douyin/long-bottom.html');
    const read = new Set(douyinAdapter.readMessages(bottom, NOW).map((m) => m.id));
    // Scrolled up by one row: 320 leaves at the bottom and its element shows 310, which enters at the top.
    const rows = [...bottom.querySelectorAll(douyinSelectors.message)];
    const element = rows.find((r) => r.getAttribute('data-id') === msg(4, 320))!;
    const index = rows.indexOf(element);
    // The DOM's first and last rows were read already: a walk back from the last row would stop at once.
    expect(read.has(rows[0]!.getAttribute('data-id')!) && read.has(rows.at(-1)!.getAttribute('data-id')!)).toBe(true);
    expect(index).toBeGreaterThan(0);
    expect(index).toBeLessThan(rows.length - 1);
    const shown = [...loadFixture('douyin/long-scrolled.html').querySelectorAll(douyinSelectors.message)].find((r) => r.getAttribute('data-id') === msg(4, 310))!;
    element.setAttribute('data-id', msg(4, 310));
    element.replaceChildren(...[...shown.childNodes].map((n) => bottom.importNode(n, true)));
    element.parentElement!.setAttribute('style', shown.parentElement!.getAttribute('style')!);
    expect(douyinAdapter.readMessages(bottom, NOW + 1_000, (id) => read.has(id))).toEqual([
      expect.objectContaining({ id: msg(4, 310), at: at('2026-09-07T15:46:03'), atSource: 'page', text: shown.querySelector('pre')!.textContent }),
    ]);
  });

  test('new messages in recycled rows are read, each with its own time', () => {
    const doc = loadFixture('douyin/long-bottom.html');
    const read = new Set(douyinAdapter.readMessages(doc, NOW).map((m) => m.id));
    // Each new message scrolls the oldest row in view out, and that row's element shows it.
    const arrive = (leaving: number, seq: number, text: string, time: string, top: number) => {
      const row = [...doc.querySelectorAll(douyinSelectors.message)].find((r) => r.getAttribute('data-id') === msg(4, leaving))!;
      row.setAttribute('data-id', msg(4, seq));
      row.parentElement!.setAttribute('style', `transform: translateY(${top}px); height: 76px;`);
      row.querySelector('pre')!.textContent = text;
      row.querySelector(douyinSelectors.messageTime)!.textContent = time;
    };
    arrive(311, 321, '还在吗？', '10:00:00', 27900);
    for (const whole of [false, true]) {
      expect(douyinAdapter.readMessages(doc, NOW + 500, (id) => read.has(id), whole)).toEqual([
        expect.objectContaining({ id: msg(4, 321), sender: 'buyer', text: '还在吗？', at: NOW, atSource: 'page' }),
      ]);
    }
    read.add(msg(4, 321));
    // 312 was a shop message: the agent's reply takes its element.
    arrive(312, 322, '亲，在的', '10:00:03', 27976);
    for (const whole of [false, true]) {
      expect(douyinAdapter.readMessages(doc, NOW + 3_500, (id) => read.has(id), whole)).toEqual([
        expect.objectContaining({ id: msg(4, 322), sender: 'shop', auto: false, text: '亲，在的', at: NOW + 3_000, atSource: 'page' }),
      ]);
    }
  });

  test('a thread in the page flow (not virtualised) is walked back from its newest row', () => {
    const doc = loadFixture('douyin/workspace.html');
    const wrappers = [...doc.querySelectorAll(douyinSelectors.messageWrapper)];
    const inOrder = wrappers.sort((a, b) => a.querySelector('div[data-id]')!.getAttribute('data-id')!.localeCompare(b.querySelector('div[data-id]')!.getAttribute('data-id')!));
    for (const w of inOrder) {
      w.removeAttribute('style');
      w.parentElement!.append(w);
    }
    const all = douyinAdapter.readMessages(doc, NOW).map((m) => m.id);
    expect(all).toHaveLength(10);
    const read = new Set(all.slice(0, 8));
    const asked: string[] = [];
    const fresh = douyinAdapter.readMessages(doc, NOW, (id) => (asked.push(id), read.has(id)));
    expect(fresh.map((m) => m.id)).toEqual(all.slice(8));
    // It stopped at the newest row already read: the rows between the first and that one were never looked at.
    for (const id of all.slice(1, 7)) expect(asked).not.toContain(id);
  });

  test('reads every conversation of the list, with unread counts and who waits since when', () => {
    const doc = loadFixture('douyin/workspace.html');
    expect(douyinAdapter.readConversationList(doc, NOW)).toEqual([
      { conversationId: '7412093847561000002', buyerName: '阿杰不吃香菜', unread: 1, waitingSince: NOW - 5_000 },
      { conversationId: OPEN, buyerName: '糖糖妈咪', unread: 0, waitingSince: NOW - 40_000 },
      { conversationId: '7412093847561000003', buyerName: 'Lily_08', unread: 2, waitingSince: NOW - 135_000 },
      { conversationId: '7412093847561000004', buyerName: '老王的小卖部', unread: 0, waitingSince: null },
      { conversationId: '7412093847561000005', buyerName: 'momo', unread: 0, waitingSince: null },
    ]);
  });

  test('a wait read off the list’s count-up clock keeps its start from read to read', () => {
    const doc = loadFixture('douyin/workspace.html');
    const since = (now: number) => douyinAdapter.readConversationList(doc, now).find((c) => c.conversationId === '7412093847561000002')!.waitingSince;
    const clock = doc.querySelector(`[data-conversation-id="7412093847561000002"] ${douyinSelectors.listedClock}`)!;
    expect(since(NOW)).toBe(NOW - 5_000);
    // Read 1.5 s later, before the page's clock ticked: still the same start (else the tracker sees a new wait).
    expect(since(NOW + 1_500)).toBe(NOW - 5_000);
    clock.textContent = '7秒';
    expect(since(NOW + 2_200)).toBe(NOW - 5_000);
    // Answered, then the buyer writes again a minute later: a new wait, from its own start.
    const card = clock.closest(douyinSelectors.listedConversation)!;
    card.classList.remove('needReply_Je7Hy');
    expect(since(NOW + 30_000)).toBeNull();
    card.classList.add('needReply_Je7Hy');
    clock.textContent = '3秒';
    expect(since(NOW + 63_000)).toBe(NOW + 60_000);
  });

  test.each([
    ['5秒', { ms: 5_000, step: 1_000 }],
    ['2分15秒', { ms: 135_000, step: 1_000 }],
    ['12分钟', { ms: 720_000, step: 60_000 }],
    ['1小时3分', { ms: 3_780_000, step: 60_000 }],
    ['09:48', null],
    ['昨天', null],
    ['', null],
  ])('reads the list clock %j', (text, expected) => {
    expect(parseWaitClock(text)).toEqual(expected);
  });

  test('opens a conversation with a click on its row', () => {
    const doc = loadFixture('douyin/workspace.html');
    let clicked = '';
    doc.querySelectorAll<HTMLElement>(douyinSelectors.listedConversation).forEach((el) => el.addEventListener('click', () => (clicked = el.getAttribute('data-conversation-id')!)));
    expect(douyinAdapter.openConversation(doc, '7412093847561000003')).toBe(true);
    expect(clicked).toBe('7412093847561000003');
    expect(douyinAdapter.openConversation(doc, 'nobody')).toBe(false);
  });

  test('an empty console (no conversation open) is not a broken layout', () => {
    const doc = loadFixture('douyin/empty.html');
    expect(douyinAdapter.checkLayout(doc)).toEqual([]);
    expect(douyinAdapter.currentConversation(doc)).toBeNull();
    expect(douyinAdapter.readMessages(doc, NOW)).toEqual([]);
    expect(douyinAdapter.findInput(doc)).toBeNull();
    expect(douyinAdapter.readConversationList(doc, NOW).filter((c) => c.waitingSince !== null)).toHaveLength(3);
  });

  test('names the part it cannot find', () => {
    const renamed = loadFixture('douyin/renamed.html');
    expect(douyinAdapter.checkLayout(renamed)).toEqual([{ part: 'thread', selector: douyinSelectors.message }]);
    expect(douyinAdapter.readMessages(renamed, NOW)).toEqual([]);
    expect(checkHealth(douyinAdapter, renamed)).toMatchObject({ status: 'partly', off: ['replyTracking', 'printedTimes'] });

    const noInput = loadFixture('douyin/workspace.html');
    noInput.querySelector(douyinSelectors.input)!.setAttribute('data-qa-id', 'qa-send-message-editor');
    expect(douyinAdapter.checkLayout(noInput)).toEqual([{ part: 'input', selector: douyinSelectors.input }]);

    const noSelection = loadFixture('douyin/workspace.html');
    noSelection.querySelector(douyinSelectors.activeConversation)!.classList.remove('selected_fT3cL');
    expect(douyinAdapter.checkLayout(noSelection).map((p) => p.part)).toEqual(['conversation']);
    expect(douyinAdapter.currentConversation(noSelection)).toBeNull();

    const redesigned = loadFixture('douyin/workspace.html');
    redesigned.querySelectorAll('[data-qa-id]').forEach((el) => el.removeAttribute('data-qa-id'));
    expect(douyinAdapter.checkLayout(redesigned).map((p) => p.part)).toEqual(['app', 'conversation', 'thread', 'input']);
  });
});
