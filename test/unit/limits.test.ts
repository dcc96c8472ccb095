import { describe, expect, test } from 'vitest';
import { fitLibrary, importOverflow, MAX_BODY_LENGTH, MAX_FILL_INS, MAX_SNIPPETS, MESSAGE_LIMIT_BYTES } from '@/lib/limits';
import { libraryCutText } from '@/lib/limit-messages';
import { parseRequest } from '@/lib/protocol';
import { SidebarViewSchema } from '@/lib/sidebar-channel';
import { SnippetDraftSchema, SnippetSchema, type Snippet, type SnippetDraft } from '@/lib/snippet';
import { parseSnippetsCsv, parseSnippetsJson, planImport, snippetsToCsv, snippetsToJson } from '@/lib/snippet-io';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { parseTemplate } from '@/lib/template';

const draft = (i: number, change: Partial<SnippetDraft> = {}): SnippetDraft => ({ id: `bulk-${i}`, title: `话术 ${i}`, body: '亲，您好', lang: 'zh', phase: 'care', tags: [], ...change });
const drafts = (n: number, from = 0) => Array.from({ length: n }, (_, i) => draft(from + i));
const stored = (d: SnippetDraft, order: number): Snippet => ({ ...d, order, uses: 0 });
const utf8Bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe('the library limit', () => {
  test('a whole library at the limit, every body at its longest in Chinese, travels in one message with room to spare', () => {
    const longest = '退'.repeat(MAX_BODY_LENGTH);
    const usesByDay = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`2026-11-${String(i + 1).padStart(2, '0')}`, 99]));
    const library = Array.from({ length: MAX_SNIPPETS }, (_, i) => {
      const base = defaultSnippets[i % defaultSnippets.length]!;
      return { ...base, id: `${base.id}-${i}`, body: longest, order: i, uses: 99, lastUsedAt: 1_800_000_000_000, usesByDay };
    });
    expect(utf8Bytes(library)).toBeLessThan(MESSAGE_LIMIT_BYTES / 2);
    // Every field at its schema's maximum, in Chinese: still under the limit.
    const widest: Snippet = { id: '退'.repeat(100), title: '退'.repeat(100), body: longest, shortcut: '退'.repeat(30), lang: 'zh', phase: 'aftersale', tags: Array(20).fill('退'.repeat(40)), folder: '退'.repeat(100), sites: Array(20).fill('退'.repeat(40)), order: MAX_SNIPPETS, uses: 1e9, lastUsedAt: 1_800_000_000_000, usesByDay };
    expect(SnippetSchema.safeParse(widest).success).toBe(true);
    expect(utf8Bytes(widest) * MAX_SNIPPETS).toBeLessThan(MESSAGE_LIMIT_BYTES);
  });

  test('the sidebar channel and the import message take exactly a library at the limit', () => {
    const library = drafts(MAX_SNIPPETS + 1).map(stored);
    expect(SidebarViewSchema.partial().safeParse({ snippets: library.slice(0, MAX_SNIPPETS) }).success).toBe(true);
    expect(SidebarViewSchema.partial().safeParse({ snippets: library }).success).toBe(false);
    const request = (snippets: SnippetDraft[]) => parseRequest({ kefu: 1, name: 'snippets.import', payload: { snippets, overwrite: false } });
    expect(request(drafts(MAX_SNIPPETS))).toMatchObject({ ok: true });
    expect(request(drafts(MAX_SNIPPETS + 1))).toMatchObject({ ok: false, refused: true });
  });

  test('a file of one snippet more than a library holds is refused whole, naming its first row over the limit', () => {
    expect(parseSnippetsJson(snippetsToJson(drafts(MAX_SNIPPETS + 1)))).toEqual({
      ok: false,
      problem: { row: 5_001, field: '(row)', message: 'the library holds at most 5,000 snippets (this file has 5,001)' },
    });
    // A spreadsheet's rows count from its header line.
    expect(parseSnippetsCsv(snippetsToCsv(drafts(MAX_SNIPPETS + 1)))).toMatchObject({ ok: false, problem: { row: 5_002, field: '(row)' } });
  });

  test('a file of exactly the limit is taken', () => {
    const result = parseSnippetsJson(snippetsToJson(drafts(MAX_SNIPPETS)));
    expect(result.ok && result.snippets.length).toBe(MAX_SNIPPETS);
  });

  test('the 60,000-snippet file of the report is refused at once, before its rows are checked', () => {
    const text = JSON.stringify({ format: 'kefu-sidekick/snippets', version: 1, snippets: Array.from({ length: 60_000 }, () => ({})) });
    expect(parseSnippetsJson(text)).toEqual({ ok: false, problem: { row: 5_001, field: '(row)', message: 'the library holds at most 5,000 snippets (this file has 60,000)' } });
  });
});

describe('importOverflow', () => {
  const library = drafts(MAX_SNIPPETS - 10).map(stored);

  test('names the first incoming snippet that would not fit, and what the library would hold', () => {
    const incoming = drafts(15, 100_000);
    expect(importOverflow(library.length, incoming, planImport(library, incoming), false)).toEqual({ index: 10, total: MAX_SNIPPETS + 5 });
    expect(importOverflow(library.length, incoming.slice(0, 10), planImport(library, incoming.slice(0, 10)), false)).toBeNull();
  });

  test('counts only what the import adds: replacements take no room, a taken shortcut does when overwriting', () => {
    const replacing = library.slice(0, 30).map((s) => ({ ...draft(0), id: s.id, title: '改过的' }));
    const fresh = drafts(10, 100_000);
    // 30 replacements before 10 new ones: the 10 fit exactly.
    const incoming = [...replacing, ...fresh];
    expect(importOverflow(library.length, incoming, planImport(library, incoming), true)).toBeNull();
    // A new snippet whose shortcut is taken is skipped, or added when the agent says overwrite.
    const withShortcut = [{ ...draft(100_010), shortcut: 'hi' }, ...fresh];
    const mine = [{ ...library[0]!, shortcut: 'hi' }, ...library.slice(1)];
    expect(importOverflow(mine.length, withShortcut, planImport(mine, withShortcut), false)).toBeNull();
    expect(importOverflow(mine.length, withShortcut, planImport(mine, withShortcut), true)).toEqual({ index: 10, total: MAX_SNIPPETS + 1 });
  });

  test('a library already over the limit may still replace its snippets, and take nothing new', () => {
    const big = drafts(MAX_SNIPPETS + 3).map(stored);
    const replacing = [{ ...big[0]!, title: '改过的' }];
    expect(importOverflow(big.length, replacing, planImport(big, replacing), true)).toBeNull();
    expect(importOverflow(big.length, [draft(-1)], planImport(big, [draft(-1)]), false)).toEqual({ index: 0, total: MAX_SNIPPETS + 4 });
  });
});

describe('fitLibrary', () => {
  test('a library within the limit is shown whole', () => {
    const library = drafts(MAX_SNIPPETS);
    expect(fitLibrary(library)).toEqual({ snippets: library, leftOut: 0 });
    expect(fitLibrary([])).toEqual({ snippets: [], leftOut: 0 });
  });

  test('a library over the limit (from before there was one) is cut to its first MAX_SNIPPETS, saying how many were left out', () => {
    const library = drafts(10_000).map(stored);
    const fitted = fitLibrary(library);
    expect(fitted.leftOut).toBe(5_000);
    expect(fitted.snippets).toEqual(library.slice(0, MAX_SNIPPETS));
    expect(SidebarViewSchema.partial().safeParse({ snippets: fitted.snippets, notice: { kind: 'warning', text: libraryCutText(fitted.leftOut) } }).success).toBe(true);
    expect(libraryCutText(fitted.leftOut)).toBe('话术库有 10,000 条话术，超过上限 5,000 条：侧边栏只显示前 5,000 条。请在设置页删除一些。');
  });
});

describe('fill-ins at the limits', () => {
  test('a body one character over the limit gets one clear length error, and its fill-ins are not parsed', () => {
    const body = `{{}}${'亲'.repeat(MAX_BODY_LENGTH - 3)}`;
    expect(body).toHaveLength(MAX_BODY_LENGTH + 1);
    const result = SnippetDraftSchema.safeParse(draft(0, { body }));
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ code: 'too_big', path: ['body'], maximum: MAX_BODY_LENGTH })]);
    // At the limit itself, the same fill-in is checked.
    expect(SnippetDraftSchema.safeParse(draft(0, { body: body.slice(0, -1) })).error?.issues).toEqual([expect.objectContaining({ code: 'custom', path: ['body'] })]);
  });

  test('the report’s body of 120,000 fill-ins is refused for its length alone', () => {
    const body = Array.from({ length: 120_000 }, (_, i) => `{{k${i}}}`).join('');
    const result = SnippetDraftSchema.safeParse(draft(0, { body }));
    expect(result.error?.issues.map((issue) => issue.code)).toEqual(['too_big']);
  });

  test('a body with more different fill-ins than a form can ask for is refused; as many is taken', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `{{k${i}}}`).join(' ');
    expect(SnippetDraftSchema.safeParse(draft(0, { body: body(MAX_FILL_INS) })).success).toBe(true);
    // The same fill-in many times is one fill-in.
    expect(SnippetDraftSchema.safeParse(draft(0, { body: '{{a}}'.repeat(300) })).success).toBe(true);
    const over = SnippetDraftSchema.safeParse(draft(0, { body: body(MAX_FILL_INS + 1) }));
    expect(over.error?.issues).toEqual([expect.objectContaining({ path: ['body'], message: '51 different fill-ins: a snippet has at most 50' })]);
  });

  test('parsing keeps every one of many distinct keys, in order of first appearance, each once', () => {
    const keys = Array.from({ length: 120_000 }, (_, i) => `k${i}`);
    const body = [...keys, ...keys.slice(0, 1_000)].map((k) => `{{${k}}}`).join('，');
    const result = parseTemplate(body);
    expect(result.errors).toEqual([]);
    expect(result.keys).toEqual(keys);
  });

  test('an error quotes a runaway fill-in in a few dozen characters, not whole', () => {
    const [error, ...rest] = parseTemplate(`{{${'x '.repeat(50_000)}}}`).errors;
    expect(rest).toEqual([]);
    expect(error!.length).toBeLessThan(200);
    expect(error).toContain('"{{x x x');
  });
});
