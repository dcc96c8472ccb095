import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { duplicateShortcuts, parseSnippetsCsv, parseSnippetsFile, parseSnippetsJson, planImport, snippetsToCsv, snippetsToJson, type SnippetDraft } from '@/lib/snippet-io';

const library = defaultSnippets.slice(0, 5);

describe('snippet files', () => {
  test('JSON and CSV round-trip the library, Chinese, commas, quotes and line breaks included', () => {
    const tricky = { ...library[0]!, body: '亲，"包邮"吗？\n第二行, 逗号', tags: ['a', 'b'], sites: ['demo'] };
    for (const [write, read] of [
      [snippetsToJson, parseSnippetsJson],
      [snippetsToCsv, parseSnippetsCsv],
    ] as const) {
      const result = read(write([tricky, ...library.slice(1)]));
      expect(result.ok && result.snippets[0]).toMatchObject({ id: tricky.id, body: tricky.body, tags: ['a', 'b'], sites: ['demo'] });
      expect(result.ok && result.snippets.map((s) => s.id)).toEqual(library.map((s) => s.id));
    }
  });

  test('a spreadsheet without ids gets stable ones', () => {
    const csv = 'title,body,lang,phase,shortcut\n问候,亲，您好,zh,presale,hi\n';
    const idOf = () => {
      const result = parseSnippetsCsv(csv);
      if (!result.ok) throw new Error(result.problem.message);
      expect(result.snippets[0]).toMatchObject({ title: '问候', shortcut: 'hi', tags: [] });
      return result.snippets[0]!.id;
    };
    expect(idOf()).toMatch(/^csv-zh-/);
    expect(idOf()).toBe(idOf());
  });

  test.each([
    ['a wrong phase', snippetsToJson(library).replace('"phase": "presale"', '"phase": "someday"'), { row: 1, field: 'phase', message: 'Invalid option: expected one of "presale"|"insale"|"aftersale"|"care" (got "someday")' }],
    ['an unclosed fill-in', snippetsToJson(library).replace(/"body": "([^"]*)"/, '"body": "亲 {{buyerName"'), { row: 1, field: 'body', message: expect.stringContaining('{{') }],
    ['a missing title', snippetsToJson(library).replace(/"title": "[^"]*",/, ''), { row: 1, field: 'title', message: 'Invalid input: expected string, received undefined' }],
    ['no JSON at all', '{"format": "kefu-sidekick/snippets", ', { row: null, field: '(file)', message: expect.stringContaining('not JSON') }],
    ['another file', '{"format": "something-else"}', { row: null, field: 'format', message: expect.any(String) }],
    ['the same id twice', snippetsToJson([library[0]!, library[0]!]), { row: 2, field: 'id', message: expect.stringContaining('twice') }],
  ])('a JSON file with %s is refused whole, naming the entry and field', (_, text, problem) => {
    expect(parseSnippetsJson(text)).toEqual({ ok: false, problem });
  });

  test.each([
    ['a wrong language on line 3', 'title,body,lang,phase\n好,亲,zh,presale\n坏,亲,fr,presale\n', { row: 3, field: 'lang' }],
    ['an empty body on line 2', 'title,body,lang,phase\n空,,zh,care\n', { row: 2, field: 'body' }],
    ['a header without the needed columns', 'name,text\n好,亲\n', { row: 1, field: 'title, body, lang, phase' }],
    ['an unclosed quote', 'title,body,lang,phase\n好,"亲,zh,presale\n', { row: 2, field: '(row)' }],
  ])('a CSV file with %s is refused whole, naming the row and field', (_, text, where) => {
    const result = parseSnippetsCsv(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatchObject(where);
  });
});

const draft = (id: string, change: Partial<SnippetDraft>): SnippetDraft => ({ id, title: id, body: '亲', lang: 'zh', phase: 'presale', tags: [], ...change });
const utf8 = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/csv/${name}`));

describe('snippet CSV and spreadsheets', () => {
  const risky = [
    draft('eq', { body: '=HYPERLINK("http://evil.example","退款点这里")', title: '=1+1' }),
    draft('plus', { body: '+86 138 0000 0000 是售后电话', shortcut: '+tel' }),
    draft('minus', { body: '-5 元优惠券已发到您的账户', tags: ['-优惠', '券'] }),
    draft('at', { body: '@店长 请处理这位买家', folder: '@售后' }),
    draft('tab', { body: '\t亲，缩进开头' }),
    draft('cr', { body: '\r亲，回车开头' }),
    draft('quote', { body: "'亲，本来就以引号开头" }),
    draft('quote-eq', { body: "'=不是公式，只是文字" }),
    draft('lines', { body: '亲，第一行\n第二行, 带逗号\r\n"引号"第三行\n' }),
    draft('edges', { body: '  亲，前后有空格  ' }),
  ];

  test('an export opens in a spreadsheet with no cell starting a formula', () => {
    const cells = Papa.parse<string[]>(snippetsToCsv(risky), { delimiter: ',', newline: '\r\n' }).data.flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells).toContain("'=HYPERLINK(\"http://evil.example\",\"退款点这里\")");
  });

  test('an export imports back identical, formula-looking and quote-first bodies included', () => {
    expect(parseSnippetsCsv(snippetsToCsv(risky))).toEqual({ ok: true, snippets: risky });
    expect(parseSnippetsFile('kefu-snippets.csv', utf8(snippetsToCsv(risky)))).toEqual({ ok: true, snippets: risky });
  });

  test('rows ending in \\r\\n, \\n and \\r in one file are each a row', () => {
    const result = parseSnippetsCsv('title,body,lang,phase\r\n一,亲1,zh,care\n二,"亲2\r\n下一行",zh,care\r\n三,亲3,zh,care\r四,亲4,zh,care\r\n');
    expect(result.ok && result.snippets.map((s) => [s.title, s.body])).toEqual([
      ['一', '亲1'],
      ['二', '亲2\r\n下一行'],
      ['三', '亲3'],
      ['四', '亲4'],
    ]);
  });

  test.each([
    ['a cell too many', 'title,body,lang,phase\n好,亲,zh,presale\n坏,亲,包邮,zh,presale\n', { row: 3, field: '(row)', message: expect.stringMatching(/^5 cells where the header has 4/) }],
    ['cells missing', 'title,body,lang,phase\n好,亲,zh\n', { row: 2, field: 'phase', message: '3 cells where the header has 4: no cell for phase' }],
    ['a cell too many after a cell of two lines', 'title,body,lang,phase\n好,"亲\n第二行",zh,presale\n坏,亲,zh,presale,多\n', { row: 3, field: '(row)' }],
    ['a bad row after an empty line', 'title,body,lang,phase\n\n坏,亲,fr,presale\n', { row: 3, field: 'lang' }],
    ['an unclosed quote after good rows', 'title,body,lang,phase\r\n好,亲,zh,presale\r\n坏,"亲,zh,presale\r\n好,亲,zh,presale\r\n', { row: 3, field: '(row)' }],
  ])('a CSV file with %s is refused whole, naming the row', (_, text, problem) => {
    expect(parseSnippetsCsv(text)).toEqual({ ok: false, problem: expect.objectContaining(problem) });
  });

  test('a sheet saved by Excel or WPS on a Chinese Windows (GBK) imports as the same Chinese as its UTF-8 copy', () => {
    const gbk = fixture('excel-gbk.csv');
    expect([...gbk.subarray(0, 50)].join(' ')).toContain([0xcd, 0xcb, 0xbf, 0xee].join(' ')); // 退款 in GBK
    const result = parseSnippetsFile('话术.csv', gbk);
    expect(result.ok && result.snippets.map((s) => [s.title, s.body, s.tags])).toEqual([
      ['退款说明', '亲，退款已提交，预计 1-3 个工作日到账。\n如有疑问请随时联系我们。', ['售后', '退款']],
      ['发货时间', '亲，下单后 48 小时内发货哦～', ['发货']],
      ['尺码"偏大"吗', '亲，这款尺码标准，按平时穿的选就好。', ['尺码']],
    ]);
    expect(parseSnippetsFile('话术.csv', fixture('excel-utf8-bom.csv'))).toEqual(result);
  });

  test('UTF-16 with a BOM imports too', () => {
    const text = 'title,body,lang,phase\r\n退款,亲，已退款,zh,aftersale\r\n';
    const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const be = Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
    for (const file of [le, be]) expect(parseSnippetsFile('sheet.CSV', file)).toMatchObject({ ok: true, snippets: [{ title: '退款', body: '亲，已退款' }] });
  });

  test('a CSV with bytes that are text in no encoding is refused on the row of the first, never stored as \uFFFD', () => {
    const file = Uint8Array.from([...utf8('title,body,lang,phase\n好,"亲\n第二行",zh,care\n坏,亲'), 0xff, ...utf8(',zh,care\n')]);
    expect(parseSnippetsFile('sheet.csv', file)).toEqual({ ok: false, problem: { row: 3, field: '(row)', message: expect.stringContaining('not text in UTF-8, UTF-16 or GBK') } });
  });

  test('a JSON snippet file must be UTF-8', () => {
    const json = snippetsToJson(library);
    expect(parseSnippetsFile('kefu-snippets.json', utf8(json))).toEqual(parseSnippetsJson(json));
    const gbk = Uint8Array.from([...utf8('{\n"format": "'), 0xcd, 0xcb, 0xbf, 0xee, ...utf8('"}')]);
    expect(parseSnippetsFile('kefu-snippets.json', gbk)).toEqual({ ok: false, problem: { row: null, field: '(file)', message: expect.stringMatching(/not text in UTF-8.*\(line 2\)$/) } });
  });
});

describe('planning an import', () => {
  test('new snippets are added; same id or a taken shortcut is a conflict to ask about', () => {
    const incoming = [
      { ...library[0]!, title: '改过的' },
      { ...library[1]!, id: 'new-one' },
      { ...library[2]!, id: 'really-new', shortcut: 'zzz-unique' },
    ];
    const plan = planImport(library, incoming);
    expect(plan.fresh.map((s) => s.id)).toEqual(['really-new']);
    expect(plan.conflicts.map((c) => [c.incoming.id, c.reason, c.existing.id])).toEqual([
      [library[0]!.id, 'id', library[0]!.id],
      ['new-one', 'shortcut', library[1]!.id],
    ]);
  });

  test('duplicate shortcuts within a language are found; across languages they are fine', () => {
    const dupes = duplicateShortcuts([
      { id: 'a', lang: 'zh', shortcut: 'hi' },
      { id: 'b', lang: 'zh', shortcut: 'HI' },
      { id: 'c', lang: 'en', shortcut: 'hi' },
    ]);
    expect([...dupes]).toEqual([['zh|hi', ['a', 'b']]]);
    expect(duplicateShortcuts(defaultSnippets).size).toBe(0);
  });
});
