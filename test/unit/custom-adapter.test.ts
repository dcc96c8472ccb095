import { describe, expect, test } from 'vitest';
import { ChatEventSchema } from '@/lib/chat-event';
import { deriveInnerSelector, deriveRowSelector, deriveSelector, rowOf } from '@/lib/sites/custom/derive';
import { customAdapterForUrl, customSiteAdapter } from '@/lib/sites/custom/generic';
import { isValidPath, queryAllDeepPath } from '@/lib/sites/custom/query';
import { CustomAdapterSchema, customMatchPattern, exportCustomAdapters, invalidSelectorParts, parseCustomAdaptersFile, type CustomAdapter, type CustomAdapterInput } from '@/lib/sites/custom/schema';
import { checkHealth } from '@/lib/sites/health';
import { loadFixture, loadShadowFixture } from '../support/fixtures';

const NOW = Date.parse('2026-11-23T12:00:00Z'); // 20:00 in Beijing

function record(input: Partial<CustomAdapterInput> & Pick<CustomAdapterInput, 'selectors'>): CustomAdapter {
  return CustomAdapterSchema.parse({ id: 'custom-teashop', name: 'Tea shop console', host: 'kefu.teashop.example', createdAt: 1, updatedAt: 1, version: 1, ...input });
}

const mixed = record({
  selectors: {
    buyerMessage: '.msg-item.left',
    shopMessage: '.msg-item.right',
    robotMessage: '.robot-tag',
    messageText: '.msg-content',
    messageTime: '.msg-time',
    buyerName: '.chat-title .nick',
    conversationRow: '.session-item',
    conversationName: '.session-nick',
    input: '.editor',
    send: '.send-btn',
  },
  robot: { how: 'selector' },
});

describe('custom adapter records', () => {
  test('defaults: https, the whole host, times read automatically in Beijing time, no robot', () => {
    const r = record({ selectors: mixed.selectors });
    expect(r).toMatchObject({ scheme: 'https', pathPrefix: '/', timeFormat: 'auto', timeZone: 'Asia/Shanghai', robot: { how: 'none' } });
    expect(customMatchPattern(r)).toBe('https://kefu.teashop.example/*');
    expect(customMatchPattern({ ...r, host: '*.teashop.example', pathPrefix: '/im/' })).toBe('https://*.teashop.example/im/*');
  });

  test.each([
    [{ host: 'kefu.teashop.example:8080' }, 'host'],
    [{ host: 'https://kefu.teashop.example' }, 'host'],
    [{ id: 'teashop' }, 'id'],
    [{ pathPrefix: 'im/' }, 'pathPrefix'],
    [{ timeZone: 'Beijing' }, 'timeZone'],
    [{ robot: { how: 'selector' }, selectors: { ...mixed.selectors, robotMessage: undefined } }, 'selectors.robotMessage'],
    [{ selectors: { ...mixed.selectors, input: '  ' } }, 'selectors.input'],
  ] as const)('refuses %j at %s', (change, field) => {
    const parsed = CustomAdapterSchema.safeParse({ ...mixed, ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path.join('.')).toBe(field);
  });

  test('names the parts whose selector the browser rejects', () => {
    const doc = loadFixture('custom-sites/mixed.html');
    const broken = { ...mixed, selectors: { ...mixed.selectors, send: 'button[', input: 'x-app >>> ' } };
    expect(invalidSelectorParts(broken, (s) => isValidPath(doc, s))).toEqual(['input', 'send']);
    expect(invalidSelectorParts(mixed, (s) => isValidPath(doc, s))).toEqual([]);
  });

  test('the share file round-trips, and a bad entry refuses the whole file naming the entry and field', () => {
    const second = { ...mixed, id: 'custom-second', host: '*.example.com' };
    const text = exportCustomAdapters([mixed, second]);
    expect(parseCustomAdaptersFile(text)).toEqual({ ok: true, adapters: [mixed, second] });

    const file = JSON.parse(text);
    file.adapters[1].selectors.input = '';
    expect(parseCustomAdaptersFile(JSON.stringify(file))).toMatchObject({ ok: false, problem: { entry: 2, field: 'selectors.input' } });
    expect(parseCustomAdaptersFile(exportCustomAdapters([mixed, mixed]))).toMatchObject({ ok: false, problem: { entry: 2, field: 'id' } });
    expect(parseCustomAdaptersFile(JSON.stringify({ ...file, kind: 'kefu-sidekick/snippets' }))).toMatchObject({ ok: false, problem: { entry: null, field: 'kind' } });
    expect(parseCustomAdaptersFile(JSON.stringify({ ...file, version: 2 }))).toMatchObject({ ok: false, problem: { entry: null, field: 'version' } });
    expect(parseCustomAdaptersFile('{"kind": ')).toMatchObject({ ok: false, problem: { entry: null, field: '(file)' } });
  });
});

describe('the generic adapter', () => {
  test('handles its host (a wildcard covers the domain and its subdomains), scheme and path only', () => {
    const exact = customSiteAdapter({ ...mixed, pathPrefix: '/im/' });
    expect(exact.handles(new URL('https://kefu.teashop.example/im/chat?id=1'))).toBe(true);
    expect(exact.handles(new URL('https://kefu.teashop.example/orders/'))).toBe(false);
    expect(exact.handles(new URL('http://kefu.teashop.example/im/'))).toBe(false);
    expect(exact.handles(new URL('https://evil.example/im/?kefu.teashop.example'))).toBe(false);
    const wildcard = customSiteAdapter({ ...mixed, host: '*.teashop.example' });
    expect(['https://teashop.example/', 'https://a.b.teashop.example/x'].map((u) => wildcard.handles(new URL(u)))).toEqual([true, true]);
    expect(wildcard.handles(new URL('https://notteashop.example/'))).toBe(false);
    expect(wildcard.matches).toEqual(['https://*.teashop.example/*']);
  });

  test('the most specific record wins: an exact host over a wildcard, a longer path over a shorter one', () => {
    const site = { ...mixed, id: 'custom-site', host: '*.teashop.example' };
    const host = { ...mixed, id: 'custom-host' };
    const chat = { ...mixed, id: 'custom-chat', pathPrefix: '/im/' };
    const pick = (url: string) => customAdapterForUrl([site, host, chat], url)?.id;
    expect(pick('https://kefu.teashop.example/im/1')).toBe('custom-chat');
    expect(pick('https://kefu.teashop.example/orders')).toBe('custom-host');
    expect(pick('https://shop.teashop.example/im/1')).toBe('custom-site');
    expect(pick('http://kefu.teashop.example/im/1')).toBeUndefined();
  });

  test("with another adapter's conversation (a fix to a built-in console), ids and names follow it", () => {
    const doc = loadFixture('custom-sites/mixed.html');
    const adapter = customSiteAdapter(mixed, { conversation: () => ({ conversationId: 'u9812', buyerName: '李女士' }) });
    doc.querySelector('.chat-title')!.remove();
    const messages = adapter.readMessages(doc, NOW);
    expect(messages).toHaveLength(5);
    expect(messages.every((m) => m.conversationId === 'u9812')).toBe(true);
  });

  test('reads a console whose senders differ by a modifier: senders, robot, printed times, row ids', () => {
    const doc = loadFixture('custom-sites/mixed.html');
    const adapter = customSiteAdapter(mixed);
    expect(adapter.checkLayout(doc)).toEqual([]);
    expect(adapter.shopId(doc)).toBe('custom:kefu.teashop.example');
    const current = adapter.currentConversation(doc)!;
    expect(current.buyerName).toBe('李女士');
    const messages = adapter.readMessages(doc, NOW);
    expect(messages.map((m) => [m.id, m.sender, m.auto])).toEqual([
      ['m-20001', 'buyer', false],
      ['m-20002', 'buyer', false],
      ['m-20003', 'shop', true],
      ['m-20004', 'shop', false],
      ['m-20005', 'buyer', false],
    ]);
    expect(messages[3]).toMatchObject({ text: '是今年三月的新茶，一罐250克。', at: Date.parse('2026-11-23T02:17:45Z'), atSource: 'page', conversationId: current.conversationId });
    expect(messages[3]!.precisionMs).toBeUndefined();
    for (const m of messages) expect(ChatEventSchema.safeParse({ ...m, site: 'custom-teashop', shopId: 'x' }).success).toBe(true);
    // Rows already read are not read again.
    expect(adapter.readMessages(doc, NOW, (id) => id !== 'm-20005').map((m) => m.id)).toEqual(['m-20005']);
    // History loaded above the thread: its first row is new, so every unread row is read, older ones too.
    expect(adapter.readMessages(doc, NOW, (id) => id === 'm-20003').map((m) => m.id)).toEqual(['m-20001', 'm-20002', 'm-20004', 'm-20005']);
    expect(adapter.findInput(doc)?.className).toBe('editor');
    expect(adapter.observeRoot(doc)?.id).toBe('chatList');
  });

  test('with robot replies not told apart, every shop message counts as manual', () => {
    const messages = customSiteAdapter({ ...mixed, robot: { how: 'none' } }).readMessages(loadFixture('custom-sites/mixed.html'), NOW);
    expect(messages.filter((m) => m.auto)).toEqual([]);
  });

  test('lists the conversations and opens one by its buyer, as a click on the list would', () => {
    const doc = loadFixture('custom-sites/mixed.html');
    const adapter = customSiteAdapter(mixed);
    const list = adapter.readConversationList(doc, NOW);
    expect(list.map((c) => c.buyerName)).toEqual(['李女士', '茶客老张']);
    expect(list[0]!.conversationId).toBe(adapter.currentConversation(doc)!.conversationId);
    const clicked: string[] = [];
    for (const item of doc.querySelectorAll('.session-item')) item.addEventListener('click', () => clicked.push(item.getAttribute('data-uid')!));
    expect(adapter.openConversation(doc, list[1]!.conversationId)).toBe(true);
    expect(clicked).toEqual(['u5530']);
    expect(adapter.openConversation(doc, 'name:nobody')).toBe(false);
  });

  test('without ids on the rows: stable ids from the message, two identical messages stay two', () => {
    const doc = loadFixture('custom-sites/generated.html');
    const adapter = customSiteAdapter(
      record({
        selectors: {
          buyerMessage: '[data-testid="message-item"][data-direction="in"]',
          shopMessage: '[data-testid="message-item"][data-direction="out"]',
          robotMessage: '[class*="Badge_robot__"]',
          messageText: '[class*="Bubble_text__"]',
          messageTime: '[class*="Message_time__"]',
          buyerName: '[data-testid="chat-buyer-name"]',
          input: '#composer textarea',
          send: '#composer > div:nth-of-type(2) > button',
        },
        robot: { how: 'selector' },
        timeFormat: 'clock',
      }),
    );
    const messages = adapter.readMessages(doc, NOW);
    expect(messages.map((m) => [m.sender, m.auto, m.text])).toEqual([
      ['buyer', false, '你好，这款保温杯还有货吗？'],
      ['shop', true, '亲，您好，欢迎光临云栖小铺，客服马上为您服务~'],
      ['shop', false, '在的亲，350ml 和 500ml 都有现货。'],
      ['buyer', false, '好的'],
      ['buyer', false, '好的'],
      ['buyer', false, '请问有赠品吗'],
    ]);
    expect(new Set(messages.map((m) => m.id)).size).toBe(6);
    // A clock to the minute: its precision says so, for the watcher to time a fresh message when it was seen.
    expect(messages[0]).toMatchObject({ at: Date.parse('2026-11-23T06:02:00Z'), atSource: 'page', precisionMs: 60_000 });
    // Read again after a re-render: the same ids, so nothing is stored twice.
    const list = doc.querySelector('[data-testid="message-list"]')!;
    list.replaceChildren(...[...list.children].map((row) => row.cloneNode(true)));
    expect(adapter.readMessages(doc, NOW + 5000).map((m) => m.id)).toEqual(messages.map((m) => m.id));
    expect(adapter.readMessages(doc, NOW, (id) => id !== messages[5]!.id).map((m) => m.text)).toEqual(['请问有赠品吗']);
  });

  test('a web-component console: messages, datetime times and the input through shadow roots', () => {
    const doc = loadShadowFixture('custom-sites/shadow.html');
    const adapter = customSiteAdapter(
      record({
        host: 'desk.example.com',
        selectors: {
          buyerMessage: 'kefu-app >>> chat-thread >>> chat-message[from="buyer"]',
          shopMessage: 'kefu-app >>> chat-thread >>> chat-message[from="agent"]',
          robotMessage: 'kefu-app >>> chat-thread >>> chat-message[auto]',
          messageText: '.text',
          messageTime: 'time',
          buyerName: 'kefu-app >>> chat-header >>> .buyer',
          conversationRow: 'kefu-app >>> conv-list >>> .conv',
          conversationName: '.conv-name',
          input: 'kefu-app >>> chat-composer >>> rich-input >>> textarea',
          send: 'kefu-app >>> chat-composer >>> .send',
        },
        robot: { how: 'selector' },
        timeZone: 'Europe/Berlin',
      }),
    );
    expect(adapter.checkLayout(doc)).toEqual([]);
    expect(adapter.currentConversation(doc)?.buyerName).toBe('Maria G.');
    const messages = adapter.readMessages(doc, NOW);
    expect(messages.map((m) => [m.sender, m.auto, m.at])).toEqual([
      ['buyer', false, Date.parse('2026-11-23T09:02:10Z')],
      ['shop', true, Date.parse('2026-11-23T09:02:11Z')],
      ['shop', false, Date.parse('2026-11-23T09:04:40Z')],
      ['buyer', false, Date.parse('2026-11-23T09:05:02Z')],
    ]);
    expect(messages[2]!.text).toBe('Hello Maria, yes, M is in stock.');
    expect(adapter.findInput(doc)?.localName).toBe('textarea');
    expect(adapter.readConversationList(doc, NOW).map((c) => c.buyerName)).toEqual(['Maria G.', 'Tom Becker']);
  });

  test('a page with none of the taught parts is not recognised; with no conversation open, the conversation is the problem', () => {
    const adapter = customSiteAdapter(mixed);
    const other = loadFixture('demo/standard.html');
    expect(adapter.checkLayout(other).map((p) => p.part)).toEqual(['app']);
    expect(checkHealth(adapter, other).status).toBe('unrecognised');
    const doc = loadFixture('custom-sites/mixed.html');
    doc.querySelector('.chat-title')!.remove();
    expect(adapter.checkLayout(doc).map((p) => p.part)).toEqual(['conversation']);
    expect(adapter.currentConversation(doc)).toBeNull();
    expect(adapter.readMessages(doc, NOW)).toEqual([]);
  });

  test('health names each part by the taught selector: working, then the input renamed turns off insertion', () => {
    const doc = loadFixture('custom-sites/mixed.html');
    const adapter = customSiteAdapter(mixed);
    expect(checkHealth(adapter, doc)).toMatchObject({ status: 'working', off: [] });
    doc.querySelector('.editor')!.className = 'editor-v2';
    expect(checkHealth(adapter, doc)).toMatchObject({ status: 'partly', off: ['insertion'] });
  });

  test('taught by pointing: selectors derived from one click per part read the console as written by hand', () => {
    const doc = loadFixture('custom-sites/mixed.html');
    const buyerClick = doc.querySelector('[data-msg-id="m-20001"] .msg-content')!;
    const shopClick = doc.querySelector('[data-msg-id="m-20004"] .msg-content')!;
    const buyerMessage = deriveRowSelector(buyerClick, { exclude: [shopClick] }).selector;
    const shopMessage = deriveRowSelector(shopClick, { exclude: [buyerClick] }).selector;
    const robotMessage = deriveRowSelector(doc.querySelector('.robot-tag')!, { exclude: [buyerClick, shopClick] }).selector;
    const row = rowOf(buyerClick);
    const taught = record({
      selectors: {
        buyerMessage,
        shopMessage,
        robotMessage,
        messageText: deriveInnerSelector(row, buyerClick).selector,
        messageTime: deriveInnerSelector(row, row.querySelector('.msg-time')!).selector,
        buyerName: deriveSelector(doc.querySelector('.chat-title .nick')!).selector,
        input: deriveSelector(doc.querySelector('[contenteditable]')!).selector,
        send: deriveSelector(doc.querySelector('.send-btn')!).selector,
      },
      robot: { how: 'selector' },
    });
    const byHand = customSiteAdapter(mixed).readMessages(doc, NOW);
    expect(customSiteAdapter(taught).readMessages(doc, NOW)).toEqual(byHand);
    expect(queryAllDeepPath(doc, taught.selectors.robotMessage!)).toHaveLength(1);
  });
});
