import { describe, expect, test } from 'vitest';
import { previewParts } from '@/components/SnippetPreview';
import { guessPhase } from '@/lib/phase';
import type { Snippet } from '@/lib/snippet';
import { createSnippetIndex } from '@/lib/snippet-search';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { askLanguage, createSuggester, detectIntents, suggest } from '@/lib/suggest';
import labelled from '../fixtures/suggest-labelled.json';

interface Labelled {
  text: string;
  lang: 'zh' | 'en';
  phase: string;
  /** When each set was written, and whether the ranking was tuned on it:
   * - written-first: written before the ranking, whose keywords were then written with it in view;
   * - second: written after the first keywords and used to widen them;
   * - tuning-3 (32, once 'held-out'): written after that, not tuned on until round 3. Never-tuned figures before
   *   round 3: top-1 43.8%, top-3 53.1%;
   * - tuning-4 (80, once 'held-out-2'): written before the similarity ranking was added, not tuned on until round 3.
   *   Never-tuned figures before round 3: top-1 85.0%, top-3 93.8%;
   * - held-out-3 (90): written after round 3's changes to the intents, before any ranking of it was seen; never
   *   tuned on. Its figures are the honest one for unseen wording.
   * Round 3 tuned on every set above but held-out-3: intents by how buyers phrase them (colloquial, shorthand,
   * typos), not by adding the missed sentences. */
  set: 'written-first' | 'second' | 'tuning-3' | 'tuning-4' | 'held-out-3';
  fits: string[];
}

const rows = labelled as Labelled[];
const byId = new Map(defaultSnippets.map((s) => [s.id, s]));
const suggester = createSuggester(defaultSnippets);
/** As `npm run suggest` ranks a message: the phase guessed from it alone, no past use. */
const top = (text: string, limit = 3) => suggester.rank([text], { phase: guessPhase(null, [text]), limit }).map((s) => s.id);

function accuracy(set: readonly Labelled[]) {
  let top1 = 0;
  let top3 = 0;
  for (const row of set) {
    const ids = top(row.text);
    if (row.fits.includes(ids[0]!)) top1++;
    if (ids.some((id) => row.fits.includes(id))) top3++;
  }
  return { n: set.length, top1: top1 / set.length, top3: top3 / set.length };
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('the labelled buyer messages', () => {
  test('are at least 200, in both languages, from every phase, each fitting snippets of the default library in its language', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    for (const lang of ['zh', 'en'] as const) {
      for (const phase of ['presale', 'insale', 'aftersale', 'care']) expect([lang, phase, rows.some((r) => r.lang === lang && r.phase === phase)]).toEqual([lang, phase, true]);
    }
    for (const row of rows) {
      expect(row.fits.length).toBeGreaterThan(0);
      for (const id of row.fits) expect([row.text, id, byId.get(id)?.lang]).toEqual([row.text, id, row.lang]);
    }
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
  });

  test('top-3 accuracy is at least 85% (printed with top-1, per language and per set)', () => {
    const all = accuracy(rows);
    const lines = [`suggest: ${all.n} labelled buyer messages: top-1 ${percent(all.top1)}, top-3 ${percent(all.top3)}`];
    for (const [name, part] of [
      ['zh', rows.filter((r) => r.lang === 'zh')],
      ['en', rows.filter((r) => r.lang === 'en')],
      ['written first', rows.filter((r) => r.set === 'written-first')],
      ['second', rows.filter((r) => r.set === 'second')],
      ['tuning 3', rows.filter((r) => r.set === 'tuning-3')],
      ['tuning 4', rows.filter((r) => r.set === 'tuning-4')],
      ['held out 3 (never tuned on)', rows.filter((r) => r.set === 'held-out-3')],
    ] as const) {
      const a = accuracy(part);
      lines.push(`  ${name}: ${a.n} messages, top-1 ${percent(a.top1)}, top-3 ${percent(a.top3)}`);
    }
    console.log(lines.join('\n'));
    expect(all.top3).toBeGreaterThanOrEqual(0.85);
    // held-out-3 (after round 3, final), its one run: 90 messages, top-1 72.2%, top-3 84.4%. Below the 85% target,
    // so no assertion on it: the target is not lowered, and the set is not tuned on.
  });
});

describe('suggest', () => {
  test('"小了 能换大一码吗" puts the exchange snippet first, the size advice next to it', () => {
    const ids = top('小了 能换大一码吗');
    expect(ids[0]).toBe('zh-exchange');
    expect(ids.slice(0, 3)).toContain('zh-product-size');
    expect(top('too small, can i exchange for a bigger size')[0]).toBe('en-exchange');
  });

  test('a greeting in the same message as a question does not outrank the question’s answer', () => {
    expect(top('在吗 发票怎么开')[0]).toBe('zh-invoice');
    expect(top('hi, is the black one in stock')[0]).toBe('en-in-stock');
    // Small talk alone is still answered as such.
    expect(['zh-greeting', 'zh-greeting-busy']).toContain(top('在吗')[0]);
  });

  test('colloquial short forms are recognised as the questions they are', () => {
    for (const [ask, intent] of [
      ['啥时候发', 'handling'],
      ['几天到', 'delivery-time'],
      ['能便宜点不', 'price'],
      ['tk了吗', 'refund-status'],
      ['when r u shipping', 'handling'],
    ] as const) {
      expect([ask, [...detectIntents([ask]).keys()]]).toEqual([ask, expect.arrayContaining([intent])]);
    }
  });

  test('the last message counts most: an old greeting does not outrank the question asked now', () => {
    const ids = suggester.rank(['在吗', '发票怎么开'], { phase: 'presale', limit: 3 }).map((s) => s.id);
    expect(ids[0]).toBe('zh-invoice');
    // The question earlier, a plain "thanks" now: both are answered near the top.
    const later = suggester.rank(['where is my parcel', 'thanks'], { phase: 'insale', limit: 3 }).map((s) => s.id);
    expect(later).toContain('en-thanks');
    expect(later).toContain('en-shipping-notice');
  });

  test('answers in the buyer’s language first', () => {
    expect(top('退款什么时候到账')[0]).toBe('zh-refund-status');
    expect(top('when will i get my money back')[0]).toBe('en-refund-status');
    expect(askLanguage(['hello', '在吗'])).toBe('zh');
    expect(askLanguage(['在吗', 'ok?'])).toBe('en');
    expect(askLanguage(['👍'])).toBeNull();
  });

  test('empty asks, or asks that neither an intent nor a snippet’s words recognise, fall back to the search’s order: phase, then use, then order', () => {
    const used: Snippet[] = defaultSnippets.map((s) => (s.id === 'zh-quality' ? { ...s, uses: 9 } : s));
    const fallback = createSnippetIndex(used).search('', { phase: 'insale' }).map((s) => s.id);
    expect(fallback[0]).toBe('zh-handling-time');
    expect(suggest(used, [], { phase: 'insale' }).map((s) => s.id)).toEqual(fallback);
    expect(detectIntents(['嗯', 'hmm', '👍']).size).toBe(0);
    for (const ask of ['嗯', 'hmm', '👍']) expect(suggest(used, [ask], { phase: 'insale' }).map((s) => s.id)).toEqual(fallback);
  });

  test('past use and the phase break ties between snippets that answer equally', () => {
    const refund = ['zh-return-refund', 'zh-refund-status'];
    const used = defaultSnippets.map((s) => (s.id === 'zh-refund-status' ? { ...s, uses: 5 } : s));
    const plain = suggest(defaultSnippets, ['退款'], { phase: 'aftersale', limit: 2 }).map((s) => s.id);
    const withUse = suggest(used, ['退款'], { phase: 'aftersale', limit: 2 }).map((s) => s.id);
    expect(plain.sort()).toEqual([...refund].sort());
    expect(withUse[0]).toBe('zh-refund-status');
  });

  test('suggests only in the buyer’s language; below the suggestions, the list keeps the search’s order', () => {
    const fallback = createSnippetIndex(defaultSnippets).search('', { phase: 'insale' });
    const ranked = suggest(defaultSnippets, ['where is my parcel'], { phase: 'insale' });
    const suggested = ranked.slice(0, ranked.findIndex((s) => s.lang === 'zh'));
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.map((s) => s.id)).toContain('en-tracking-stopped');
    expect(ranked.slice(suggested.length)).toEqual(fallback.filter((s) => !suggested.includes(s)));
  });

  test('ranks the whole library, up to the limit, each snippet once', () => {
    const all = suggest(defaultSnippets, ['物流一直不更新']);
    expect(all).toHaveLength(defaultSnippets.length);
    expect(new Set(all.map((s) => s.id)).size).toBe(defaultSnippets.length);
    expect(suggest(defaultSnippets, ['物流一直不更新'], { limit: 4 })).toHaveLength(4);
    expect(suggest(defaultSnippets, ['物流一直不更新'], { limit: 0 })).toEqual([]);
  });

  test('custom snippets with no situation tag are found by their title, tags and body', () => {
    const mine: Snippet[] = [
      { id: 'a', title: '默认快递', body: '亲，我们默认发中通快递哦', lang: 'zh', phase: 'presale', tags: [], order: 0, uses: 0 },
      { id: 'b', title: '开票说明', body: '亲，电子发票在确认收货后开具', lang: 'zh', phase: 'insale', tags: ['发票'], order: 1, uses: 0 },
    ];
    expect(suggest(mine, ['能开发票吗'])[0]!.id).toBe('b');
  });

  test('a message no intent recognises is ranked by the snippets’ own words, typos and word forms included', () => {
    const mine: Snippet[] = [
      { id: 'a', title: '开票说明', body: '亲，电子发票在确认收货后开具', lang: 'zh', phase: 'presale', tags: [], order: 0, uses: 0 },
      { id: 'b', title: '默认快递', body: '亲，我们默认发中通快递哦，偏远地区改发邮政', lang: 'zh', phase: 'presale', tags: [], order: 1, uses: 0 },
      { id: 'c', title: 'Opening hours', body: 'We answer from 9 am to 6 pm.', lang: 'en', phase: 'presale', tags: [], order: 2, uses: 0 },
      { id: 'd', title: 'Couriers', body: 'We usually ship with DHL; remote areas are delivered by the local post.', lang: 'en', phase: 'presale', tags: [], order: 3, uses: 0 },
    ];
    for (const [ask, id] of [['能发邮政吗 我们这偏远', 'b'], ['do u deliver to remote areas', 'd'], ['is it delivred localy', 'd']] as const) {
      expect([ask, detectIntents([ask]).size]).toEqual([ask, 0]);
      expect([ask, suggest(mine, [ask])[0]!.id]).toEqual([ask, id]);
    }
  });

  test('among snippets the intents score equally, the phase and past use come before the words, the words before the library’s order', () => {
    // 退款 answers both refund snippets equally; with no use, 退款已处理 (退款 in its title) comes before 退货退款流程.
    const ids = suggest(defaultSnippets, ['退款到哪了'], { phase: 'aftersale', limit: 2 }).map((s) => s.id);
    expect(ids).toEqual(['zh-refund-status', 'zh-return-refund']);
    const used = defaultSnippets.map((s) => (s.id === 'zh-return-refund' ? { ...s, uses: 3 } : s));
    expect(suggest(used, ['退款到哪了'], { phase: 'aftersale', limit: 2 }).map((s) => s.id)).toEqual(['zh-return-refund', 'zh-refund-status']);
  });
});

describe('previews', () => {
  const values = { buyerName: '快乐的阿花', orderNumber: '2600001' };
  const raw = (parts: ReturnType<typeof previewParts>) => parts.map((p) => ('key' in p ? `[${p.value ?? p.label}]` : p.text)).join('');

  test('no suggested snippet shows a raw placeholder: fill-ins are chips, filled where the page knows them', () => {
    for (const snippet of suggest(defaultSnippets, ['节日快乐'], { limit: 10 })) {
      for (const width of [undefined, 76]) {
        const parts = previewParts(snippet.body, values, width);
        for (const part of parts) if ('text' in part) expect([snippet.id, part.text]).not.toEqual([snippet.id, expect.stringMatching(/\{\{|\}\}/)]);
      }
    }
    const notice = defaultSnippets.find((s) => s.id === 'zh-shipping-notice')!;
    const parts = previewParts(notice.body, values);
    expect(parts.filter((p) => 'key' in p)).toEqual([
      { key: 'buyerName', label: '买家昵称', value: '快乐的阿花' },
      { key: 'orderNumber', label: '订单号', value: '2600001' },
      { key: 'date', label: '日期' },
      { key: 'trackingNumber', label: '运单号' },
    ]);
    expect(raw(parts)).toBe('亲爱的[快乐的阿花]，您的订单 [2600001] 已于 [日期] 发出，快递单号 [运单号]，可以在订单详情里查看物流进度。收到后有任何问题随时联系我们～');
  });

  test('the sidebar’s short preview counts chips in its width, folds white space and ends with an ellipsis when cut', () => {
    const body = 'Happy {{holiday}},\n\n  {{buyerName}}! Thank you for your support of {{shopName}}. We wish you a wonderful holiday.';
    const short = previewParts(body, { buyerName: 'Ana' }, 30);
    expect(raw(short)).toBe('Happy [节日], [Ana]! Thank you…');
    expect(raw(previewParts('{{buyerName}}', {}, 3))).toBe('…');
    expect(raw(previewParts('短 {{amount}} 元', {}, 76))).toBe('短 [金额] 元');
    // Braces that are no fill-in stay as the text that would be inserted.
    expect(raw(previewParts('a {b} c }} d', {}, 76))).toBe('a {b} c }} d');
  });

  test('a page value is shown as given, never read as a fill-in or markup', () => {
    const parts = previewParts('{{buyerName}}', { buyerName: '{{orderNumber}}<b>' });
    expect(parts).toEqual([{ key: 'buyerName', label: '买家昵称', value: '{{orderNumber}}<b>' }]);
    expect(previewParts('{{constructor}}', {})).toEqual([{ key: 'constructor', label: 'constructor' }]);
  });
});
