import type { Normalized } from './normalize';
import type { TermHit } from './terms';
import type { GuardReason } from './types';

/**
 * Numbers and addresses that take a buyer off the platform: phone numbers, QQ numbers, bank cards, payment
 * links and e-mail addresses.
 *
 * Digits are read in the compact text, so "138-0013-8000", "1 3 8 0 0 1 3 8 0 0 0" and full-width digits are one
 * run; digits written in Chinese (一三八…, 壹叁捌…, 幺 for 1) count too, in runs of at least seven so that
 * 一二 in ordinary words is never a number. A long run alone is not enough where it may be harmless: 16 to 19
 * digits are an order number until the message speaks of a card or an account, a phone number next to
 * 收货地址 is the buyer's own, for the courier.
 */

export interface NumberHit {
  reason: GuardReason;
  /** Compact-text units [start, end). */
  start: number;
  end: number;
}

// A Map, not an object: it is read for every character of every message, and an object keyed by Chinese
// characters is a slow dictionary lookup.
const CHINESE_DIGITS = new Map(
  Object.entries({
    零: '0', 〇: '0', 洞: '0', 一: '1', 幺: '1', 壹: '1', 二: '2', 贰: '2', 三: '3', 叁: '3', 四: '4', 肆: '4',
    五: '5', 伍: '5', 六: '6', 陆: '6', 七: '7', 柒: '7', 八: '8', 捌: '8', 九: '9', 玖: '9',
  }),
);

/** Words the rules below look for near a number; the matcher in index.ts finds them with the other terms. */
export const NUMBER_TERMS = {
  qq: ['qq', 'q号', '扣扣', '抠抠', '企鹅', 'qq号', 'koukou', '扣我'],
  phone: ['电话', '手机', '号码', '联系方式', 'call', 'text', 'tel', 'phone', 'whatsapp', 'mobile', '打我', '加我'],
  card: ['卡', '银行', '账户', '账号', 'card', 'account', 'bank', 'iban', '打到', '转到'],
  order: ['订单', '单号', '运单', '物流', '快递', 'order', 'tracking'],
  ownAddress: ['收件', '收货', '地址', '快递员', '快递小哥', '改一下', '修改', '填写'],
  pay: ['付款', '付钱', '支付', '转账', '便宜', '拍', 'pay', 'payment', 'checkout'],
} as const;

const PLATFORM_DOMAINS = /(?:^|\.)(?:taobao|tmall|tb|jd|3\.cn|yangkeduo|pinduoduo|douyin|jinritemai|aliexpress|alibaba|1688|alicdn)\./i;
const LINK = /(?:https?:\/\/|www\.)[^\s\u3000-\u303f\uff01-\uff5e"'<>]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:cn|com|net|me|cc|top|xyz|io|co)\/[^\s\u3000-\u303f\uff01-\uff5e"'<>]*/gi;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

function anyHit(hits: Map<string, TermHit[]>, terms: readonly string[]): boolean {
  return terms.some((t) => hits.has(t));
}

/** Whether one of `terms` ends at most `window` units before `at`. */
function hitBefore(hits: Map<string, TermHit[]>, terms: readonly string[], at: number, window: number): boolean {
  return terms.some((t) => hits.get(t)?.some((h) => h.end <= at && at - h.end <= window) ?? false);
}

/** Phone, QQ and bank-card numbers in the compact text. */
export function findNumbers(n: Normalized, hits: Map<string, TermHit[]>): NumberHit[] {
  const found: NumberHit[] = [];
  const text = n.text;
  for (let i = 0; i < text.length; ) {
    let digits = '';
    let chinese = 0;
    let j = i;
    for (; j < text.length; j++) {
      const ch = text[j]!;
      if (ch >= '0' && ch <= '9') digits += ch;
      else {
        const digit = CHINESE_DIGITS.get(ch);
        if (digit === undefined) break;
        digits += digit;
        chinese++;
      }
    }
    if (j === i) {
      i++;
      continue;
    }
    const run = { start: i, end: j };
    i = j;
    if (chinese > 0 && digits.length < 7) continue;
    const count = digits.length;
    const plus = run.start > 0 && text[run.start - 1] === '+';
    const start = plus ? run.start - 1 : run.start;
    const ownAddress = anyHit(hits, NUMBER_TERMS.ownAddress);
    if (count >= 5 && count <= 11 && hitBefore(hits, NUMBER_TERMS.qq, run.start, 6)) found.push({ reason: 'qqNumber', start, end: run.end });
    else if ((count === 11 && /^1[3-9]/.test(digits)) || (plus && count >= 8 && count <= 15) || (count >= 7 && count <= 12 && hitBefore(hits, NUMBER_TERMS.phone, run.start, 8))) {
      if (!ownAddress) found.push({ reason: 'phoneNumber', start, end: run.end });
    } else if (count >= 16 && count <= 19 && anyHit(hits, NUMBER_TERMS.card) && !anyHit(hits, NUMBER_TERMS.order)) found.push({ reason: 'bankCard', start, end: run.end });
  }
  return found;
}

/** Payment links (outside the platform's own domains, in a message about paying) and e-mail addresses, in the text as typed. */
export function findLinks(text: string, hits: Map<string, TermHit[]>): { reason: GuardReason; start: number; end: number }[] {
  const found: { reason: GuardReason; start: number; end: number }[] = [];
  if (!/[.@]/.test(text)) return found;
  const emails: { start: number; end: number }[] = [];
  for (const m of text.matchAll(EMAIL)) {
    emails.push({ start: m.index, end: m.index + m[0].length });
    found.push({ reason: 'email', start: m.index, end: m.index + m[0].length });
  }
  if (anyHit(hits, NUMBER_TERMS.pay)) {
    for (const m of text.matchAll(LINK)) {
      const start = m.index;
      const end = start + m[0].replace(/[.,;:!?)]+$/, '').length;
      if (emails.some((e) => start < e.end && end > e.start)) continue;
      const host = m[0].replace(/^https?:\/\//i, '').split(/[/?#]/)[0] ?? '';
      if (PLATFORM_DOMAINS.test(`.${host}`)) continue;
      found.push({ reason: 'paymentLink', start, end });
    }
  }
  return found;
}
