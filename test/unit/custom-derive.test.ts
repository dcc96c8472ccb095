import { describe, expect, test } from 'vitest';
import { deriveInnerSelector, deriveRowSelector, deriveSelector, looksGenerated, partWarnings, rowOf } from '@/lib/sites/custom/derive';
import { countMatches, queryAllDeepPath, queryAllWithin, queryDeepPath, splitPath } from '@/lib/sites/custom/query';
import { loadFixture, loadShadowFixture } from '../support/fixtures';

function fromHtml(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
}

/** The class names a selector path names. */
const classesIn = (selector: string) => [...selector.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].map((m) => m[1]!);

/** The page after the console's next build: every generated class gets a new hash, nothing else changes. */
function rebuild(doc: Document): void {
  for (const el of doc.querySelectorAll('[class]')) {
    el.className = [...el.classList].map((c) => (looksGenerated(c) ? c.replace(/[A-Za-z0-9]{4,}$/, (hash) => `${[...hash].reverse().join('')}q7`) : c)).join(' ');
  }
}

describe('looksGenerated', () => {
  test.each(['css-1x2y3z', 'css-1n7v3ny', 'css-k008qs-Label', 'sc-AxjAm', 'sc-bdVaJa', 'kVfWkp', 'jsx-1234567', 'index-module__row___3xYz', 'Chat_row__a1B2c', 'MessageRow_out__Rt5Yh', '_a1b2c3', '_row_1x2y3_12', 'svelte-1kx8f9d', 'msg-3fa9c2d1'])('%s is generated', (name) => {
    expect(looksGenerated(name)).toBe(true);
  });

  test.each(['msg-item', 'msg-item--buyer', 'left', 'is-self', 'ant-btn-primary', 'el-input__inner', 'col-md-6', 'mt20', 'h5-title', 't-color-2', 'chatItem', 'msgListWrapper', 'composer-input', 'send-btn', 'first-of-group', 'ellipsis2', 'icon-emoji', 'v2-input', 'clearfix', 'imgBox2'])('%s is written by a person', (name) => {
    expect(looksGenerated(name)).toBe(false);
  });
});

describe('selectors for one part', () => {
  test('a console of generated class names: the input, send button and buyer name get selectors that survive the next build', () => {
    const doc = loadFixture('custom-sites/generated.html');
    const textarea = doc.querySelector('textarea')!;
    const send = [...doc.querySelectorAll('button')].find((b) => b.textContent === '发送')!;
    const name = doc.querySelector('[data-testid="chat-buyer-name"]')!;
    const derived = [textarea, send, name].map((el) => deriveSelector(el));
    for (const d of derived) {
      expect(d).toMatchObject({ matches: 1 });
      expect(d.warning).toBeUndefined();
      expect(classesIn(d.selector).filter(looksGenerated)).toEqual([]);
    }
    expect(derived[2]!.selector).toBe('[data-testid="chat-buyer-name"]');
    // The send button has nothing but generated names: its path through the composer says it may break.
    expect(derived.map((d) => d.fragile ?? false)).toEqual([false, true, false]);
    rebuild(doc);
    expect(derived.map((d) => doc.querySelectorAll(d.selector).length)).toEqual([1, 1, 1]);
    expect(doc.querySelector(derived[0]!.selector)).toBe(textarea);
    expect(doc.querySelector(derived[1]!.selector)).toBe(send);
  });

  test('prefers an id, then a written class name, over structure', () => {
    const doc = fromHtml('<div class="box"><input id="search"><div class="box"><textarea class="composer-input"></textarea><button class="btn">A</button><button class="btn">B</button></div></div>');
    expect(deriveSelector(doc.querySelector('#search')!).selector).toBe('#search');
    expect(deriveSelector(doc.querySelector('textarea')!).selector).toBe('.composer-input');
    const second = deriveSelector(doc.querySelectorAll('button')[1]!);
    expect(doc.querySelectorAll(second.selector)).toHaveLength(1);
    expect(doc.querySelector(second.selector)!.textContent).toBe('B');
  });

  test('a chat input two shadow roots deep gets a path that crosses each root', () => {
    const doc = loadShadowFixture('custom-sites/shadow.html');
    const textarea = queryAllDeepPath(doc, 'kefu-app >>> chat-composer >>> rich-input >>> textarea')[0]!;
    expect(textarea).toBeDefined();
    const derived = deriveSelector(textarea);
    expect(splitPath(derived.selector)).toHaveLength(4);
    expect(derived.matches).toBe(1);
    expect(queryDeepPath(doc, derived.selector)).toBe(textarea);
    // No plain selector reaches into a shadow root.
    expect(doc.querySelector('textarea')).toBeNull();
  });
});

describe('message rows generalised from one pointed-at message', () => {
  test('a click on a buyer message text becomes every buyer row and no shop row, in a console of generated names', () => {
    const doc = loadFixture('custom-sites/generated.html');
    const [firstBuyerText] = doc.querySelectorAll('[data-direction="in"] p');
    const buyer = deriveRowSelector(firstBuyerText!);
    const buyerRows = [...doc.querySelectorAll('[data-direction="in"]')];
    expect(queryAllDeepPath(doc, buyer.selector)).toEqual(buyerRows);
    expect(buyer).toMatchObject({ matches: 4 });
    const shopText = doc.querySelector('[data-direction="out"] p')!;
    const shop = deriveRowSelector(shopText, { exclude: [firstBuyerText!] });
    expect(queryAllDeepPath(doc, shop.selector)).toEqual([...doc.querySelectorAll('[data-direction="out"]')]);
    expect(shop.warning).toBeUndefined();
    rebuild(doc);
    expect(countMatches(doc, buyer.selector)).toBe(4);
    expect(countMatches(doc, shop.selector)).toBe(2);
  });

  test('rows that differ only by left/right: the modifier is in the selector, the divider and the page layout are not matched', () => {
    const doc = loadFixture('custom-sites/mixed.html');
    const buyerText = doc.querySelector('[data-msg-id="m-20002"] .msg-content')!;
    expect(rowOf(buyerText).getAttribute('data-msg-id')).toBe('m-20002');
    const buyer = deriveRowSelector(buyerText);
    expect(queryAllDeepPath(doc, buyer.selector).map((r) => r.getAttribute('data-msg-id'))).toEqual(['m-20001', 'm-20002', 'm-20005']);
    const shop = deriveRowSelector(doc.querySelector('[data-msg-id="m-20004"] .msg-time')!, { exclude: [buyerText] });
    expect(queryAllDeepPath(doc, shop.selector).map((r) => r.getAttribute('data-msg-id'))).toEqual(['m-20003', 'm-20004']);
    // Picked in the other order, the buyer's selector still leaves the shop's rows out.
    const buyerAfter = deriveRowSelector(buyerText, { exclude: [doc.querySelector('[data-msg-id="m-20004"]')!] });
    expect(countMatches(doc, buyerAfter.selector)).toBe(3);
  });

  const layouts = {
    'a BEM modifier': '<div class="msgs"><div class="msg msg--buyer"><p>a</p></div><div class="msg msg--shop"><p>b</p></div><div class="msg msg--buyer"><p>c</p></div><div class="msg msg--shop"><p>d</p></div></div>',
    'an is-self class on the shop side only': '<ul class="thread"><li class="row"><span class="txt">a</span></li><li class="row is-self"><span class="txt">b</span></li><li class="row"><span class="txt">c</span></li><li class="row is-self"><span class="txt">d</span></li></ul>',
    'a data-from attribute': '<div class="list"><div class="item" data-from="buyer"><span>a</span></div><div class="item" data-from="seller"><span>b</span></div><div class="item" data-from="buyer"><span>c</span></div><div class="item" data-from="seller"><span>d</span></div></div>',
    'a modifier on the bubble inside the row': '<div class="list"><div class="line"><div class="bubble bubble-left">a</div></div><div class="line"><div class="bubble bubble-right">b</div></div><div class="line"><div class="bubble bubble-left">c</div></div><div class="line"><div class="bubble bubble-right">d</div></div></div>',
  };
  test.each(Object.entries(layouts))('senders told apart by %s', (_, html) => {
    const doc = fromHtml(html);
    const leaf = (text: string) => [...doc.querySelectorAll('body *')].find((el) => el.children.length === 0 && el.textContent === text)!;
    const buyer = deriveRowSelector(leaf('a'), { exclude: [leaf('b')] });
    const shop = deriveRowSelector(leaf('d'), { exclude: [leaf('c')] });
    expect(queryAllDeepPath(doc, buyer.selector).map((r) => r.textContent)).toEqual(['a', 'c']);
    expect(queryAllDeepPath(doc, shop.selector).map((r) => r.textContent)).toEqual(['b', 'd']);
  });

  test("a robot reply pointed at by its mark: the robot's rows only, not the agent's nor the buyer's", () => {
    for (const [path, markOf, manualOf, robots] of [
      ['custom-sites/mixed.html', '.robot-tag', '[data-msg-id="m-20004"]', 1],
      ['custom-sites/generated.html', '[class^="Badge_robot__"]', '[data-direction="out"]', 1],
    ] as const) {
      const doc = loadFixture(path);
      const manual = [...doc.querySelectorAll(manualOf)].filter((el) => !el.querySelector(markOf))[0]!;
      const buyerRow = doc.querySelector('.left, [data-direction="in"]')!;
      const robot = deriveRowSelector(doc.querySelector(markOf)!, { exclude: [manual, buyerRow] });
      const matched = queryAllDeepPath(doc, robot.selector);
      expect(matched).toHaveLength(robots);
      expect(matched[0]!.querySelector(markOf)).not.toBeNull();
    }
  });

  test('messages inside a shadow root: rows of one sender, through the roots', () => {
    const doc = loadShadowFixture('custom-sites/shadow.html');
    const texts = queryAllDeepPath(doc, 'kefu-app >>> chat-thread >>> .text');
    const buyer = deriveRowSelector(texts[0]!, { exclude: [texts[2]!] });
    expect(queryAllDeepPath(doc, buyer.selector).map((r) => r.getAttribute('from'))).toEqual(['buyer', 'buyer']);
    const shop = deriveRowSelector(texts[2]!, { exclude: [texts[0]!] });
    expect(queryAllDeepPath(doc, shop.selector).map((r) => r.getAttribute('from'))).toEqual(['agent', 'agent']);
  });

  test("a message's time, relative to its row, is found in every row", () => {
    for (const [path, timeOf] of [
      ['custom-sites/mixed.html', (d: Document) => d.querySelector('.msg-time')!],
      ['custom-sites/generated.html', (d: Document) => d.querySelector('[class^="Message_time__"]')!],
    ] as const) {
      const doc = loadFixture(path);
      const time = timeOf(doc);
      const row = rowOf(time);
      const inner = deriveInnerSelector(row, time);
      expect(inner.matches).toBe(1);
      const rows = queryAllDeepPath(doc, deriveRowSelector(time).selector);
      expect(rows.length).toBeGreaterThan(1);
      for (const r of rows) expect(queryAllWithin(r, inner.selector)[0]?.textContent).toMatch(/\d\d:\d\d/);
    }
  });
});

describe('live counts while picking', () => {
  test('warns about a part that matches nothing, both senders, or several where one is meant', () => {
    const doc = loadFixture('custom-sites/mixed.html');
    const counts = partWarnings(doc, {
      buyerMessage: '.msg-item',
      shopMessage: '.msg-item.right',
      messageTime: '.msg-time',
      buyerName: '.nick',
      input: '.editor-v2',
      send: '.btn',
      conversationRow: '.session-item',
      robotMessage: '.robot-tag >',
    });
    expect(counts.buyerMessage).toEqual({ matches: 5, warning: 'bothSenders' });
    expect(counts.shopMessage).toEqual({ matches: 2, warning: 'bothSenders' });
    expect(counts.messageTime).toEqual({ matches: 5 });
    expect(counts.buyerName).toEqual({ matches: 1 });
    expect(counts.input).toEqual({ matches: 0, warning: 'none' });
    expect(counts.send).toEqual({ matches: 2, warning: 'notUnique' });
    expect(counts.conversationRow).toEqual({ matches: 2 });
    expect(counts.robotMessage).toEqual({ matches: 0, warning: 'invalid' });
  });

  test('a robot mark found in a buyer message warns: the robot selector would count buyer messages as replies', () => {
    const doc = loadFixture('custom-sites/mixed.html');
    expect(partWarnings(doc, { buyerMessage: '.msg-item.left', robotMessage: '.msg-content' }).robotMessage).toEqual({ matches: 5, warning: 'bothSenders' });
    // A "row" that is the whole list holds both senders' rows.
    expect(partWarnings(doc, { buyerMessage: '#chatList', shopMessage: '.msg-item.right' }).buyerMessage).toEqual({ matches: 1, warning: 'bothSenders' });
  });

  test('senders told apart: no warning', () => {
    const doc = loadFixture('custom-sites/mixed.html');
    const counts = partWarnings(doc, { buyerMessage: '.msg-item.left', shopMessage: '.msg-item.right', robotMessage: '.robot-tag' });
    expect(counts).toEqual({ buyerMessage: { matches: 3 }, shopMessage: { matches: 2 }, robotMessage: { matches: 1 } });
  });
});
