import { describe, expect, test } from 'vitest';
import type { Snippet } from '@/lib/snippet';
import { createSnippetIndex, substringScan } from '@/lib/snippet-search';

let nextOrder = 0;
function snippet(fields: Partial<Snippet> & Pick<Snippet, 'id'>): Snippet {
  return { title: fields.id, body: '…', lang: 'zh', phase: 'presale', tags: [], order: nextOrder++, uses: 0, ...fields };
}

const ids = (list: readonly Snippet[]) => list.map((s) => s.id);

describe('createSnippetIndex: what matches', () => {
  const refund = snippet({ id: 'refund', title: '退款流程', body: '亲，您可以在订单页面申请退款。', shortcut: 'th', phase: 'aftersale', tags: ['售后'] });
  const green = snippet({ id: 'green', title: '绿色款尺码', body: '这款偏大一码。', tags: ['尺码'] });
  const english = snippet({ id: 'english', title: 'Wrong item sent', body: 'We are sorry for the mix-up.', shortcut: 'Wrong', lang: 'en', tags: ['situation:wrong-item'] });
  const other = snippet({ id: 'other', title: '欢迎问候', body: '您好，欢迎光临！', shortcut: 'nh', tags: ['问候'] });
  const index = createSnippetIndex([refund, green, english, other]);

  test('pinyin initials and full pinyin both find 退款', () => {
    expect(ids(index.search('tk'))).toEqual(['refund']);
    expect(ids(index.search('tuikuan'))).toEqual(['refund']);
  });

  test('each syllable may be typed in full or by any prefix, over consecutive syllables', () => {
    for (const query of ['tuik', 'tkuan', 'tuikua', 'tklc', 'tuikuanliucheng', 'TK', 'Tui Kuan', "tui'kuan"]) expect([query, ids(index.search(query))]).toEqual([query, ['refund']]);
  });

  test('a pinyin match may start at any syllable, but not inside one', () => {
    expect(ids(index.search('kuanliu'))).toEqual(['refund']);
    expect(ids(index.search('lc'))).toEqual(['refund']);
    expect(ids(index.search('uikuan'))).toEqual([]);
    expect(ids(index.search('tl'))).toEqual([]); // 退 and 流 are not neighbours
  });

  test('ü may be typed v or u', () => {
    expect(ids(index.search('lvse'))).toEqual(['green']);
    expect(ids(index.search('luse'))).toEqual(['green']);
    expect(ids(index.search('ls'))).toEqual(['green']);
  });

  test('pinyin of tags and shortcut match too', () => {
    expect(ids(index.search('shouhou'))).toEqual(['refund']);
    expect(ids(index.search('wenhou'))).toEqual(['other']);
  });

  test('plain substrings of title, body, shortcut and tags match, case-insensitively', () => {
    expect(ids(index.search('流程'))).toEqual(['refund']);
    expect(ids(index.search('订单页面'))).toEqual(['refund']);
    expect(ids(index.search('MIX-UP'))).toEqual(['english']);
    expect(ids(index.search('item sent'))).toEqual(['english']);
    expect(ids(index.search('wrong-item'))).toEqual(['english']);
    expect(ids(index.search('欢迎'))).toEqual(['other']);
    expect(ids(index.search('尺码'))).toEqual(['green']);
  });

  test('English words match by their initials and prefixes too', () => {
    expect(ids(index.search('wis'))).toEqual(['english']);
    expect(ids(index.search('itse'))).toEqual(['english']);
  });

  test('full-width letters and extra white space in the query are normalised', () => {
    expect(ids(index.search('ｔｋ'))).toEqual(['refund']);
    expect(ids(index.search('  wrong   item  '))).toEqual(['english']);
  });

  test('a query with Chinese in it is matched as text only, not as pinyin', () => {
    expect(ids(index.search('退k'))).toEqual([]);
    expect(ids(index.search('款流'))).toEqual(['refund']);
  });

  test('a pinyin run never spans two fields', () => {
    const spanning = snippet({ id: 'spanning', title: '退', tags: ['款'], shortcut: 'x' });
    const idx = createSnippetIndex([spanning]);
    expect(ids(idx.search('tk'))).toEqual([]);
    expect(ids(idx.search('tui'))).toEqual(['spanning']);
    expect(ids(idx.search('kuan'))).toEqual(['spanning']);
  });

  test('a pinyin query longer than 30 letters is matched as text only', () => {
    const long = snippet({ id: 'long', title: '退款流程退款流程退款流程退款流程' });
    const idx = createSnippetIndex([long]);
    expect(ids(idx.search('tuikuanliuchengtuikuanliucheng'))).toEqual(['long']); // 30 letters
    expect(ids(idx.search('tuikuanliuchengtuikuanliuchengt'))).toEqual([]); // 31
  });

  test('nothing matches an unrelated query', () => {
    expect(index.search('zzzq')).toEqual([]);
  });

  test('results are the snippets given, untouched', () => {
    expect(index.search('tk')[0]).toBe(refund);
  });
});

describe('createSnippetIndex: ranking', () => {
  test('exact shortcut first, then title prefix or initials prefix, then other matches', () => {
    const bodyHit = snippet({ id: 'body-hit', title: '其他', body: '关于退款的说明', uses: 100 });
    const middle = snippet({ id: 'middle', title: '申请退款', uses: 50 });
    const prefix = snippet({ id: 'prefix', title: '退款说明', uses: 1 });
    const exact = snippet({ id: 'exact', title: '无关标题', shortcut: 'TK' });
    const index = createSnippetIndex([bodyHit, middle, prefix, exact]);
    expect(ids(index.search('tk'))).toEqual(['exact', 'prefix', 'middle']);
    expect(ids(index.search('退款'))).toEqual(['prefix', 'body-hit', 'middle']);
    expect(ids(index.search('tuikuan'))).toEqual(['prefix', 'middle']);
  });

  test('a shortcut that only starts with the query is not an exact match', () => {
    const long = snippet({ id: 'long', title: 'b', shortcut: 'thx' });
    const titled = snippet({ id: 'titled', title: 'thanks' });
    expect(ids(createSnippetIndex([long, titled]).search('th'))).toEqual(['titled', 'long']);
  });

  test('ties: the given phase first, then more uses, then lower order', () => {
    const a = snippet({ id: 'a', title: 'refund a', phase: 'presale', uses: 9, order: 1 });
    const b = snippet({ id: 'b', title: 'refund b', phase: 'aftersale', uses: 1, order: 3 });
    const c = snippet({ id: 'c', title: 'refund c', phase: 'aftersale', uses: 5, order: 4 });
    const d = snippet({ id: 'd', title: 'refund d', phase: 'aftersale', uses: 1, order: 2 });
    const e = snippet({ id: 'e', title: 'refund e', phase: 'care', uses: 9, order: 0 });
    const index = createSnippetIndex([a, b, c, d, e]);
    expect(ids(index.search('refund', { phase: 'aftersale' }))).toEqual(['c', 'd', 'b', 'e', 'a']);
    expect(ids(index.search('refund'))).toEqual(['e', 'a', 'c', 'd', 'b']);
    expect(ids(index.search('refund', { phase: null }))).toEqual(['e', 'a', 'c', 'd', 'b']);
  });

  test('the phase orders within a tier, never across tiers', () => {
    const prefix = snippet({ id: 'prefix', title: 'refund steps', phase: 'presale' });
    const other = snippet({ id: 'other', title: 'about refund', phase: 'aftersale', uses: 99 });
    expect(ids(createSnippetIndex([other, prefix]).search('refund', { phase: 'aftersale' }))).toEqual(['prefix', 'other']);
  });

  test('an empty or blank query returns every snippet by phase, uses and order', () => {
    const a = snippet({ id: 'a', phase: 'presale', uses: 0, order: 0 });
    const b = snippet({ id: 'b', phase: 'insale', uses: 3, order: 1 });
    const c = snippet({ id: 'c', phase: 'insale', uses: 0, order: 2 });
    const d = snippet({ id: 'd', phase: 'presale', uses: 3, order: 3 });
    const index = createSnippetIndex([a, b, c, d]);
    expect(ids(index.search(''))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(index.search('   ', { phase: 'insale' }))).toEqual(['b', 'c', 'd', 'a']);
    expect(ids(index.search('', { phase: 'presale', limit: 3 }))).toEqual(['d', 'a', 'b']);
  });

  test('limit cuts the ranked list', () => {
    const list = Array.from({ length: 10 }, (_, i) => snippet({ id: `s${i}`, title: `refund ${i}`, order: i }));
    const index = createSnippetIndex(list);
    expect(ids(index.search('refund', { limit: 3 }))).toEqual(['s0', 's1', 's2']);
    expect(index.search('refund', { limit: 0 })).toEqual([]);
    expect(index.search('refund', { limit: 100 })).toHaveLength(10);
  });

  test('the input list is not reordered', () => {
    const list = [snippet({ id: 'x', order: 5 }), snippet({ id: 'y', order: 1, uses: 3 })];
    createSnippetIndex(list).search('');
    expect(ids(list)).toEqual(['x', 'y']);
  });
});

describe('createSnippetIndex over a large library', () => {
  test('5,000 snippets: finds by pinyin and ranks the shortcut first', () => {
    const titles = ['退款流程', '发货时间', '尺码推荐', 'Wrong item', 'Holiday delay'];
    const list = Array.from({ length: 5000 }, (_, i) =>
      snippet({ id: `n${i}`, title: `${titles[i % titles.length]!} ${i}`, body: `body ${i}`, shortcut: `s${i}`, order: i }),
    );
    const index = createSnippetIndex(list);
    expect(index.search('tk')).toHaveLength(1000);
    expect(index.search('fhsj')).toHaveLength(1000);
    expect(ids(index.search('s4321'))[0]).toBe('n4321');
    expect(index.search('')).toHaveLength(5000);
  });
});

describe('substringScan', () => {
  test('a plain case-insensitive includes over title and body only', () => {
    const refund = snippet({ id: 'refund', title: '退款流程', body: 'Refund steps', shortcut: 'tk', tags: ['售后'] });
    const other = snippet({ id: 'other', title: 'Other', body: 'nothing' });
    expect(ids(substringScan([refund, other], '退款'))).toEqual(['refund']);
    expect(ids(substringScan([refund, other], 'REFUND'))).toEqual(['refund']);
    expect(substringScan([refund, other], 'tk')).toEqual([]);
    expect(substringScan([refund, other], '售后')).toEqual([]);
    expect(substringScan([refund, other], '')).toHaveLength(2);
  });
});
