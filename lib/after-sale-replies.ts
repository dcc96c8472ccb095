import { suggestedResolutions, type AfterSaleCase, type Resolution } from './after-sale/case';
import type { Lang } from './postage';
import { libraryEn } from './snippets/library-en';
import { libraryZh } from './snippets/library-zh';
import { fillTemplate, type FillResult } from './template';

/**
 * Replies for the hard moments of an open case, with the case's facts filled in:
 * - the five de-escalation steps (DOMAIN.md: calm, apologise, ask, offer, act), reusing the library's
 *   snippets `<lang>-deescalate-<n>-*` (the agent's edited version when the caller passes the library), so the
 *   same words come from the case view and the snippet list;
 * - the script for damage the seller is not liable for (DOMAIN.md good practice): ask about the item's
 *   condition first (not who signed for it), check for a missed part, then offer to share the loss within the
 *   shop's limit. Never "not our responsibility" (blame-shifting is one of the harmful habits), and the money
 *   goes through the platform (pitfall 2).
 *
 * Texts are message content, so they live here in zh and en; the UI titles are keys (AFTER_SALE_REPLY_TITLES).
 */

export interface ShopLossPolicy {
  /** The most the shop pays towards a loss it is not liable for; unset = no share offered. */
  shareLossLimit?: number;
}

export interface CaseReply {
  id: string;
  group: 'deescalation' | 'nonLiableDamage';
  /** 1-based position in its group: the order to send them in. */
  step: number;
  /** The library snippet it reuses (the agent's edited version when the caller passes the library), else null. */
  snippetId: string | null;
  titleKey: string;
  /** The text ready to insert, or the fill-ins the case cannot supply (e.g. shareAmount without a shop limit). */
  result: FillResult;
}

const DEESCALATION_IDS = ['deescalate-1-calm', 'deescalate-2-apology', 'deescalate-3-ask', 'deescalate-4-offer', 'deescalate-5-act'] as const;

/** The non-liable damage script, in order. Fill-ins: orderNumber, product, amount, shareAmount. */
export const NON_LIABLE_DAMAGE_SCRIPT = [
  {
    id: 'damage-1-condition',
    body: {
      zh: '亲，{{product}}出现这样的情况，我们也很着急，先向您说声抱歉。想先了解一下商品现在的状况：具体是哪里有损坏，还能正常使用吗？方便的话请拍几张商品和外包装的照片发给我，我马上帮您看。',
      en: 'I am so sorry to hear about the {{product}}. First, could you tell me what condition it is in now: which part is damaged, and can it still be used? If you can, please send me a few photos of the item and its packaging, and I will look at them right away.',
    },
  },
  {
    id: 'damage-2-missed-part',
    body: {
      zh: '我这边正在核对订单{{orderNumber}}的发货和打包记录。也麻烦您再看一下包装里层和填充物里，有没有漏看的配件或小零件，有时会夹在里面。',
      en: 'I am checking the shipping and packing record of order {{orderNumber}}. Could you also have another look inside the packaging and the padding for any part or small piece that may have been missed? Sometimes they get tucked in there.',
    },
  },
  {
    id: 'damage-3-share-loss',
    body: {
      zh: '亲，不想让您这次吃亏，我们愿意和您一起分担这次的损失，通过平台为您补偿{{shareAmount}}（订单金额{{amount}}）。您看这样可以吗？同意的话我现在就为您办理。',
      en: 'We do not want you to be left out of pocket, so we would like to share this loss with you: we can compensate you {{shareAmount}} through the platform (order amount {{amount}}). Would that be OK for you? If you agree, I will arrange it right away.',
    },
  },
] as const;

/** 12.5 CNY -> "12.50元" in zh, "12.50 CNY" in en; other currencies by code in both. */
export function formatCaseAmount(amount: number, currency: string, lang: Lang): string {
  const figure = amount.toFixed(2);
  return lang === 'zh' && currency === 'CNY' ? `${figure}元` : `${figure} ${currency}`;
}

/** What the shop offers when it shares a loss: half of it, up to its limit; null when the shop set no limit. */
export function shareLossAmount(amount: number, shareLossLimit: number | undefined): number | null {
  if (shareLossLimit === undefined || !Number.isFinite(shareLossLimit) || shareLossLimit <= 0) return null;
  return Math.round(Math.min(amount / 2, shareLossLimit) * 100) / 100;
}

const SOLUTION_TEXT: Record<Resolution, Record<Lang, (c: AfterSaleCase, amount: string) => string>> = {
  refund: { zh: (c, amount) => `为订单${c.orderNumber}（${c.product}）办理退款${amount}`, en: (c, amount) => `a refund of ${amount} for the ${c.product} on order ${c.orderNumber}` },
  exchange: { zh: (c) => `为订单${c.orderNumber}换一件新的${c.product}`, en: (c) => `a replacement ${c.product} for order ${c.orderNumber}` },
  repair: { zh: (c) => `为订单${c.orderNumber}的${c.product}免费维修`, en: (c) => `a free repair of the ${c.product} from order ${c.orderNumber}` },
};

/** The solution the de-escalation steps 4 and 5 name: the case's resolution, else the first suggested one. */
export function solutionText(c: AfterSaleCase, lang: Lang, resolution?: Resolution, buyerAgreesToRepair = false): string {
  const chosen = resolution ?? c.resolution ?? suggestedResolutions(c.type, buyerAgreesToRepair)[0]!;
  return SOLUTION_TEXT[chosen][lang](c, formatCaseAmount(c.amount, c.currency, lang));
}

/** The fill-in values a case supplies. */
export function caseFillValues(c: AfterSaleCase, lang: Lang, shop: ShopLossPolicy, solution: string): Record<string, string | undefined> {
  const share = shareLossAmount(c.amount, shop.shareLossLimit);
  return {
    buyerName: c.buyerName,
    orderNumber: c.orderNumber,
    product: c.product,
    amount: formatCaseAmount(c.amount, c.currency, lang),
    shareAmount: share === null ? undefined : formatCaseAmount(share, c.currency, lang),
    solution,
  };
}

export interface HardMomentOptions {
  /** The resolution to name in steps 4 and 5; default: the case's, else the first suggested. */
  resolution?: Resolution;
  buyerAgreesToRepair?: boolean;
  /** The agent's library, so edited de-escalation snippets are used; default: the built-in library. */
  library?: readonly { id: string; body: string }[];
}

/** Every hard-moment reply for a case, in the conversation's language, facts filled in. */
export function hardMomentReplies(c: AfterSaleCase, lang: Lang, shop: ShopLossPolicy, options: HardMomentOptions = {}): CaseReply[] {
  const values = caseFillValues(c, lang, shop, solutionText(c, lang, options.resolution, options.buyerAgreesToRepair));
  const library = options.library ?? (lang === 'zh' ? libraryZh : libraryEn);
  const deescalation = DEESCALATION_IDS.map((suffix, i): CaseReply => {
    const snippetId = `${lang}-${suffix}`;
    const body = library.find((s) => s.id === snippetId)?.body ?? builtIn(lang, snippetId);
    return { id: suffix, group: 'deescalation', step: i + 1, snippetId, titleKey: `afterSale.reply.${suffix}`, result: fillTemplate(body, values) };
  });
  const damage = NON_LIABLE_DAMAGE_SCRIPT.map((line, i): CaseReply => ({ id: line.id, group: 'nonLiableDamage', step: i + 1, snippetId: null, titleKey: `afterSale.reply.${line.id}`, result: fillTemplate(line.body[lang], values) }));
  return [...deescalation, ...damage];
}

/** A library without the snippet (the agent deleted it) still gets the built-in text. */
function builtIn(lang: Lang, id: string): string {
  return (lang === 'zh' ? libraryZh : libraryEn).find((s) => s.id === id)!.body;
}

/** UI titles of the replies, keyed; the lead copies them into the locale files. */
export const AFTER_SALE_REPLY_TITLES: Record<string, Record<Lang, string>> = {
  'afterSale.reply.deescalate-1-calm': { zh: '安抚①：稳住情绪', en: 'Step 1: calm' },
  'afterSale.reply.deescalate-2-apology': { zh: '安抚②：尊重致歉', en: 'Step 2: respect and apologise' },
  'afterSale.reply.deescalate-3-ask': { zh: '安抚③：询问方案', en: 'Step 3: ask which solution' },
  'afterSale.reply.deescalate-4-offer': { zh: '安抚④：给出方案', en: 'Step 4: offer a solution' },
  'afterSale.reply.deescalate-5-act': { zh: '安抚⑤：立即办理', en: 'Step 5: act at once' },
  'afterSale.reply.damage-1-condition': { zh: '非我方责任损坏①：先问商品状况', en: 'Damage we are not liable for, 1: ask about the condition' },
  'afterSale.reply.damage-2-missed-part': { zh: '非我方责任损坏②：核对是否漏看配件', en: 'Damage we are not liable for, 2: check for a missed part' },
  'afterSale.reply.damage-3-share-loss': { zh: '非我方责任损坏③：在限额内分担损失', en: 'Damage we are not liable for, 3: share the loss within the limit' },
};
