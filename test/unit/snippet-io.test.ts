import { describe, expect, test } from 'vitest';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { duplicateShortcuts, parseSnippetsCsv, parseSnippetsJson, planImport, snippetsToCsv, snippetsToJson } from '@/lib/snippet-io';

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
    ['a wrong phase', snippetsToJson(library).replace('"phase": "presale"', '"phase": "someday"'), { row: 1, field: 'phase', message: expect.stringContaining('expected one of') }],
    ['an unclosed fill-in', snippetsToJson(library).replace(/"body": "([^"]*)"/, '"body": "亲 {{buyerName"'), { row: 1, field: 'body', message: expect.stringContaining('{{') }],
    ['a missing title', snippetsToJson(library).replace(/"title": "[^"]*",/, ''), { row: 1, field: 'title', message: expect.stringContaining('missing') }],
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
