import type { Lang } from './postage';

/**
 * Cross-border shipping channel choice (DOMAIN.md, AliExpress practice): order value, real weight, box
 * dimensions and destination in; the channel family, why, and the delivery promise to quote out.
 *
 *   value under 5 USD (and small-packet size)           -> economy untracked small packet
 *   up to 2 kg, longest side <= 60 cm, length+girth <= 90 cm -> registered small packet (take the cheapest line)
 *   beyond those limits, light for its volume            -> express postal (EMS / e-express)
 *   beyond those limits, heavy for its size              -> commercial express (DHL / UPS / FedEx)
 *
 * "Length+girth" = longest side + 2 x (the other two sides). Volumetric weight = L x W x H / divisor
 * (cm^3 per kg, 6000 by default, as the express carriers count); "heavy for its size" means the real weight
 * is above the volumetric one (the real weight dominates the charge). At a tie neither dominates and the
 * cheaper postal express is taken.
 */

export type { Lang } from './postage';

export const CHANNEL_FAMILIES = ['economyUntracked', 'registeredSmallPacket', 'expressPostal', 'commercialExpress'] as const;
export type ChannelFamily = (typeof CHANNEL_FAMILIES)[number];

/** The small-packet limits and the value floor, from DOMAIN.md's table. */
export const SMALL_PACKET = { maxWeightKg: 2, maxLongestCm: 60, maxLengthGirthCm: 90 } as const;
export const ECONOMY_BELOW_USD = 5;
export const DEFAULT_VOLUMETRIC_DIVISOR = 6000;

export interface ParcelInput {
  valueUsd: number;
  weightKg: number;
  /** Box sides in cm, any order. */
  dimensionsCm: readonly [number, number, number];
  /** ISO 3166-1 alpha-2 destination, e.g. "BR". */
  country: string;
}

export interface ShippingOptions {
  /** cm^3 per kg; carriers use 5000 or 6000. */
  volumetricDivisor?: number;
}

export type ParcelField = 'valueUsd' | 'weightKg' | 'dimensionsCm.0' | 'dimensionsCm.1' | 'dimensionsCm.2' | 'country' | 'volumetricDivisor';
export type ParcelErrorKey = 'shipping.error.notANumber' | 'shipping.error.negative' | 'shipping.error.notPositive' | 'shipping.error.country';

/** Why the family was chosen; each names a limit or comparison (text in SHIPPING_TEXTS). */
export type ShippingReasonKey =
  | 'shipping.reason.valueUnder5'
  | 'shipping.reason.fitsSmallPacket'
  | 'shipping.reason.over2kg'
  | 'shipping.reason.longestOver60'
  | 'shipping.reason.lengthGirthOver90'
  | 'shipping.reason.realWeightDominates'
  | 'shipping.reason.volumetricDominates';

export interface DeliveryPromise {
  minDays: number;
  maxDays: number;
  /** Orders are processed (handed to the carrier) within this many hours. */
  processingHours: number;
}

export interface ShippingDecision {
  family: ChannelFamily;
  reasons: ShippingReasonKey[];
  /** The figures behind the reasons, rounded to what a person reads (kg to 3 decimals, cm to 1). */
  figures: { longestCm: number; lengthGirthCm: number; volumetricKg: number; chargeableKg: number };
  promise: DeliveryPromise;
}

export type ShippingResult = { ok: true; decision: ShippingDecision } | { ok: false; errors: Partial<Record<ParcelField, ParcelErrorKey>> };

/**
 * Delivery promises to quote: 8-25 days by post, Brazil longer (20-45), 3-10 by express; processed within
 * 24 h. Express postal is quoted as express (it is the postal operators' express service, EMS).
 */
export const DELIVERY_PROMISES = {
  post: { minDays: 8, maxDays: 25, processingHours: 24 },
  postBrazil: { minDays: 20, maxDays: 45, processingHours: 24 },
  express: { minDays: 3, maxDays: 10, processingHours: 24 },
} as const satisfies Record<string, DeliveryPromise>;

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

function checkParcel(input: ParcelInput, divisor: number): Partial<Record<ParcelField, ParcelErrorKey>> {
  const errors: Partial<Record<ParcelField, ParcelErrorKey>> = {};
  const positive = (field: ParcelField, n: number) => {
    if (typeof n !== 'number' || !Number.isFinite(n)) errors[field] = 'shipping.error.notANumber';
    else if (n < 0) errors[field] = 'shipping.error.negative';
    else if (n === 0) errors[field] = 'shipping.error.notPositive';
  };
  if (typeof input.valueUsd !== 'number' || !Number.isFinite(input.valueUsd)) errors.valueUsd = 'shipping.error.notANumber';
  else if (input.valueUsd < 0) errors.valueUsd = 'shipping.error.negative';
  positive('weightKg', input.weightKg);
  input.dimensionsCm.forEach((side, i) => positive(`dimensionsCm.${i}` as ParcelField, side));
  positive('volumetricDivisor', divisor);
  if (!/^[A-Za-z]{2}$/.test(input.country.trim())) errors.country = 'shipping.error.country';
  return errors;
}

/** The channel family for a parcel, or an error key per bad field (never a channel for bad input). */
export function chooseChannel(input: ParcelInput, options: ShippingOptions = {}): ShippingResult {
  const divisor = options.volumetricDivisor ?? DEFAULT_VOLUMETRIC_DIVISOR;
  const errors = checkParcel(input, divisor);
  if (Object.keys(errors).length) return { ok: false, errors };

  const sides = [...input.dimensionsCm].sort((a, b) => b - a) as [number, number, number];
  const longestCm = sides[0];
  const lengthGirthCm = sides[0] + 2 * (sides[1] + sides[2]);
  const volumetricKg = (sides[0] * sides[1] * sides[2]) / divisor;
  const figures = { longestCm: round(longestCm, 1), lengthGirthCm: round(lengthGirthCm, 1), volumetricKg: round(volumetricKg, 3), chargeableKg: round(Math.max(input.weightKg, volumetricKg), 3) };

  const over: ShippingReasonKey[] = [];
  if (input.weightKg > SMALL_PACKET.maxWeightKg) over.push('shipping.reason.over2kg');
  if (longestCm > SMALL_PACKET.maxLongestCm) over.push('shipping.reason.longestOver60');
  if (lengthGirthCm > SMALL_PACKET.maxLengthGirthCm) over.push('shipping.reason.lengthGirthOver90');

  const brazil = input.country.trim().toUpperCase() === 'BR';
  const post = brazil ? DELIVERY_PROMISES.postBrazil : DELIVERY_PROMISES.post;
  if (!over.length) {
    if (input.valueUsd < ECONOMY_BELOW_USD) return { ok: true, decision: { family: 'economyUntracked', reasons: ['shipping.reason.valueUnder5', 'shipping.reason.fitsSmallPacket'], figures, promise: post } };
    return { ok: true, decision: { family: 'registeredSmallPacket', reasons: ['shipping.reason.fitsSmallPacket'], figures, promise: post } };
  }
  const heavy = input.weightKg > volumetricKg;
  return {
    ok: true,
    decision: {
      family: heavy ? 'commercialExpress' : 'expressPostal',
      reasons: [...over, heavy ? 'shipping.reason.realWeightDominates' : 'shipping.reason.volumetricDominates'],
      figures,
      promise: DELIVERY_PROMISES.express,
    },
  };
}

const CHANNEL_NAMES: Record<ChannelFamily, Record<Lang, string>> = {
  economyUntracked: { zh: '经济小包（无挂号跟踪）', en: 'economy small packet (no tracking)' },
  registeredSmallPacket: { zh: '挂号小包', en: 'registered small packet (tracked)' },
  expressPostal: { zh: '邮政快递（EMS）', en: 'postal express (EMS)' },
  commercialExpress: { zh: '商业快递（DHL/UPS/FedEx）', en: 'express courier (DHL / UPS / FedEx)' },
};

/**
 * The reply the agent inserts: processing time, channel and the usual delivery range. "Usually" and a range,
 * never a date: a promised date is over-promising (DOMAIN.md pitfall 3).
 */
export function shippingReply(decision: ShippingDecision, lang: Lang): string {
  const { minDays, maxDays, processingHours } = decision.promise;
  const channel = CHANNEL_NAMES[decision.family][lang];
  if (lang === 'zh') {
    const tracking = decision.family === 'economyUntracked' ? '该渠道没有全程物流跟踪信息，' : '发货后可以在订单里查看物流跟踪，';
    return `亲，您的订单会在${processingHours}小时内处理发出，使用${channel}寄送，${tracking}一般${minDays}-${maxDays}天送达，具体以实际物流为准。`;
  }
  const tracking = decision.family === 'economyUntracked' ? 'This service has no full tracking; ' : 'You can follow the tracking in your order once it ships; ';
  return `Your order will be processed within ${processingHours} hours and sent by ${channel}. ${tracking}delivery usually takes ${minDays}-${maxDays} days, depending on the carrier and customs.`;
}

/** Labels, reasons and error texts for the UI, keyed; the lead copies them into the locale files. */
export const SHIPPING_TEXTS: Record<`shipping.family.${ChannelFamily}` | ShippingReasonKey | ParcelErrorKey, Record<Lang, string>> = {
  'shipping.family.economyUntracked': { zh: '经济小包（无跟踪）', en: 'Economy untracked small packet' },
  'shipping.family.registeredSmallPacket': { zh: '挂号小包 / e邮宝 / 标准专线（选最便宜的）', en: 'Registered small packet / e-packet / standard line (take the cheapest)' },
  'shipping.family.expressPostal': { zh: '邮政快递（EMS / e特快）', en: 'Express postal (EMS / e-express)' },
  'shipping.family.commercialExpress': { zh: '商业快递 DHL / UPS / FedEx（选报价最低的）', en: 'Commercial express: DHL / UPS / FedEx (take the cheapest quote)' },
  'shipping.reason.valueUnder5': { zh: `订单金额低于${ECONOMY_BELOW_USD}美元`, en: `Order value under ${ECONOMY_BELOW_USD} USD` },
  'shipping.reason.fitsSmallPacket': { zh: '不超过2公斤，最长边不超过60厘米，长+周长不超过90厘米', en: 'Up to 2 kg, longest side up to 60 cm, length + girth up to 90 cm' },
  'shipping.reason.over2kg': { zh: '实重超过2公斤', en: 'Real weight over 2 kg' },
  'shipping.reason.longestOver60': { zh: '最长边超过60厘米', en: 'Longest side over 60 cm' },
  'shipping.reason.lengthGirthOver90': { zh: '长+周长（最长边+2×其余两边）超过90厘米', en: 'Length + girth (longest side + 2 x the other two) over 90 cm' },
  'shipping.reason.realWeightDominates': { zh: '实重大于体积重（按体积重除数计算），属于重货', en: 'Real weight above the volumetric weight: heavy for its size' },
  'shipping.reason.volumetricDominates': { zh: '体积重不低于实重，属于轻泡货', en: 'Volumetric weight at or above the real weight: light for its volume' },
  'shipping.error.notANumber': { zh: '请输入数字', en: 'Enter a number' },
  'shipping.error.negative': { zh: '不能为负数', en: 'Cannot be negative' },
  'shipping.error.notPositive': { zh: '必须大于0', en: 'Must be more than 0' },
  'shipping.error.country': { zh: '请输入两位国家代码，如 BR、US', en: 'Enter a two-letter country code, e.g. BR, US' },
};
