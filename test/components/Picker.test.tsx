import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { Picker } from '@/components/Picker';
import { createClient } from '@/lib/messaging';
import { parsePickerConfig, type PickerConfig } from '@/lib/picker-steps';
import { queryAllDeepPath, queryAllWithin } from '@/lib/sites/custom/query';
import { CustomAdapterSchema, type CustomAdapter } from '@/lib/sites/custom/schema';
import { attachShadowTemplates, loadFixture } from '../support/fixtures';

const PAGE = { title: '在线客服工作台', hostname: 'kefu.example.test', protocol: 'https:' };

/** The saved console page, as the live document the picker runs in. */
function loadPage(path: string): void {
  const saved = loadFixture(path);
  document.title = saved.title;
  document.body.replaceChildren(...[...saved.body.childNodes].map((node) => document.importNode(node, true)));
}

const $ = (selector: string) => document.querySelector(selector)!;
const ids = (elements: Element[]) => elements.map((el) => el.getAttribute('data-msg-id'));

/** The worker's side: answers customSites.save with the site, or with `refusal`. */
function worker(refusal?: string) {
  const transport = vi.fn(async (message: unknown) => {
    const { payload } = message as { payload: { site?: unknown; fix?: unknown } };
    return refusal ? { ok: false, error: refusal, refused: true } : { ok: true, data: payload.site ?? {} };
  });
  return { transport, send: createClient(transport) };
}

function open(config: PickerConfig = { mode: 'new' }, refusal?: string) {
  const { transport, send } = worker(refusal);
  const onClose = vi.fn();
  const view = render(<Picker config={config} send={send} onClose={onClose} page={PAGE} now={() => 1_780_000_000_000} closeDelayMs={0} />);
  const panel = view.container.querySelector('.picker')!;
  return { transport, onClose, view, panel };
}

/** The selector the panel shows for the current part. */
const shownSelector = (panel: Element) => panel.querySelector('.picker-current .picker-selector')?.textContent ?? '';
const next = () => fireEvent.click(screen.getByText('下一步'));

/** The agent points at `el` as with a mouse: over it, then a click. */
function point(el: Element): void {
  fireEvent.mouseOver(el);
  fireEvent.pointerDown(el);
  fireEvent.mouseDown(el);
  fireEvent.mouseUp(el);
  fireEvent.click(el);
}

/** Points at every part of mixed.html, optional ones included, and comes to the last step. */
function pointAll(panel: Element): Record<string, string> {
  const chosen: Record<string, string> = {};
  const steps: [string, string][] = [
    ['buyerMessage', '[data-msg-id="m-20002"] .msg-content'],
    ['shopMessage', '[data-msg-id="m-20004"] .msg-time'],
    ['robotMessage', '.robot-tag'],
    ['messageTime', '[data-msg-id="m-20001"] .msg-time'],
    ['buyerName', '.chat-title .nick'],
    ['conversationRow', '.session-item + .session-item .session-time'],
    ['conversationName', '.session-item .session-nick'],
    ['input', '.editor'],
    ['send', '.send-btn'],
  ];
  for (const [part, target] of steps) {
    point($(target));
    chosen[part] = shownSelector(panel);
    next();
  }
  return chosen;
}

beforeEach(() => loadPage('custom-sites/mixed.html'));

describe('the picker', () => {
  test('pointing at each part of a console: every selector matches the right elements, and Save sends a valid record', async () => {
    const pageClicks = vi.fn();
    $('.send-btn').addEventListener('click', pageClicks);
    $('.editor').addEventListener('mousedown', pageClicks);
    const { transport, onClose, panel } = open();

    // A required part cannot be passed by before it is pointed at.
    expect((screen.getByText('下一步') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByText('跳过')).toBeNull();
    const chosen = pointAll(panel);

    expect(ids(queryAllDeepPath(document, chosen.buyerMessage!))).toEqual(['m-20001', 'm-20002', 'm-20005']);
    expect(ids(queryAllDeepPath(document, chosen.shopMessage!))).toEqual(['m-20003', 'm-20004']);
    expect(ids(queryAllDeepPath(document, chosen.robotMessage!))).toEqual(['m-20003']);
    for (const row of document.querySelectorAll('.msg-item')) expect(queryAllWithin(row, chosen.messageTime!)[0]?.textContent).toBe(row.querySelector('.msg-time')!.textContent);
    expect(queryAllDeepPath(document, chosen.buyerName!).map((el) => el.textContent)).toEqual(['李女士']);
    expect(queryAllDeepPath(document, chosen.conversationRow!).map((el) => el.getAttribute('data-uid'))).toEqual(['u9812', 'u5530']);
    expect(queryAllDeepPath(document, chosen.input!)).toEqual([$('.editor')]);
    expect(queryAllDeepPath(document, chosen.send!)).toEqual([$('.send-btn')]);
    // The console saw none of the pointing: its Send did not fire, its input was not pressed.
    expect(pageClicks).not.toHaveBeenCalled();
    // Each part's live count, as the agent sees it in the list.
    expect([...panel.querySelectorAll('.picker-part')].map((li) => li.querySelector('.picker-count')?.textContent)).toEqual(['匹配 3 个', '匹配 2 个', '匹配 1 个', '匹配 5 个', '匹配 1 个', '匹配 2 个', '匹配 2 个', '匹配 1 个', '匹配 1 个']);
    expect(panel.querySelector('.picker-warning')).toBeNull();

    // The last step: the page's title and host as defaults.
    expect((panel.querySelector('input[name="name"]') as HTMLInputElement).value).toBe('在线客服工作台');
    expect((panel.querySelector('input[name="host"]') as HTMLInputElement).value).toBe('kefu.example.test');
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('已保存')).toBeTruthy();
    await waitFor(() => expect(onClose).toHaveBeenCalledWith('saved'));

    expect(transport).toHaveBeenCalledTimes(1);
    const message = transport.mock.calls[0]![0] as { name: string; payload: { site: CustomAdapter } };
    expect(message.name).toBe('customSites.save');
    const site = CustomAdapterSchema.parse(message.payload.site);
    expect(site).toMatchObject({ name: '在线客服工作台', scheme: 'https', host: 'kefu.example.test', pathPrefix: '/', timeZone: 'Asia/Shanghai', robot: { how: 'selector' }, timeFormat: 'auto', version: 1 });
    expect(site.id).toMatch(/^custom-kefu-example-test-[a-z0-9]+$/);
    expect(site.selectors).toEqual(chosen);
  });

  test('optional parts can be skipped; the record then tells no robot replies apart', async () => {
    const { transport, panel } = open();
    point($('[data-msg-id="m-20001"] .msg-content'));
    next();
    point($('[data-msg-id="m-20004"] .msg-content'));
    next();
    fireEvent.click(screen.getByText('跳过')); // robot
    fireEvent.click(screen.getByText('跳过')); // time
    point($('.chat-title .nick'));
    next();
    fireEvent.click(screen.getByText('跳过')); // conversation row
    fireEvent.click(screen.getByText('跳过')); // conversation name
    point($('.editor'));
    next();
    point($('.send-btn'));
    next();
    expect(panel.querySelector('.picker-step')!.textContent).toBe('第 10 步，共 10 步');
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(transport).toHaveBeenCalledTimes(1));
    const { site } = (transport.mock.calls[0]![0] as { payload: { site: CustomAdapter } }).payload;
    expect(CustomAdapterSchema.safeParse(site).success).toBe(true);
    expect(site.robot).toEqual({ how: 'none' });
    expect(Object.keys(site.selectors).sort()).toEqual(['buyerMessage', 'buyerName', 'input', 'send', 'shopMessage']);
  });

  test('a field the schema refuses shows its problem beside it, and nothing is sent until it is right', async () => {
    const { transport, panel } = open();
    pointAll(panel);
    fireEvent.input(panel.querySelector('input[name="timeZone"]')!, { target: { value: 'Mars/Olympus' } });
    fireEvent.click(screen.getByText('保存'));
    const zoneField = panel.querySelector('input[name="timeZone"]')!.closest('label')!;
    await waitFor(() => expect(zoneField.querySelector('.picker-warning')?.textContent).toMatch(/not a time zone/));
    expect(panel.querySelector('input[name="timeZone"]')!.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(panel.querySelector('input[name="timeZone"]')!, { target: { value: 'Asia/Shanghai' } });
    fireEvent.input(panel.querySelector('input[name="host"]')!, { target: { value: 'kefu example!' } });
    fireEvent.click(screen.getByText('保存'));
    const hostField = panel.querySelector('input[name="host"]')!.closest('label')!;
    await waitFor(() => expect(hostField.querySelector('.picker-warning')?.textContent).toMatch(/expected a hostname/));
    expect(zoneField.querySelector('.picker-warning')).toBeNull();
    expect(transport).not.toHaveBeenCalled();

    fireEvent.input(panel.querySelector('input[name="host"]')!, { target: { value: '*.example.test' } });
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(transport).toHaveBeenCalledTimes(1));
    expect((transport.mock.calls[0]![0] as { payload: { site: CustomAdapter } }).payload.site.host).toBe('*.example.test');
  });

  test("the worker's refusal is shown and the panel keeps what the agent did", async () => {
    const { transport, onClose, panel } = open({ mode: 'new' }, 'no permission for kefu.example.test: nothing was saved');
    pointAll(panel);
    fireEvent.input(panel.querySelector('input[name="name"]')!, { target: { value: '我们的客服台' } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('没有保存：no permission for kefu.example.test: nothing was saved')).toBeTruthy();
    expect(transport).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
    expect((panel.querySelector('input[name="name"]') as HTMLInputElement).value).toBe('我们的客服台');
    expect([...panel.querySelectorAll('.picker-part .picker-count')]).toHaveLength(9);
  });

  test('Escape cancels: the console does not see the key, and gets its clicks back once the panel is gone', () => {
    const pageKeys = vi.fn();
    const pageClicks = vi.fn();
    document.addEventListener('keydown', pageKeys);
    $('.send-btn').addEventListener('click', pageClicks);
    const { onClose, view } = open();
    point($('.send-btn'));
    expect(pageClicks).not.toHaveBeenCalled();
    fireEvent.keyDown($('.editor'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledWith('cancelled');
    expect(pageKeys).not.toHaveBeenCalled();
    view.unmount();
    fireEvent.click($('.send-btn'));
    expect(pageClicks).toHaveBeenCalledTimes(1);
    document.removeEventListener('keydown', pageKeys);
  });

  test('hovering outlines the element in the panel’s own layer; the page’s elements are not restyled', () => {
    const { panel } = open();
    const row = $('[data-msg-id="m-20002"]');
    const attributes = () => [row, ...row.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`));
    const before = attributes();
    fireEvent.mouseOver(row);
    expect(panel.querySelectorAll('.picker-overlay .picker-box--hover')).toHaveLength(1);
    point(row.querySelector('.msg-content')!);
    // Every buyer row is outlined as matched, drawn in the panel, not on the rows.
    expect(panel.querySelectorAll('.picker-overlay .picker-box--matched')).toHaveLength(3);
    expect(row.getAttribute('style')).toBeNull();
    expect(attributes()).toEqual(before);
  });

  test('the panel moves to the other corner, and clicks on the panel are not taken as pointing at the page', () => {
    const { panel } = open();
    fireEvent.click(screen.getByText('移到左侧'));
    expect(panel.querySelector('.picker-panel')!.classList.contains('picker-panel--left')).toBe(true);
    expect(screen.getByText('移到右侧')).toBeTruthy();
    expect(shownSelector(panel)).toBe('');
    expect(panel.querySelector('.picker-current .picker-note')!.textContent).toBe('还没有选择：请在页面上点击。');
  });

  test("a message's time must be pointed at inside a message", () => {
    const { panel } = open();
    point($('[data-msg-id="m-20001"] .msg-content'));
    next();
    point($('[data-msg-id="m-20004"] .msg-content'));
    next();
    fireEvent.click(screen.getByText('跳过'));
    point($('.session-time'));
    expect(panel.querySelector('.picker-current .picker-warning')?.textContent).toBe('请点击某条消息里面的内容（先选好买家消息和店铺消息）。');
    expect(shownSelector(panel)).toBe('');
  });

  test('a selector matching both senders is warned about, live', () => {
    const { panel } = open();
    // The whole list as the "buyer message": the agent sees it holds both senders once the shop's are chosen.
    point($('#chatList'));
    next();
    point($('[data-msg-id="m-20004"] .msg-content'));
    const buyerLine = panel.querySelector('.picker-part[data-part="buyerMessage"]')!;
    expect(buyerLine.querySelector('.picker-warning')?.textContent).toBe('同时匹配到买家和店铺的消息');
  });

  test("editing a taught console starts from its selectors; one part pointed at again, the rest and its id kept", async () => {
    const site = CustomAdapterSchema.parse({
      id: 'custom-kefu-example-test-abc',
      name: '福满堂',
      host: 'kefu.example.test',
      selectors: { buyerMessage: '.msg-item.left', shopMessage: '.msg-item.right', buyerName: '.chat-title .nick', input: '.editor-old', send: '.send-btn', messageText: '.msg-content' },
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      version: 1,
    });
    const { transport, panel } = open({ mode: 'edit', site });
    expect(panel.querySelector('.picker-head strong')!.textContent).toBe('修改自定义客服台');
    const inputLine = panel.querySelector('.picker-part[data-part="input"]')!;
    expect(inputLine.querySelector('.picker-warning')?.textContent).toBe('页面上没有匹配的元素');
    fireEvent.click(inputLine.querySelector('button')!);
    expect(shownSelector(panel)).toBe('.editor-old');
    point($('.editor'));
    expect(shownSelector(panel)).not.toBe('.editor-old');
    next();
    next(); // send, already known
    expect((panel.querySelector('input[name="name"]') as HTMLInputElement).value).toBe('福满堂');
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(transport).toHaveBeenCalledTimes(1));
    const saved = (transport.mock.calls[0]![0] as { payload: { site: CustomAdapter } }).payload.site;
    expect(saved).toMatchObject({ id: site.id, createdAt: site.createdAt, updatedAt: 1_780_000_000_000, name: '福满堂' });
    const { input, ...others } = saved.selectors;
    const { input: oldInput, ...before } = site.selectors;
    expect(others).toEqual(before);
    expect(input).not.toBe(oldInput);
    expect(queryAllDeepPath(document, input)).toEqual([$('.editor')]);
  });

  test('fixing a built-in console asks only for the parts named, and saves a fix', async () => {
    const { transport, panel } = open({ mode: 'fix', base: 'taobao', parts: ['input'] });
    expect([...panel.querySelectorAll('.picker-part')].map((li) => li.getAttribute('data-part'))).toEqual(['input']);
    point($('.editor'));
    next();
    expect(panel.querySelector('input[name="name"]')).toBeNull();
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(transport).toHaveBeenCalledTimes(1));
    const message = transport.mock.calls[0]![0] as { name: string; payload: { fix: { base: string; selectors: Record<string, string> } } };
    expect(message.name).toBe('adapterFix.save');
    expect(message.payload.fix.base).toBe('taobao');
    expect(Object.keys(message.payload.fix.selectors)).toEqual(['input']);
  });
});

describe('a console of generated class names', () => {
  test('messages are told apart by their hook, a robot reply by its badge, and a selector leaning on structure says so', () => {
    loadPage('custom-sites/generated.html');
    const { panel } = open();
    const rows = [...document.querySelectorAll('[data-testid="message-item"]')];
    point(rows[0]!.querySelector('p')!);
    expect(queryAllDeepPath(document, shownSelector(panel)).map((r) => r.getAttribute('data-direction'))).toEqual(['in', 'in', 'in', 'in']);
    next();
    point(rows[2]!.querySelector('p')!);
    expect(queryAllDeepPath(document, shownSelector(panel)).map((r) => r.getAttribute('data-direction'))).toEqual(['out', 'out']);
    next();
    point(document.querySelector('[class^="Badge_robot__"]')!);
    expect(queryAllDeepPath(document, shownSelector(panel))).toEqual([rows[1]]);
    next();
    fireEvent.click(screen.getByText('跳过')); // time
    point(document.querySelector('[data-testid="chat-buyer-name"]')!);
    expect(shownSelector(panel)).toBe('[data-testid="chat-buyer-name"]');
    next();
    fireEvent.click(screen.getByText('跳过')); // conversation row
    fireEvent.click(screen.getByText('跳过')); // conversation name
    expect(panel.querySelector('.picker-part.is-current')!.getAttribute('data-part')).toBe('input');
    point(document.querySelector('textarea')!);
    expect(panel.querySelector('.picker-current .picker-note')).toBeNull();
    next();
    point([...document.querySelectorAll('button')].find((b) => b.textContent === '发送')!);
    expect(queryAllDeepPath(document, shownSelector(panel))).toHaveLength(1);
    expect(panel.querySelector('.picker-current .picker-note')!.textContent).toBe('依赖页面结构，客服台更新后可能失效。');
  });
});

describe('a console of web components', () => {
  test('parts inside nested open shadow roots are pointed at like any other, and their paths cross the roots', async () => {
    loadPage('custom-sites/shadow.html');
    attachShadowTemplates(document.body);
    const { transport, panel } = open();
    const thread = queryAllDeepPath(document, 'kefu-app >>> chat-thread >>> chat-message');
    const inThread = (i: number, selector: string) => thread[i]!.querySelector(selector)!;
    point(inThread(0, '.text'));
    next();
    point(inThread(2, '.text'));
    next();
    fireEvent.click(screen.getByText('跳过')); // robot
    point(inThread(3, 'time'));
    next();
    point(queryAllDeepPath(document, 'kefu-app >>> chat-header >>> .buyer')[0]!);
    next();
    fireEvent.click(screen.getByText('跳过'));
    fireEvent.click(screen.getByText('跳过'));
    point(queryAllDeepPath(document, 'kefu-app >>> chat-composer >>> rich-input >>> textarea')[0]!);
    next();
    point(queryAllDeepPath(document, 'kefu-app >>> chat-composer >>> button')[0]!);
    next();
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(transport).toHaveBeenCalledTimes(1));
    const { selectors } = CustomAdapterSchema.parse((transport.mock.calls[0]![0] as { payload: { site: unknown } }).payload.site);
    expect(queryAllDeepPath(document, selectors.buyerMessage).map((el) => el.getAttribute('from'))).toEqual(['buyer', 'buyer']);
    expect(queryAllDeepPath(document, selectors.shopMessage).map((el) => el.getAttribute('from'))).toEqual(['agent', 'agent']);
    for (const row of thread) expect(queryAllWithin(row, selectors.messageTime!)[0]?.tagName).toBe('TIME');
    expect(queryAllDeepPath(document, selectors.input).map((el) => el.tagName)).toEqual(['TEXTAREA']);
    expect(queryAllDeepPath(document, selectors.send).map((el) => el.textContent)).toEqual(['Send']);
    // kefu-app, chat-composer and rich-input each hold the next in a shadow root.
    expect(selectors.input.split('>>>')).toHaveLength(4);
    expect(panel.querySelector('.picker-warning')).toBeNull();
  });
});

describe('what the worker leaves for the picker', () => {
  test('a config is read from its JSON text; anything else starts nothing', () => {
    expect(parsePickerConfig(JSON.stringify({ mode: 'new' }))).toEqual({ mode: 'new' });
    expect(parsePickerConfig(JSON.stringify({ mode: 'fix', base: 'jd', parts: ['send'] }))).toEqual({ mode: 'fix', base: 'jd', parts: ['send'] });
    expect(parsePickerConfig(JSON.stringify({ mode: 'edit', site: { id: 'x' } }))).toBeNull();
    expect(parsePickerConfig('{')).toBeNull();
    expect(parsePickerConfig(undefined)).toBeNull();
  });
});
