import { describe, expect, test } from 'vitest';
import { ChatEventSchema } from '@/lib/chat-event';
import { checkHealth } from '@/lib/sites/health';
import { pinduoduoAdapter, pinduoduoSelectors } from '@/lib/sites/pinduoduo';
import { loadFixture } from '../support/fixtures';

// The saved pages were rendered at this moment (scripts/capture-pinduoduo-fixtures.ts, `?now=`).
const NOW = Date.parse('2026-09-08T10:00:00+08:00');
const OPEN_UID = '1875210170836';
const beijing = (wall: string) => Date.parse(`${wall}+08:00`);

/** What a match pattern matches, as the browser reads it (scheme, exact host, path with `*`). */
function patternMatches(pattern: string, url: string): boolean {
  const [, scheme, host, path] = /^(https?):\/\/([^/]+)(\/.*)$/.exec(pattern)!;
  const u = new URL(url);
  const glob = new RegExp(`^${path!.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return u.protocol === `${scheme}:` && u.hostname === host && glob.test(u.pathname + u.search);
}

describe('Pinduoduo adapter', () => {
  test.each([
    ['https://mms.pinduoduo.com/chat-merchant/#/', true],
    ['https://mms.pinduoduo.com/chat-merchant/index.html#/', true],
    ['https://mms.pinduoduo.com/chat-merchant/index.html?r=0.5541775007481573#/', true],
    ['https://mms.pinduoduo.com/orders/list', false],
    ['https://mms.pinduoduo.com/home/', false],
    ['https://mms.pinduoduo.com/some/other/page', false],
    ['http://mms.pinduoduo.com/chat-merchant/#/', false],
    ['https://pinduoduo.com/chat-merchant/#/', false],
  ])('handles %s: %s, exactly as its match patterns do', (url, expected) => {
    expect(pinduoduoAdapter.handles(new URL(url))).toBe(expected);
    expect(pinduoduoAdapter.matches.some((p) => patternMatches(p, url))).toBe(expected);
  });

  // Each selector with the number of matches expected on the saved pages, as refined-github keeps them.
  test.each([
    ['app', 2, 2],
    ['listedConversation', 5, 5],
    ['activeConversation', 1, 0],
    ['listedName', 5, 5],
    ['listedTime', 5, 5],
    ['listedWaiting', 2, 2],
    ['threadContainer', 1, 0],
    ['thread', 1, 0],
    ['message', 305, 0],
    ['messageTime', 301, 0],
    ['buyerRow', 144, 0],
    ['shopRow', 157, 0],
    ['robotMark', 30, 0],
    ['robotRow', 0, 0],
    ['systemRow', 4, 0],
    ['messageText', 299, 0],
    ['card', 2, 0],
    ['buyerUid', 301, 0],
    ['buyerName', 1, 0],
    ['input', 1, 0],
    ['send', 1, 0],
    ['shopName', 1, 1],
  ] as const)('selector %s matches %i element(s) with a conversation open, %i in the empty console', (name, open, empty) => {
    expect(loadFixture('pinduoduo/open.html').querySelectorAll(pinduoduoSelectors[name]).length).toBe(open);
    expect(loadFixture('pinduoduo/empty.html').querySelectorAll(pinduoduoSelectors[name]).length).toBe(empty);
  });

  test('reads the open buyer, their order number, the shop and the chat input', () => {
    const doc = loadFixture('pinduoduo/open.html');
    expect(pinduoduoAdapter.checkLayout(doc)).toEqual([]);
    expect(pinduoduoAdapter.currentConversation(doc)).toEqual({ conversationId: OPEN_UID, buyerName: '小鱼儿', orderNumber: '260908-481526093370144' });
    expect(pinduoduoAdapter.shopId(doc)).toBe('多多好物旗舰店');
    expect(pinduoduoAdapter.shopName?.(doc)).toBe('多多好物旗舰店');
    expect(pinduoduoAdapter.findInput(doc)).toBeInstanceOf(HTMLTextAreaElement);
    expect(pinduoduoAdapter.findInput(doc)?.id).toBe('replyTextarea');
    expect(checkHealth(pinduoduoAdapter, doc).status).toBe('working');
  });

  test('falls back to one fixed shop id when the page shows no shop name', () => {
    const doc = loadFixture('pinduoduo/open.html');
    doc.querySelector(pinduoduoSelectors.shopName)!.remove();
    expect(pinduoduoAdapter.shopId(doc)).toBe('pinduoduo-shop');
    expect(pinduoduoAdapter.shopName?.(doc)).toBeNull();
  });

  test('reads the whole long thread: buyer, shop, robot and system rows, with the printed times', () => {
    const doc = loadFixture('pinduoduo/open.html');
    const messages = pinduoduoAdapter.readMessages(doc, NOW);
    expect(messages).toHaveLength(305);
    const count = (sender: string, auto: boolean) => messages.filter((m) => m.sender === sender && m.auto === auto).length;
    expect([count('buyer', false), count('shop', false), count('shop', true), count('system', false)]).toEqual([144, 142, 15, 4]);
    for (const m of messages) expect(ChatEventSchema.safeParse({ ...m, site: 'pinduoduo', shopId: 'x' }).success).toBe(true);
    expect(new Set(messages.map((m) => m.id)).size).toBe(305);
    expect(messages.every((m) => m.conversationId === OPEN_UID && m.buyerName === '小鱼儿' && m.type === 'message')).toBe(true);

    expect(messages[0]).toMatchObject({ id: `${OPEN_UID}:1788763002000`, sender: 'buyer', text: '在吗？', at: beijing('2026-09-07T14:36:42'), atSource: 'page' });
    expect(messages[1]).toMatchObject({ sender: 'shop', auto: true, text: '您好，欢迎光临多多好物旗舰店，请问有什么可以帮您？', at: beijing('2026-09-07T14:36:44') });
    expect(messages[2]).toMatchObject({ sender: 'shop', auto: false, text: '亲，在的，请问有什么可以帮您？', at: beijing('2026-09-07T14:37:04') });
    expect(messages.at(-1)).toMatchObject({ sender: 'shop', auto: false, text: '好的亲，已经给您备注白色XL了，请放心', at: beijing('2026-09-08T09:58:00') });
    // The order card has no text box: its visible text stands for it.
    expect(messages.find((m) => m.text.includes('260908-481526093370144'))).toMatchObject({ sender: 'buyer', at: beijing('2026-09-08T09:57:19') });

    // System rows print no time: the moment they were seen.
    const system = messages.filter((m) => m.sender === 'system');
    expect(system.every((m) => m.atSource === 'seen' && m.at === NOW && m.text.startsWith('您接待过此消费者'))).toBe(true);
    const printed = messages.filter((m) => m.atSource === 'page').map((m) => m.at);
    expect(printed).toHaveLength(301);
    expect(printed).toEqual([...printed].sort((a, b) => a - b));
  });

  test('message ids come from the page: the same on another read and after a reload', () => {
    const first = pinduoduoAdapter.readMessages(loadFixture('pinduoduo/open.html'), NOW).map((m) => m.id);
    const again = pinduoduoAdapter.readMessages(loadFixture('pinduoduo/open.html'), NOW + 60_000).map((m) => m.id);
    expect(again).toEqual(first);
  });

  test('reads only the rows after the last one read, and a new row once', () => {
    const doc = loadFixture('pinduoduo/open.html');
    const all = pinduoduoAdapter.readMessages(doc, NOW);
    const read = new Set(all.slice(0, -2).map((m) => m.id));
    expect(pinduoduoAdapter.readMessages(doc, NOW, (id) => read.has(id)).map((m) => m.text)).toEqual(all.slice(-2).map((m) => m.text));

    const thread = doc.querySelector(pinduoduoSelectors.thread)!;
    const row = doc.querySelector(`${pinduoduoSelectors.message}:has(${pinduoduoSelectors.buyerRow})`)!.cloneNode(true) as Element;
    row.id = 'middlePanel_list_1788832800123';
    row.querySelector(pinduoduoSelectors.messageTime)!.textContent = '2026年09月08日 10:00:00';
    row.querySelector(pinduoduoSelectors.messageText)!.textContent = '在吗？这个有现货吗';
    thread.append(row);
    all.forEach((m) => read.add(m.id));
    expect(pinduoduoAdapter.readMessages(doc, NOW, (id) => read.has(id))).toEqual([
      expect.objectContaining({ id: `${OPEN_UID}:1788832800123`, sender: 'buyer', text: '在吗？这个有现货吗', at: NOW, atSource: 'page' }),
    ]);
  });

  test('keeps a message’s line breaks, written as newlines or as <br>', () => {
    const doc = loadFixture('pinduoduo/open.html');
    const box = [...doc.querySelectorAll(pinduoduoSelectors.messageText)].at(-1)!;
    box.replaceChildren('亲，您好', doc.createElement('br'), '有现货的\n今天发');
    expect(pinduoduoAdapter.readMessages(doc, NOW).at(-1)!.text).toBe('亲，您好\n有现货的\n今天发');
  });

  test('knows the robot by either mark, and the other sources’ row kinds', () => {
    const doc = loadFixture('pinduoduo/open.html');
    const thread = doc.querySelector(pinduoduoSelectors.thread)!;
    const robot = () => doc.querySelector(`${pinduoduoSelectors.message}:has(.callback)`)!.cloneNode(true) as Element;
    const onlyCallback = robot();
    onlyCallback.id = 'middlePanel_list_1';
    onlyCallback.querySelector('.robot-text')!.classList.remove('robot-text');
    const onlyRobotText = robot();
    onlyRobotText.id = 'middlePanel_List_2'; // as some public code spells it
    onlyRobotText.querySelector('.callback')!.classList.remove('callback');
    const seller = robot();
    seller.id = 'middlePanel_list_3';
    seller.querySelector('.cs-item')!.className = 'seller-item';
    seller.querySelector('.robot-text')!.classList.remove('robot-text');
    const robotItem = robot();
    robotItem.id = 'middlePanel_list_4';
    robotItem.querySelector('.cs-item')!.className = 'robot-item';
    robotItem.querySelector('.robot-text')!.classList.remove('robot-text');
    thread.append(onlyCallback, onlyRobotText, seller, robotItem);
    expect(
      pinduoduoAdapter
        .readMessages(doc, NOW)
        .slice(-4)
        .map((m) => [m.id, m.sender, m.auto]),
    ).toEqual([
      [`${OPEN_UID}:1`, 'shop', true],
      [`${OPEN_UID}:2`, 'shop', true],
      [`${OPEN_UID}:3`, 'shop', false],
      [`${OPEN_UID}:4`, 'shop', true],
    ]);
  });

  test('reads nothing while the thread still shows the buyer the list just left', () => {
    const doc = loadFixture('pinduoduo/open.html');
    const active = doc.querySelector(pinduoduoSelectors.activeConversation)!;
    active.classList.remove('active');
    doc.querySelector('[data-random^="1875210171204-"]')!.classList.add('active');
    expect(pinduoduoAdapter.currentConversation(doc)).toBeNull();
    expect(pinduoduoAdapter.readMessages(doc, NOW)).toEqual([]);
    // A `currentuid` that is no listed buyer's (were it the agent's own) does not stop the reading.
    doc.querySelectorAll(pinduoduoSelectors.buyerUid).forEach((el) => el.setAttribute('currentuid', '999'));
    expect(pinduoduoAdapter.currentConversation(doc)?.conversationId).toBe('1875210171204');
  });

  test('reads every conversation of the list with the waits it shows, and opens one with a click', () => {
    const doc = loadFixture('pinduoduo/open.html');
    const list = pinduoduoAdapter.readConversationList(doc, NOW);
    expect(list.map((c) => [c.conversationId, c.buyerName, c.waitingSince])).toEqual([
      ['1875210169412', '张***', NOW - 430_000], // 已等待7分10秒, in the timeout group
      ['1875210171204', 't**7好运', NOW - 5_000], // 已等待5秒
      [OPEN_UID, '小鱼儿', null],
      ['1875210168077', 'w***n', null],
      ['1875210165530', '乐乐妈', null],
    ]);
    let clicked = '';
    doc.querySelectorAll<HTMLElement>(pinduoduoSelectors.listedConversation).forEach((el) => el.addEventListener('click', () => (clicked = el.getAttribute('data-random')!)));
    expect(pinduoduoAdapter.openConversation(doc, '1875210171204')).toBe(true);
    expect(clicked).toBe('1875210171204-0-unRead');
    expect(pinduoduoAdapter.openConversation(doc, 'nobody')).toBe(false);
  });

  test('a wait read a second later, its mark a second on, is the same wait; a new wait is new', () => {
    const doc = loadFixture('pinduoduo/open.html');
    const since = () => pinduoduoAdapter.readConversationList(doc, now).find((c) => c.conversationId === '1875210171204')!.waitingSince;
    const mark = doc.querySelector('[data-random^="1875210171204-"] p.chat-unreply-time')!;
    let now = NOW;
    expect(since()).toBe(NOW - 5_000);
    now = NOW + 900; // the mark still says 5 s
    expect(since()).toBe(NOW - 5_000);
    now = NOW + 1_300;
    mark.textContent = '已等待6秒';
    expect(since()).toBe(NOW - 5_000);
    // Answered: the mark goes; the buyer writes again later: a new wait.
    mark.remove();
    expect(since()).toBeNull();
    now = NOW + 60_000;
    doc.querySelector('[data-random^="1875210171204-"] .chat-time')!.append(Object.assign(doc.createElement('p'), { className: 'chat-unreply-time', textContent: '已等待2秒' }));
    expect(since()).toBe(NOW + 58_000);
  });

  test('reads a buyer listed in two groups once, and a mark without a duration by the list time', () => {
    const doc = loadFixture('pinduoduo/open.html');
    const item = doc.querySelector('[data-random^="1875210169412-"]')!.closest('li')!;
    const copy = item.cloneNode(true) as Element;
    copy.firstElementChild!.setAttribute('data-random', '1875210169412-0-all');
    doc.querySelector('ul.already-reply')!.append(copy);
    item.querySelector('.chat-unreply-over-time')!.textContent = '超时未回复';
    copy.querySelector('.chat-unreply-over-time')!.textContent = '超时未回复';
    const listed = pinduoduoAdapter.readConversationList(doc, NOW).filter((c) => c.conversationId === '1875210169412');
    // "09:53", the list's time of the buyer's last message.
    expect(listed).toEqual([{ conversationId: '1875210169412', buyerName: '张***', unread: 0, waitingSince: beijing('2026-09-08T09:53:00') }]);
  });

  test('names the renamed chat input instead of guessing', () => {
    const doc = loadFixture('pinduoduo/renamed-input.html');
    expect(pinduoduoAdapter.checkLayout(doc)).toEqual([{ part: 'input', selector: 'textarea#replyTextarea' }]);
    expect(pinduoduoAdapter.findInput(doc)).toBeNull();
    const health = checkHealth(pinduoduoAdapter, doc);
    expect(health.status).toBe('partly');
    expect(health.off).toEqual(['insertion']);
  });

  test('names each missing part of an open conversation, and a console it does not know', () => {
    const doc = loadFixture('pinduoduo/open.html');
    doc.querySelector('#msgListContainer')!.id = 'messageList';
    doc.querySelector('.chatWindowHeader')!.className = 'chat-window-header';
    expect(pinduoduoAdapter.checkLayout(doc).map((p) => p.part)).toEqual(['thread', 'conversation']);
    doc.querySelectorAll('ul.timeout-unreply, ul.five-minute').forEach((ul) => (ul.className = 'session-list'));
    expect(pinduoduoAdapter.checkLayout(doc)[0]).toEqual({ part: 'app', selector: pinduoduoSelectors.app });
  });

  test('an empty console, no conversation open, is no broken layout', () => {
    const doc = loadFixture('pinduoduo/empty.html');
    expect(pinduoduoAdapter.checkLayout(doc)).toEqual([]);
    expect(pinduoduoAdapter.currentConversation(doc)).toBeNull();
    expect(pinduoduoAdapter.readMessages(doc, NOW)).toEqual([]);
    expect(pinduoduoAdapter.findInput(doc)).toBeNull();
    expect(pinduoduoAdapter.readConversationList(doc, NOW).filter((c) => c.waitingSince !== null).map((c) => c.conversationId)).toEqual(['1875210169412', '1875210171204']);
    expect(checkHealth(pinduoduoAdapter, doc).status).toBe('working');
  });
});
