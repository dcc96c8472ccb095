import { describe, expect, test } from 'vitest';
import { decidePostage, POSTAGE_PHRASES, POSTAGE_TEXTS, postageOptionReply, postageReply, RETURN_REASONS, type Payer, type PostagePhrase, type ReturnReason } from '@/lib/postage';

// DOMAIN.md's table, restated by hand: seller's side (incl. transit damage and a missing part) -> seller both
// ways; buyer's reason under 7-day cover -> buyer pays the return; buyer's reason without it -> buyer both ways.
const sellerSide: ReturnReason[] = ['qualityProblem', 'wrongItemSent', 'notAsDescribed', 'damagedInTransit', 'missingPart'];
function expected(reason: ReturnReason, sevenDay: boolean, freeShipping: boolean): { outbound: Payer; returnPostage: Payer } {
  if (sellerSide.includes(reason)) return { outbound: 'seller', returnPostage: 'seller' };
  if (sevenDay) return { outbound: freeShipping ? 'seller' : 'buyer', returnPostage: 'buyer' };
  return { outbound: 'buyer', returnPostage: 'buyer' };
}

const combinations = RETURN_REASONS.flatMap((reason) => [true, false].flatMap((sevenDay) => [true, false].map((free) => [reason, sevenDay, free] as const)));

/** Phrases that give the buyer less than `payer` on that leg would. */
const LESS_THAN: Record<string, PostagePhrase[]> = {
  'return:seller': ['returnBuyer'],
  'outbound:seller': ['outboundDeducted', 'outboundStays'],
};

describe('decidePostage', () => {
  test('walks all 28 combinations', () => expect(combinations).toHaveLength(28));

  test.each(combinations)('%s, 7-day %s, free shipping %s: the table decides who pays', (reason, sevenDay, free) => {
    const decision = decidePostage({ reason, sevenDayNoReason: sevenDay, freeShippingListed: free });
    expect({ outbound: decision.outbound, returnPostage: decision.returnPostage }).toEqual(expected(reason, sevenDay, free));
  });

  test.each(combinations.flatMap(([r, s, f]) => (['zh', 'en'] as const).map((lang) => [r, s, f, lang] as const)))(
    '%s, 7-day %s, free shipping %s, %s: the reply never offers the buyer less than the rule',
    (reason, sevenDay, free, lang) => {
      const decision = decidePostage({ reason, sevenDayNoReason: sevenDay, freeShippingListed: free, returnPostageCost: 12 }, { goodwillLimit: 20, shareLossLimit: 5 });
      const reply = postageReply(decision, lang);
      const rule = expected(reason, sevenDay, free);
      const forbidden = [...(LESS_THAN[`return:${rule.returnPostage}`] ?? []), ...(LESS_THAN[`outbound:${rule.outbound}`] ?? [])];
      for (const phrase of forbidden) expect(reply).not.toContain(POSTAGE_PHRASES[phrase][lang]);
      expect(reply).toContain(POSTAGE_PHRASES[rule.returnPostage === 'seller' ? 'returnSeller' : 'returnBuyer'][lang]);
      if (rule.outbound === 'seller') expect(reply).toMatch(new RegExp(`${escape(POSTAGE_PHRASES.outboundKept[lang])}|${escape(POSTAGE_PHRASES.outboundRefunded[lang])}`));
      // goodwill is an option, never part of the floor's reply
      for (const option of decision.options) expect(reply).not.toContain(postageOptionReply(option, lang));
    },
  );

  test('free shipping decides only who paid the outbound postage, never the return postage', () => {
    for (const reason of RETURN_REASONS)
      for (const sevenDay of [true, false])
        expect(decidePostage({ reason, sevenDayNoReason: sevenDay, freeShippingListed: true }).returnPostage).toBe(decidePostage({ reason, sevenDayNoReason: sevenDay, freeShippingListed: false }).returnPostage);
  });

  test('seller side without free shipping refunds the outbound postage the buyer paid', () => {
    const decision = decidePostage({ reason: 'damagedInTransit', sevenDayNoReason: false, freeShippingListed: false });
    expect(decision).toMatchObject({ rule: 'sellerFault', outboundSettlement: 'refundToBuyer', floor: 'postage.floor.sellerBoth', options: [] });
    expect(postageReply(decision, 'zh')).toContain(POSTAGE_PHRASES.outboundRefunded.zh);
  });

  test('a wrong size the buyer chose is the buyer\'s own reason', () => {
    expect(decidePostage({ reason: 'wrongSizeChosen', sevenDayNoReason: true, freeShippingListed: true })).toMatchObject({ rule: 'noReasonReturn', returnPostage: 'buyer' });
  });

  test('without 7-day cover a free-shipping outbound is deducted from the refund', () => {
    expect(decidePostage({ reason: 'changedMind', sevenDayNoReason: false, freeShippingListed: true })).toMatchObject({ outboundSettlement: 'deductFromRefund', floor: 'postage.floor.buyerBoth' });
  });
});

describe('goodwill options', () => {
  const buyerReason = { reason: 'changedMind', sevenDayNoReason: true, freeShippingListed: true } as const;

  test('offered with their cost within the shop limits', () => {
    expect(decidePostage({ ...buyerReason, returnPostageCost: 12 }, { goodwillLimit: 15, shareLossLimit: 5 }).options).toEqual([
      { kind: 'goodwillRefund', cost: 12, upTo: false },
      { kind: 'shareLoss', cost: 5, upTo: false },
    ]);
    expect(decidePostage({ ...buyerReason, returnPostageCost: 8 }, { shareLossLimit: 5 }).options).toEqual([{ kind: 'shareLoss', cost: 4, upTo: false }]);
  });

  test('no full refund offer when the postage is over the goodwill limit', () => {
    expect(decidePostage({ ...buyerReason, returnPostageCost: 25 }, { goodwillLimit: 20 }).options).toEqual([]);
  });

  test('an unknown postage offers "up to" the limit', () => {
    const [option] = decidePostage(buyerReason, { goodwillLimit: 10 }).options;
    expect(option).toEqual({ kind: 'goodwillRefund', cost: 10, upTo: true });
    expect(postageOptionReply(option!, 'zh')).toContain('最多10.00元');
    expect(postageOptionReply(option!, 'en')).toContain('up to 10.00');
  });

  test('none without a shop policy, and none on the seller side (the floor already covers everything)', () => {
    expect(decidePostage({ ...buyerReason, returnPostageCost: 10 }).options).toEqual([]);
    expect(decidePostage({ reason: 'qualityProblem', sevenDayNoReason: true, freeShippingListed: true, returnPostageCost: 10 }, { goodwillLimit: 50, shareLossLimit: 50 }).options).toEqual([]);
  });
});

test('every rule, floor, reason and option has zh and en text', () => {
  const keys = Object.keys(POSTAGE_TEXTS);
  expect(keys).toEqual(expect.arrayContaining([...RETURN_REASONS.map((r) => `postage.reason.${r}`), 'postage.rule.sellerFault', 'postage.floor.buyerBoth', 'postage.option.shareLoss']));
  for (const text of Object.values(POSTAGE_TEXTS)) expect(text.zh && text.en).toBeTruthy();
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
