import type { Snippet } from './snippet';

/**
 * Return postage: who pays (DOMAIN.md "Return postage: who pays", Taobao rules), from three questions the
 * agent answers: is the item under 7-day no-reason returns, why is it coming back, was free shipping listed.
 *
 * The answer is the floor: what the rules give the buyer, which the shop must never go below (pitfall 3 in
 * reverse: offering less gets the shop ruled against). Going beyond it is the shop's choice, so goodwill
 * (refunding the buyer's return postage, sharing it) is returned separately as options with their cost,
 * never folded into the floor or its reply.
 *
 * Everything here is plain data (no functions), so a decision can travel in an extension message; the reply
 * texts come from `postageReply` / `postageOptionReply`.
 */

/** A reply's language: the languages snippets are written in. */
export type Lang = Snippet['lang'];
export type Payer = 'seller' | 'buyer';

/** Why the item is coming back. */
export const RETURN_REASONS = ['changedMind', 'wrongSizeChosen', 'qualityProblem', 'wrongItemSent', 'notAsDescribed', 'damagedInTransit', 'missingPart'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/**
 * The seller's side of the table. Damaged in transit and a missing part are here too although the table
 * does not name them: from the buyer's view the seller shipped the parcel and chose the carrier, so transit
 * damage is the seller's claim against the carrier, not the buyer's loss; a part missing from the box was
 * packed (or not) by the seller. Both are "not as described" for the buyer who opens the parcel.
 */
const SELLER_SIDE: ReadonlySet<ReturnReason> = new Set(['qualityProblem', 'wrongItemSent', 'notAsDescribed', 'damagedInTransit', 'missingPart']);

/** True when the reason is the seller's side (the seller pays both ways); a wrong size the buyer chose is the buyer's own reason. */
export function isSellerSide(reason: ReturnReason): boolean {
  return SELLER_SIDE.has(reason);
}

export interface PostageAnswers {
  /** The item is covered by 7-day no-reason returns (the listing says so). */
  sevenDayNoReason: boolean;
  reason: ReturnReason;
  /** The listing promised free shipping: the seller paid the outbound postage at shipping time. */
  freeShippingListed: boolean;
  /** The return postage as the buyer was quoted (CNY or the order currency), when known: the options' cost. */
  returnPostageCost?: number;
}

export interface ShopPostagePolicy {
  /** The most the shop refunds of a buyer's return postage as goodwill; unset or 0 = no goodwill offer. */
  goodwillLimit?: number;
  /** The most the shop pays when it shares the buyer's return postage (half of it, up to this); unset or 0 = none. */
  shareLossLimit?: number;
}

/** Which row of the rule table applies. */
export type PostageRuleKey = 'sellerFault' | 'noReasonReturn' | 'buyerReasonNotEligible';

/**
 * What happens to the outbound postage in money: nothing moves (it stays with whoever paid it at checkout),
 * the seller refunds it to the buyer (the buyer paid it, the seller owes it), or it is taken off the buyer's
 * refund (the seller paid it for free shipping, the buyer owes it).
 */
export type OutboundSettlement = 'none' | 'refundToBuyer' | 'deductFromRefund';

export interface PostageOption {
  /** goodwillRefund: the shop refunds the buyer's whole return postage; shareLoss: the shop pays half of it. */
  kind: 'goodwillRefund' | 'shareLoss';
  /** What it costs the shop. When the return postage is unknown, the most it can cost (`upTo`). */
  cost: number;
  upTo: boolean;
}

export interface PostageDecision {
  /** Who bears the outbound postage in the end. */
  outbound: Payer;
  /** Who bears the return postage. */
  returnPostage: Payer;
  outboundSettlement: OutboundSettlement;
  rule: PostageRuleKey;
  /** The floor in one key: what the shop must not go below (text in POSTAGE_TEXTS). */
  floor: PostageFloorKey;
  /** Beyond the floor, the shop's choice; empty when the floor already gives the buyer everything. */
  options: PostageOption[];
}

export type PostageFloorKey = 'postage.floor.sellerBoth' | 'postage.floor.buyerReturnOnly' | 'postage.floor.buyerBoth';

/**
 * The rule table. Free shipping decides only where the outbound postage was paid (DOMAIN.md: it "covers only
 * the seller's outbound postage"): with it the seller paid at shipping, without it the buyer paid at checkout.
 * So on the seller's side the seller refunds an outbound postage the buyer paid; on a 7-day no-reason return
 * the outbound stays where it was paid (the table's "seller" is the free-shipping case: the seller keeps the
 * cost and may not deduct it); without 7-day cover the buyer bears it, so a free-shipping outbound is deducted.
 */
export function decidePostage(answers: PostageAnswers, shop: ShopPostagePolicy = {}): PostageDecision {
  const { reason, sevenDayNoReason, freeShippingListed } = answers;
  if (isSellerSide(reason)) {
    return { outbound: 'seller', returnPostage: 'seller', outboundSettlement: freeShippingListed ? 'none' : 'refundToBuyer', rule: 'sellerFault', floor: 'postage.floor.sellerBoth', options: [] };
  }
  const options = goodwillOptions(answers.returnPostageCost, shop);
  if (sevenDayNoReason) {
    return { outbound: freeShippingListed ? 'seller' : 'buyer', returnPostage: 'buyer', outboundSettlement: 'none', rule: 'noReasonReturn', floor: 'postage.floor.buyerReturnOnly', options };
  }
  return { outbound: 'buyer', returnPostage: 'buyer', outboundSettlement: freeShippingListed ? 'deductFromRefund' : 'none', rule: 'buyerReasonNotEligible', floor: 'postage.floor.buyerBoth', options };
}

const positive = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;
const cents = (n: number) => Math.round(n * 100) / 100;

/** The goodwill the shop's policy allows on the buyer's return postage, costed. */
function goodwillOptions(returnCost: number | undefined, shop: ShopPostagePolicy): PostageOption[] {
  const options: PostageOption[] = [];
  const known = positive(returnCost);
  // A full refund only when it fits the limit: "up to the limit" of a cost the shop cannot see could be less than the postage.
  if (positive(shop.goodwillLimit)) {
    if (!known) options.push({ kind: 'goodwillRefund', cost: shop.goodwillLimit, upTo: true });
    else if (returnCost <= shop.goodwillLimit) options.push({ kind: 'goodwillRefund', cost: cents(returnCost), upTo: false });
  }
  if (positive(shop.shareLossLimit)) {
    if (!known) options.push({ kind: 'shareLoss', cost: shop.shareLossLimit, upTo: true });
    else options.push({ kind: 'shareLoss', cost: cents(Math.min(returnCost / 2, shop.shareLossLimit)), upTo: false });
  }
  return options;
}

/**
 * The sentences replies are built from, by what they give the buyer. A test walks every combination and checks
 * that a reply holds the sentence of its floor and none that gives the buyer less.
 */
export const POSTAGE_PHRASES = {
  returnSeller: { zh: '退回的运费由我们承担，您寄回时保留好运费凭证，我们会连同退款一起通过平台退给您。', en: 'The return shipping is on us: keep the postage receipt when you send it back, and we will refund the postage together with your refund through the platform.' },
  returnBuyer: { zh: '按平台规则，退回的运费由买家承担。', en: 'Under the platform rules, the return shipping is paid by the buyer.' },
  outboundKept: { zh: '发货时的运费由我们承担，不会从退款里扣除。', en: 'The shipping to you stays on us and is not deducted from your refund.' },
  outboundRefunded: { zh: '您下单时支付的发货运费，我们也会一并退还。', en: 'The shipping you paid at checkout is refunded to you as well.' },
  outboundDeducted: { zh: '发货时我们支付的运费由买家承担，会从退款中扣除。', en: 'The shipping we paid to send it to you is borne by the buyer and is deducted from the refund.' },
  outboundStays: { zh: '下单时支付的发货运费不退还。', en: 'The shipping paid at checkout is not refunded.' },
} as const satisfies Record<string, Record<Lang, string>>;
export type PostagePhrase = keyof typeof POSTAGE_PHRASES;

const OPENING: Record<PostageRuleKey, Record<Lang, string>> = {
  sellerFault: { zh: '亲，非常抱歉给您带来麻烦，这次的问题在我们这边。', en: 'I am very sorry for the trouble: this problem is on our side.' },
  noReasonReturn: { zh: '亲，这件商品支持7天无理由退货，您在不影响二次销售的情况下可以申请退货。', en: 'This item is covered by 7-day no-reason returns, so you can return it as long as it is unused and in its original condition.' },
  buyerReasonNotEligible: { zh: '亲，这件商品不支持7天无理由退货（详见商品页面），如果您因个人原因想退，我们可以和您商量。', en: 'This item is not covered by 7-day no-reason returns (see the item page); if you would like to return it for a personal reason, we can discuss it with you.' },
};

/** The phrases of a decision's reply, in order: what the floor gives the buyer about each postage. */
export function postagePhrases(decision: PostageDecision): PostagePhrase[] {
  const phrases: PostagePhrase[] = [decision.returnPostage === 'seller' ? 'returnSeller' : 'returnBuyer'];
  if (decision.outboundSettlement === 'refundToBuyer') phrases.push('outboundRefunded');
  else if (decision.outboundSettlement === 'deductFromRefund') phrases.push('outboundDeducted');
  else phrases.push(decision.outbound === 'seller' ? 'outboundKept' : 'outboundStays');
  return phrases;
}

/** The reply to send the buyer for the floor, in the conversation's language. Goodwill is never in it. */
export function postageReply(decision: PostageDecision, lang: Lang): string {
  const sep = lang === 'zh' ? '' : ' ';
  return [OPENING[decision.rule][lang], ...postagePhrases(decision).map((p) => POSTAGE_PHRASES[p][lang])].join(sep);
}

/** The amount as it reads in a reply: 12.5 -> "12.50". */
export function formatMoney(amount: number): string {
  return amount.toFixed(2);
}

/** The reply offering one option, with its amount, for the agent to send when the shop chooses to go beyond the floor. */
export function postageOptionReply(option: PostageOption, lang: Lang): string {
  const amount = formatMoney(option.cost);
  if (option.kind === 'goodwillRefund') {
    if (lang === 'zh') return option.upTo ? `这次的退回运费我们为您承担（最多${amount}元），寄回后把运费凭证发给我，我们通过平台退给您。` : `这次的退回运费${amount}元我们为您承担，寄回后把运费凭证发给我，我们通过平台退给您。`;
    return option.upTo ? `This time we will cover your return shipping (up to ${amount}): send me the postage receipt once it is on its way, and we will refund it through the platform.` : `This time we will cover your return shipping of ${amount}: send me the postage receipt once it is on its way, and we will refund it through the platform.`;
  }
  if (lang === 'zh') return option.upTo ? `为了表示诚意，退回运费我们和您各承担一半（我们最多承担${amount}元），通过平台退给您。` : `为了表示诚意，退回运费我们为您承担${amount}元，通过平台退给您。`;
  return option.upTo ? `As a gesture of goodwill, we will share the return shipping with you half and half (our share up to ${amount}), refunded through the platform.` : `As a gesture of goodwill, we will pay ${amount} of the return shipping, refunded through the platform.`;
}

/** Rule and floor sentences for the UI, keyed; the lead copies them into the locale files. */
export const POSTAGE_TEXTS: Record<`postage.rule.${PostageRuleKey}` | PostageFloorKey | `postage.reason.${ReturnReason}` | `postage.option.${PostageOption['kind']}`, Record<Lang, string>> = {
  'postage.rule.sellerFault': { zh: '商家原因（质量问题、发错货、描述不符、运输破损、少件）：来回运费都由商家承担，7天无理由与否都一样。', en: "Seller's side (quality problem, wrong item, not as described, damaged in transit, missing part): the seller pays the postage both ways, 7-day cover or not." },
  'postage.rule.noReasonReturn': { zh: '7天无理由退货、商品无质量问题：退回运费由买家承担，包邮的发货运费由商家承担。', en: "7-day no-reason return with nothing wrong with the item: the buyer pays the return postage; a free-shipping outbound stays the seller's." },
  'postage.rule.buyerReasonNotEligible': { zh: '买家个人原因且商品不支持7天无理由：来回运费都由买家承担（包邮的发货运费从退款中扣回）。', en: "The buyer's own reason on an item without 7-day no-reason returns: the buyer pays the postage both ways (a free-shipping outbound is deducted from the refund)." },
  'postage.floor.sellerBoth': { zh: '底线：来回运费都由店铺承担，不能让买家出任何运费。', en: 'Floor: the shop pays the postage both ways; never ask the buyer for any postage.' },
  'postage.floor.buyerReturnOnly': { zh: '底线：买家只承担退回运费，发货运费不能从退款中扣除。', en: 'Floor: the buyer pays only the return postage; never deduct the outbound postage from the refund.' },
  'postage.floor.buyerBoth': { zh: '底线：来回运费可由买家承担；店铺愿意多承担属于自愿。', en: 'Floor: the buyer may be asked to pay the postage both ways; anything the shop pays beyond is its own choice.' },
  'postage.reason.changedMind': { zh: '买家不想要了', en: 'Changed their mind' },
  'postage.reason.wrongSizeChosen': { zh: '买家拍错尺码', en: 'Chose the wrong size' },
  'postage.reason.qualityProblem': { zh: '质量问题', en: 'Quality problem' },
  'postage.reason.wrongItemSent': { zh: '发错货', en: 'Wrong item sent' },
  'postage.reason.notAsDescribed': { zh: '描述不符', en: 'Not as described' },
  'postage.reason.damagedInTransit': { zh: '运输途中破损', en: 'Damaged in transit' },
  'postage.reason.missingPart': { zh: '少件/漏发配件', en: 'Missing part' },
  'postage.option.goodwillRefund': { zh: '自愿承担买家的退回运费', en: "Goodwill: refund the buyer's return postage" },
  'postage.option.shareLoss': { zh: '自愿分担一半退回运费', en: 'Goodwill: share the return postage half and half' },
};
