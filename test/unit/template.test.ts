import { describe, expect, test } from 'vitest';
import { AUTO_KEYS, fillTemplate, isAutoKey, missingKeys, parseTemplate } from '@/lib/template';

describe('parseTemplate', () => {
  test('lists keys in order of first appearance, each once', () => {
    expect(parseTemplate('{{b}} {{a}} {{b}} {{c}} {{a}}')).toEqual({ keys: ['b', 'a', 'c'], errors: [] });
  });

  test('a body without fill-ins has no keys and no errors', () => {
    expect(parseTemplate('亲，您好！')).toEqual({ keys: [], errors: [] });
    expect(parseTemplate('')).toEqual({ keys: [], errors: [] });
  });

  test('adjacent placeholders and Chinese text around them', () => {
    expect(parseTemplate('{{a}}{{b}}')).toEqual({ keys: ['a', 'b'], errors: [] });
    expect(parseTemplate('亲爱的{{buyerName}}，订单{{orderNumber}}已发货')).toEqual({ keys: ['buyerName', 'orderNumber'], errors: [] });
  });

  test('keys may hold digits and underscores after a first letter, and spaces just inside the braces', () => {
    expect(parseTemplate('{{item_2}} {{ buyerName }} {{X}}').keys).toEqual(['item_2', 'buyerName', 'X']);
  });

  test('braces that do not open a placeholder are text', () => {
    for (const body of ['a { b', 'a } b', '{a}', 'x }} y', '{ {a} }', 'price: {10}', '}}{{a}}'])
      expect([body, parseTemplate(body).errors]).toEqual([body, []]);
    expect(parseTemplate('}}{{a}}').keys).toEqual(['a']);
    expect(parseTemplate('{{a}}}').keys).toEqual(['a']);
  });

  test('an unclosed {{ is an error', () => {
    const result = parseTemplate('Hello {{buyerName, welcome');
    expect(result.keys).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/unclosed/i);
    expect(parseTemplate('{{a}} and {{').errors).toHaveLength(1);
    expect(parseTemplate('{{a}} and {{').keys).toEqual(['a']);
  });

  test('an empty key is an error', () => {
    expect(parseTemplate('x {{}} y').errors).toHaveLength(1);
    expect(parseTemplate('x {{   }} y').errors[0]).toMatch(/empty/i);
  });

  test('keys with other characters are errors, and not reported as keys', () => {
    for (const body of ['{{1abc}}', '{{_a}}', '{{a-b}}', '{{a b}}', '{{买家}}', '{{a.b}}', '{{{a}}}', '{{a\nb}}']) {
      const result = parseTemplate(body);
      expect([body, result.errors.length, result.keys]).toEqual([body, 1, []]);
    }
  });

  test('good keys are kept beside bad ones', () => {
    const result = parseTemplate('{{a}} {{1}} {{b}} {{}}');
    expect(result.keys).toEqual(['a', 'b']);
    expect(result.errors).toHaveLength(2);
  });
});

describe('AUTO_KEYS', () => {
  test('are the keys the page can supply', () => {
    expect([...AUTO_KEYS]).toEqual(['buyerName', 'orderNumber', 'shopName', 'agentName', 'date', 'time']);
    expect(isAutoKey('buyerName')).toBe(true);
    expect(isAutoKey('amount')).toBe(false);
  });
});

describe('missingKeys', () => {
  test('keys with no value, an undefined value or a blank value are missing', () => {
    const body = '{{a}} {{b}} {{c}} {{d}} {{e}} {{a}}';
    expect(missingKeys(body, { a: 'x', b: undefined, c: '', d: '  \n\t' })).toEqual(['b', 'c', 'd', 'e']);
    expect(missingKeys(body, { a: '1', b: '2', c: '3', d: '4', e: '0' })).toEqual([]);
  });

  test('keys named like Object.prototype members are not found on a plain object', () => {
    expect(missingKeys('{{constructor}} {{toString}} {{hasOwnProperty}}', {})).toEqual(['constructor', 'toString', 'hasOwnProperty']);
  });

  test('keys are case-sensitive', () => {
    expect(missingKeys('{{buyerName}}', { buyername: 'Li' })).toEqual(['buyerName']);
  });
});

describe('fillTemplate', () => {
  test('fills every occurrence of a key', () => {
    expect(fillTemplate('{{a}}-{{b}}-{{a}}', { a: '1', b: '2' })).toEqual({ ok: true, text: '1-2-1' });
  });

  test('fills adjacent placeholders and keeps the Chinese around them', () => {
    expect(fillTemplate('亲爱的{{buyerName}}，订单{{orderNumber}}{{note}}已发货', { buyerName: '小王', orderNumber: '26001', note: '（加急）' })).toEqual({
      ok: true,
      text: '亲爱的小王，订单26001（加急）已发货',
    });
  });

  test('a body without fill-ins comes back unchanged, braces that are text included', () => {
    for (const body of ['亲，您好！', 'a { b } c', 'x }} y', '{a}', '']) expect(fillTemplate(body, {})).toEqual({ ok: true, text: body });
    expect(fillTemplate('{ {{a}} }', { a: 'v' })).toEqual({ ok: true, text: '{ v }' });
    expect(fillTemplate('{{a}}}', { a: 'v' })).toEqual({ ok: true, text: 'v}' });
  });

  test('spaces inside the braces name the same key', () => {
    expect(fillTemplate('Hi {{ buyerName }}, {{buyerName}}!', { buyerName: 'Ann' })).toEqual({ ok: true, text: 'Hi Ann, Ann!' });
  });

  test('refuses when a value is missing or blank, listing every missing key once', () => {
    expect(fillTemplate('{{a}} {{b}} {{a}} {{c}}', { b: '   ' })).toEqual({ ok: false, missing: ['a', 'b', 'c'], errors: [] });
    expect(fillTemplate('{{a}}', { a: '' })).toEqual({ ok: false, missing: ['a'], errors: [] });
    expect(fillTemplate('{{a}}', { a: undefined })).toEqual({ ok: false, missing: ['a'], errors: [] });
  });

  test('refuses a malformed body rather than sending half-parsed braces', () => {
    const unclosed = fillTemplate('Hi {{buyerName', { buyerName: 'Ann' });
    expect(unclosed.ok).toBe(false);
    if (!unclosed.ok) {
      expect(unclosed.missing).toEqual([]);
      expect(unclosed.errors).toHaveLength(1);
    }
    expect(fillTemplate('x {{}} y', {}).ok).toBe(false);
    expect(fillTemplate('{{a-b}}', { 'a-b': 'v' }).ok).toBe(false);
  });

  test('values are inserted literally: placeholders in a value are not expanded again', () => {
    expect(fillTemplate('{{a}} {{b}}', { a: '{{b}}', b: 'B' })).toEqual({ ok: true, text: '{{b}} B' });
    expect(fillTemplate('{{a}}', { a: '{{a}}' })).toEqual({ ok: true, text: '{{a}}' });
  });

  test('replacement patterns in a value mean nothing', () => {
    expect(fillTemplate('pay {{amount}} now', { amount: "$& $1 $$ $` $'" })).toEqual({ ok: true, text: "pay $& $1 $$ $` $' now" });
  });

  test('a value keeps its own spaces and newlines', () => {
    expect(fillTemplate('[{{a}}]', { a: ' x\ny ' })).toEqual({ ok: true, text: '[ x\ny ]' });
  });

  test('extra values that the body does not use are ignored', () => {
    expect(fillTemplate('Hi {{buyerName}}', { buyerName: 'Ann', orderNumber: '1' })).toEqual({ ok: true, text: 'Hi Ann' });
  });

  test('the result never holds an unfilled placeholder', () => {
    const bodies = ['{{a}}', '{{a}}{{b}}', '{{ a }}{{b}}{{a}}', '亲{{a}}，{{b}}。', '{{a}} {{c}}'];
    const valueSets: Record<string, string | undefined>[] = [{}, { a: 'A' }, { a: 'A', b: 'B' }, { a: ' ', b: 'B' }, { a: 'A', b: 'B', c: 'C' }];
    for (const body of bodies) {
      for (const values of valueSets) {
        const result = fillTemplate(body, values);
        if (result.ok) expect(parseTemplate(result.text).keys).toEqual([]);
        else expect(result.missing).toEqual(missingKeys(body, values));
      }
    }
  });
});
