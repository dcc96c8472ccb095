import { describe, expect, test } from 'vitest';
import { GuardModel, WEIGHT_ZERO, type GuardModelData } from '@/lib/guard/classifier';
import { featureCounts, featureText } from '@/lib/guard/features';
import { checkMessage, compileCustomRules } from '@/lib/guard';
import { normalize } from '@/lib/guard/normalize';
import shipped from '@/lib/guard/model.json';
import { GUARD_CATEGORIES, type GuardCategory } from '@/lib/guard/types';

/** A model by hand: each feature's weight for one category, every other weight 0. */
function handModel(weights: Record<string, Partial<Record<GuardCategory, number>>>, threshold = 2): GuardModelData {
  const features = Object.keys(weights);
  let encoded = '';
  for (const f of features) for (const c of GUARD_CATEGORIES) encoded += String.fromCharCode(WEIGHT_ZERO + (weights[f]![c] ?? 0));
  return {
    version: 1,
    categories: [...GUARD_CATEGORIES],
    features: features.join('\n'),
    weights: encoded,
    scale: 1,
    bias: GUARD_CATEGORIES.map(() => -1),
    thresholds: GUARD_CATEGORIES.map(() => threshold),
    ruledThresholds: GUARD_CATEGORIES.map(() => threshold),
    trustedRules: [],
    trainedOn: { messages: 0, sets: [] },
  };
}

const ALL = new Set(GUARD_CATEGORIES);

describe('the features', () => {
  test('undo disguises, read digits as at most four 0s, cut repeats and keep the gaps between English words', () => {
    expect(featureText(normalize('加我 Ｖ 信 13812345678')).text).toBe('加我v信0000');
    expect(featureText(normalize('哈哈哈哈哈 soooo')).text).toBe('哈哈哈sooo');
    expect(featureText(normalize('Do you EVEN have a brain?')).text).toBe('do you even have a brain');
  });

  test('count each gram, mark the edges, and mark a buyer', () => {
    const counts = featureCounts('滚滚', 'buyer');
    expect(counts.get('滚')).toBe(2);
    expect(counts.get('滚滚')).toBe(1);
    expect(counts.get('^滚')).toBe(1);
    expect(counts.get('滚$')).toBe(1);
    expect(featureCounts('滚滚', 'shop').size).toBe(counts.size - 1);
  });
});

describe('the learned checker', () => {
  test('flags the shortest window over the threshold: the risky clause, not the friendly message around it', () => {
    const model = new GuardModel(handModel({ 穷鬼: { abuse: 4 } }));
    const text = '亲，您好，买不起就别买，穷鬼。有问题再联系';
    const [hit] = model.check(text, normalize(text), 'shop', ALL);
    expect(hit?.category).toBe('abuse');
    expect(text.slice(hit!.start, hit!.end)).toBe('穷鬼');
  });

  test('reads a clause split by a line break or a space between Chinese words', () => {
    const model = new GuardModel(handModel({ 穷鬼: { abuse: 4 } }));
    for (const text of ['好的亲\n穷鬼', '好的亲 穷鬼']) {
      const [hit] = model.check(text, normalize(text), 'shop', ALL);
      expect(text.slice(hit!.start, hit!.end)).toBe('穷鬼');
    }
  });

  test('a category below its threshold, or not asked for, is not flagged', () => {
    const model = new GuardModel(handModel({ 穷鬼: { abuse: 2 } }));
    expect(model.check('穷鬼', normalize('穷鬼'), 'shop', ALL)).toEqual([]);
    const strong = new GuardModel(handModel({ 穷鬼: { abuse: 4 } }));
    expect(strong.check('穷鬼', normalize('穷鬼'), 'shop', new Set<GuardCategory>(['threat']))).toEqual([]);
  });

  test('a window over the whole text scores what the whole text counts', () => {
    const loose = new GuardModel({ ...(shipped as unknown as GuardModelData), thresholds: GUARD_CATEGORIES.map(() => -1e9), ruledThresholds: GUARD_CATEGORIES.map(() => -1e9) });
    for (const text of ['你是不是脑子有病看不懂商品详情吗', 'For 9.99 what did you expect gold', '加我vx私下转账更便宜']) {
      const n = normalize(text);
      const whole = loose.scoreCounts(featureCounts(featureText(n).text, 'shop'));
      // One clause: the only window is the whole text.
      const hits = loose.check(text, n, 'shop', ALL);
      expect(hits).toHaveLength(GUARD_CATEGORIES.length);
      for (const hit of hits) expect(hit.logit).toBeCloseTo(whole[GUARD_CATEGORIES.indexOf(hit.category)]!, 9);
    }
  });

  test('flags blame the words miss, with the reason and the safer wording of its kind', () => {
    const text = '亲 鞋子磨脚是您脚型的问题，别人穿都没事';
    expect(checkMessage(text, { learned: false })).toEqual([]);
    const [finding] = checkMessage(text);
    expect(finding).toMatchObject({ category: 'blame', reason: 'notOurFault', ruleId: 'learned-blame' });
    expect(text.slice(finding!.start, finding!.end)).toBe('鞋子磨脚是您脚型的问题，别人穿都没事');
    expect(finding!.suggestion).toBeTruthy();
  });

  test("a shop's allowed word anywhere in a learned finding lets it pass", () => {
    const text = '亲 鞋子磨脚是您脚型的问题，别人穿都没事';
    expect(checkMessage(text, { rules: compileCustomRules([], ['脚型']) })).toEqual([]);
    expect(checkMessage(text, { rules: compileCustomRules([], ['运费险']) })).toHaveLength(1);
  });

  test('refuses a model file whose weights do not fit its features', () => {
    expect(() => new GuardModel({ ...handModel({ 穷鬼: { abuse: 4 } }), weights: '' })).toThrow(/disagree/);
  });

  test('the shipped model never saw the test sets', () => {
    expect((shipped as unknown as GuardModelData).trainedOn.sets.some((s) => s.startsWith('test-'))).toBe(false);
  });
});
