/** The shapes the conduct guard speaks in; see index.ts for what it checks and how. */

export const GUARD_CATEGORIES = ['abuse', 'offPlatform', 'overPromise', 'threat', 'blame', 'sarcasm'] as const;
export type GuardCategory = (typeof GUARD_CATEGORIES)[number];

export const GUARD_SEVERITIES = ['low', 'medium', 'high'] as const;
export type GuardSeverity = (typeof GUARD_SEVERITIES)[number];

/** Who wrote the message: the shop's agent (what it is about to send) or the buyer (what came in). */
export type GuardSide = 'shop' | 'buyer';

/**
 * Why a span was flagged, as a key; the UI turns it into text. The zh and en one-liners the locale files copy
 * are in GUARD_REASON_TEXT.
 */
export const GUARD_REASONS = [
  'insult',
  'contactApp',
  'phoneNumber',
  'qqNumber',
  'bankCard',
  'email',
  'payOutside',
  'paymentLink',
  'qrCode',
  'absolutePromise',
  'deliveryPromise',
  'returnPromise',
  'reportBuyer',
  'blockBuyer',
  'legalThreat',
  'intimidation',
  'complaintThreat',
  'badRatingThreat',
  'notOurFault',
  'sendElsewhere',
  'buyerFault',
  'priceSarcasm',
  'customRule',
] as const;
export type GuardReason = (typeof GUARD_REASONS)[number];

export const GUARD_REASON_TEXT: Record<GuardReason, { zh: string; en: string }> = {
  insult: { zh: '辱骂或不文明用语', en: 'Insulting or abusive words' },
  contactApp: { zh: '引导到站外联系方式（微信、QQ 等）', en: 'Points to a contact outside the platform (WeChat, QQ, WhatsApp...)' },
  phoneNumber: { zh: '聊天中出现手机号或电话', en: 'A phone number in the chat' },
  qqNumber: { zh: '聊天中出现 QQ 号', en: 'A QQ number in the chat' },
  bankCard: { zh: '聊天中出现银行卡号或账户', en: 'A bank card or account number in the chat' },
  email: { zh: '聊天中出现邮箱地址', en: 'An email address in the chat' },
  payOutside: { zh: '引导站外付款、转账或私下交易', en: 'Payment, transfer or a deal outside the platform' },
  paymentLink: { zh: '站外付款链接', en: 'A payment link outside the platform' },
  qrCode: { zh: '收款码或扫码加好友', en: 'A payment or contact QR code' },
  absolutePromise: { zh: '绝对化承诺（保证、百分百、绝对）', en: 'An absolute promise ("guaranteed", "100%", "never")' },
  deliveryPromise: { zh: '承诺送达时间', en: 'Promises a delivery date or time' },
  returnPromise: { zh: '承诺规则之外的退换（定制、随便退）', en: 'Promises returns the rules do not allow' },
  reportBuyer: { zh: '威胁投诉或举报买家', en: 'Threatens to report the buyer' },
  blockBuyer: { zh: '威胁拉黑买家', en: 'Threatens to block the buyer' },
  legalThreat: { zh: '威胁起诉或报警', en: 'Threatens legal action or the police' },
  intimidation: { zh: '恐吓买家', en: 'Intimidates the buyer' },
  complaintThreat: { zh: '买家扬言投诉', en: 'The buyer threatens a complaint' },
  badRatingThreat: { zh: '买家扬言差评', en: 'The buyer threatens a bad rating' },
  notOurFault: { zh: '推卸责任', en: 'Shifts the blame away from the shop' },
  sendElsewhere: { zh: '把买家推给快递或平台', en: 'Sends the buyer to the courier or the platform' },
  buyerFault: { zh: '指责买家', en: 'Blames the buyer' },
  priceSarcasm: { zh: '嘲讽买家付的价格', en: 'Sarcasm about the price the buyer paid' },
  customRule: { zh: '店铺自定义规则', en: "The shop's own rule" },
};

export interface GuardFinding {
  category: GuardCategory;
  severity: GuardSeverity;
  /** UTF-16 indices into the text as given: text.slice(start, end) is what is flagged. */
  start: number;
  end: number;
  reason: GuardReason;
  /**
   * Shop side: safer wording in the message's language (zh when it has Chinese, else en) to put in place of
   * text.slice(start, end). Buyer side: a reply the agent can send.
   */
  suggestion?: string;
  /** A default snippet (lib/snippets) that fits better than editing the text. */
  snippetId?: string;
  /** The built-in rule's id, or the custom rule's. */
  ruleId: string;
}
