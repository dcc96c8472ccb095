import { describe, expect, test } from 'vitest';
import { SnippetSchema, type Phase, type Snippet } from '@/lib/snippet';
import { createSnippetIndex } from '@/lib/snippet-search';
import { libraryEn } from '@/lib/snippets/library-en';
import { libraryZh, type LibrarySeed } from '@/lib/snippets/library-zh';
import { AUTO_KEYS, parseTemplate } from '@/lib/template';

/** Every situation the default library must cover, in both languages, with the phase it belongs to. */
const SITUATIONS: Record<string, Phase> = {
  'situation:greeting': 'presale',
  'situation:product-question': 'presale',
  'situation:recommend': 'presale',
  'situation:price-negotiation': 'presale',
  'situation:unpaid-order': 'presale',
  'situation:confirm-address': 'presale',
  'situation:farewell': 'presale',
  'situation:handling-time': 'insale',
  'situation:shipped-no-cancel': 'insale',
  'situation:holiday-delay': 'insale',
  'situation:extend-receipt': 'insale',
  'situation:not-received': 'insale',
  'situation:tracking-stopped': 'insale',
  'situation:invoice': 'insale',
  'situation:deescalate-calm': 'aftersale',
  'situation:deescalate-apology': 'aftersale',
  'situation:deescalate-ask': 'aftersale',
  'situation:deescalate-offer': 'aftersale',
  'situation:deescalate-act': 'aftersale',
  'situation:return-refund': 'aftersale',
  'situation:exchange': 'aftersale',
  'situation:missing-item': 'aftersale',
  'situation:wrong-item': 'aftersale',
  'situation:quality-problem': 'aftersale',
  'situation:postage-dispute': 'aftersale',
  'situation:shipping-notice': 'care',
  'situation:thank-you': 'care',
  'situation:holiday-greeting': 'care',
};

const DEESCALATION_STEPS = ['calm', 'apology', 'ask', 'offer', 'act'].map((step) => `situation:deescalate-${step}`);

/** Free fill-ins the library may use besides the automatic ones; a typo in a key would show up here. */
const FREE_KEYS = ['amount', 'days', 'holiday', 'material', 'product', 'resumeDate', 'solution', 'trackingNumber'];

/** The conduct rules as patterns (DOMAIN.md's pitfalls): off-platform payment or contact, over-promising, blame. */
const FORBIDDEN =
  /微信|VX|QQ|支付宝转账|银行卡|加我|私下|WeChat|WhatsApp|PayPal|bank transfer|100%|guarantee(d)? delivery|保证.*到|不是我们的责任|not our (fault|responsibility)|找平台/i;

/** Stricter, our own: any promise word, threats, absolute price claims, money outside the platform. */
const ALSO_FORBIDDEN = [
  /保证|担保|guarantee|promise/i,
  /投诉你|举报你|拉黑|后果自负|report you|block you|blacklist/i,
  /最低价|全网最低|lowest price/i,
  /转账|扫码|二维码|transfer (the )?money|pay (me|us) directly|outside (the )?(platform|aliexpress)|telegram|line id|e-?mail me/i,
  /平台的问题|快递的问题|ask the platform|carrier'?s fault|courier'?s fault/i,
  /\{\{date\}\}\s*(前|之前)|by \{\{date\}\}/i, // {{date}} is today: never a delivery deadline
];

const LIBRARIES: Record<'zh' | 'en', LibrarySeed[]> = { zh: libraryZh, en: libraryEn };
const ALL = [...libraryZh, ...libraryEn];

const situationsOf = (seed: LibrarySeed) => seed.tags.filter((tag) => tag.startsWith('situation:'));
const withSituation = (list: LibrarySeed[], situation: string) => list.filter((seed) => seed.tags.includes(situation));
const text = (seed: LibrarySeed) => [seed.title, seed.body, ...seed.tags].join('\n');

describe.each(['zh', 'en'] as const)('the %s library', (lang) => {
  const library = LIBRARIES[lang];

  test('covers every situation', () => {
    const covered = new Set(library.flatMap(situationsOf));
    expect([...covered].sort()).toEqual(Object.keys(SITUATIONS).sort());
    for (const situation of Object.keys(SITUATIONS)) expect([situation, withSituation(library, situation).length > 0]).toEqual([situation, true]);
  });

  test('every snippet names exactly one known situation, in that situation’s phase', () => {
    for (const seed of library) {
      const situations = situationsOf(seed);
      expect([seed.id, situations.length]).toEqual([seed.id, 1]);
      expect([seed.id, seed.phase]).toEqual([seed.id, SITUATIONS[situations[0]!]]);
    }
  });

  test('has exactly one snippet per de-escalation step', () => {
    for (const step of DEESCALATION_STEPS) expect([step, withSituation(library, step).length]).toEqual([step, 1]);
  });

  test('is all in its own language, with ids prefixed by it', () => {
    for (const seed of library) {
      expect(seed.lang).toBe(lang);
      expect(seed.id).toMatch(new RegExp(`^${lang}-[a-z0-9]+(-[a-z0-9]+)*$`));
    }
  });

  test('shortcuts are short, lower case and unique', () => {
    const shortcuts = library.map((seed) => seed.shortcut);
    for (const shortcut of shortcuts) expect(shortcut).toMatch(/^[a-z0-9]{2,8}$/);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  test('product questions cover size, material and specifications', () => {
    const bodies = withSituation(library, 'situation:product-question').map((seed) => seed.body);
    const topics = lang === 'zh' ? [/尺码/, /材质/, /规格|参数/] : [/size/i, /material/i, /specifications/i];
    for (const topic of topics) expect([String(topic), bodies.some((body) => topic.test(body))]).toEqual([String(topic), true]);
  });

  test('price negotiation stresses value, a coupon or a gift, and never cuts the price', () => {
    const bodies = withSituation(library, 'situation:price-negotiation').map((seed) => seed.body);
    const topics = lang === 'zh' ? [/性价比|用料/, /优惠券/, /赠品/] : [/value/i, /coupon/i, /gift/i];
    for (const topic of topics) expect([String(topic), bodies.some((body) => topic.test(body))]).toEqual([String(topic), true]);
    for (const body of bodies) expect(body).not.toMatch(/改价给您|便宜\d|I('| wi)ll (lower|reduce) the price|discount of \d/i);
  });

  test('the wrong-item snippet offers two solutions: reship the right item, or refund', () => {
    for (const seed of withSituation(library, 'situation:wrong-item')) {
      if (lang === 'zh') {
        expect(seed.body).toMatch(/两个方案/);
        expect(seed.body).toMatch(/补发正确的商品/);
        expect(seed.body).toMatch(/全额退款/);
      } else {
        expect(seed.body).toMatch(/two solutions/);
        expect(seed.body).toMatch(/reship the correct item/);
        expect(seed.body).toMatch(/full refund/);
      }
    }
  });

  test('tracking that stopped is explained by the destination country (English)', () => {
    if (lang === 'en') for (const seed of withSituation(library, 'situation:tracking-stopped')) expect(seed.body).toMatch(/destination country/);
  });
});

describe('postage follows the return-postage table', () => {
  const sellerPaysReturn = { zh: /退回运费(也)?由我们承担|来回运费(都)?由我们承担/, en: /return shipping is on us|we pay the return shipping|return shipping on us/ };
  const buyerPays = { zh: /由买家承担|由您承担|您承担|您出|您自己承担/, en: /buyer (then )?pays|paid by the buyer|you pay (for )?(the )?(return )?(shipping|postage)|at your (own )?(cost|expense)|your (own )?expense/i };

  test.each(['zh', 'en'] as const)('%s: the seller’s fault (quality, wrong item, missing item) never costs the buyer postage', (lang) => {
    const faults = ['situation:quality-problem', 'situation:wrong-item', 'situation:missing-item'].flatMap((s) => withSituation(LIBRARIES[lang], s));
    expect(faults.length).toBeGreaterThan(0);
    for (const seed of faults) expect([seed.id, buyerPays[lang].test(seed.body)]).toEqual([seed.id, false]);
    for (const seed of [...faults, ...LIBRARIES[lang].filter((s) => s.tags.includes('postage:seller-fault'))]) {
      if (/运费|shipping|postage/i.test(seed.body) && !seed.tags.includes('situation:missing-item'))
        expect([seed.id, sellerPaysReturn[lang].test(seed.body)]).toEqual([seed.id, true]);
    }
  });

  test.each(['zh', 'en'] as const)('%s: a postage dispute has the seller-fault and the 7-day no-reason answers', (lang) => {
    const postage = withSituation(LIBRARIES[lang], 'situation:postage-dispute');
    const sellerFault = postage.filter((s) => s.tags.includes('postage:seller-fault'));
    const noReason = postage.filter((s) => s.tags.includes('postage:no-reason'));
    expect(sellerFault.length).toBeGreaterThan(0);
    expect(noReason.length).toBeGreaterThan(0);
    for (const seed of sellerFault) expect(seed.body).toMatch(sellerPaysReturn[lang]);
    // 7-day no-reason: the buyer pays the return, but the seller keeps the outbound postage.
    for (const seed of noReason) expect(seed.body).toMatch(lang === 'zh' ? /发货运费由我们承担，不会从退款里扣除/ : /original shipping to you stays on us and is not deducted/);
  });

  test.each(['zh', 'en'] as const)('%s: only the no-reason, not-eligible and explaining snippets put postage on the buyer', (lang) => {
    const allowed = ['postage:no-reason', 'postage:not-eligible', 'postage:explain'];
    for (const seed of LIBRARIES[lang]) {
      if (buyerPays[lang].test(seed.body)) expect([seed.id, seed.tags.some((tag) => allowed.includes(tag))]).toEqual([seed.id, true]);
    }
    // The explanation always says the seller pays when it is the seller's fault.
    for (const seed of LIBRARIES[lang].filter((s) => s.tags.includes('postage:explain'))) expect(seed.body).toMatch(lang === 'zh' ? /退回运费由我们承担/ : /we pay the return shipping/);
  });
});

describe('the whole default library', () => {
  test('counts', () => {
    expect(libraryZh.length).toBeGreaterThanOrEqual(Object.keys(SITUATIONS).length);
    expect(libraryEn.length).toBeGreaterThanOrEqual(Object.keys(SITUATIONS).length);
  });

  test('ids are unique across both languages', () => {
    const ids = ALL.map((seed) => seed.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every template parses with no errors, and uses only known fill-ins', () => {
    const known = new Set<string>([...AUTO_KEYS, ...FREE_KEYS]);
    for (const seed of ALL) {
      const { keys, errors } = parseTemplate(seed.body);
      expect([seed.id, errors]).toEqual([seed.id, []]);
      for (const key of keys) expect([seed.id, key, known.has(key)]).toEqual([seed.id, key, true]);
      expect([seed.id, parseTemplate(seed.title).keys]).toEqual([seed.id, []]);
    }
  });

  test('no snippet breaks the conduct rules', () => {
    for (const seed of ALL) {
      expect([seed.id, FORBIDDEN.test(text(seed))]).toEqual([seed.id, false]);
      for (const pattern of ALSO_FORBIDDEN) expect([seed.id, String(pattern), pattern.test(text(seed))]).toEqual([seed.id, String(pattern), false]);
    }
  });

  test('the conduct patterns do catch what they are for', () => {
    for (const bad of ['加我微信聊', '可以支付宝转账给您', 'add me on WhatsApp', 'pay by PayPal', '100% no problem', 'guaranteed delivery in 5 days', '保证三天内到', '这不是我们的责任', "it's not our fault", '您去找平台吧'])
      expect([bad, FORBIDDEN.test(bad)]).toEqual([bad, true]);
  });

  test('every seed is a valid Snippet once stored', () => {
    ALL.forEach((seed, order) => {
      const { folder, ...fields } = seed;
      expect(folder === undefined || folder.length > 0).toBe(true);
      const stored: Snippet = { ...fields, order, uses: 0 };
      expect(SnippetSchema.safeParse(stored).success).toBe(true);
    });
  });

  test('the library is searchable: a shortcut comes first, pinyin finds the Chinese', () => {
    const stored: Snippet[] = ALL.map(({ folder: _folder, ...seed }, order) => ({ ...seed, order, uses: 0 }));
    const index = createSnippetIndex(stored);
    expect(index.search('fc')[0]?.id).toBe('zh-wrong-item');
    expect(index.search('wrong')[0]?.id).toBe('en-wrong-item');
    expect(index.search('tuikuan').map((s) => s.id)).toContain('zh-refund-status');
    expect(index.search('fhsj')[0]?.id).toBe('zh-handling-time');
    expect(index.search('yfh')[0]?.id).toBe('zh-shipped-no-cancel');
  });
});
