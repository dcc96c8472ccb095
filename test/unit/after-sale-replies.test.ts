import { describe, expect, test } from 'vitest';
import { checkCaseDraft, openCase, type AfterSaleCase } from '@/lib/after-sale';
import { AFTER_SALE_REPLY_TITLES, type CaseReply, formatCaseAmount, hardMomentReplies, NON_LIABLE_DAMAGE_SCRIPT, shareLossAmount, solutionText } from '@/lib/after-sale-replies';
import { defaultSnippets } from '@/lib/snippets/defaults';

function kase(change: Record<string, string> = {}): AfterSaleCase {
  const check = checkCaseDraft({ orderNumber: '4021889310012', type: 'qualityProblem', product: '陶瓷花瓶', amount: '120', reason: '到货破损', ...change });
  if (!check.ok) throw new Error(JSON.stringify(check.errors));
  return openCase(check.draft, 'c1', Date.UTC(2026, 11, 1));
}
const text = (r: CaseReply) => (r.result.ok ? r.result.text : null);

describe('hard-moment replies of a case', () => {
  test('the five de-escalation steps reuse the library snippets, in order, in the conversation language', () => {
    for (const lang of ['zh', 'en'] as const) {
      const replies = hardMomentReplies(kase(), lang, {}).filter((r) => r.group === 'deescalation');
      expect(replies.map((r) => r.snippetId)).toEqual([1, 2, 3, 4, 5].map((n) => expect.stringMatching(new RegExp(`^${lang}-deescalate-${n}-`))));
      for (const r of replies) expect(defaultSnippets.some((s) => s.id === r.snippetId)).toBe(true);
      expect(replies.every((r) => r.result.ok)).toBe(true);
    }
  });

  test('steps 4 and 5 name the solution with the case facts filled in', () => {
    const [, , , offer, act] = hardMomentReplies(kase(), 'zh', {}, { resolution: 'refund' });
    expect(text(offer!)).toContain('为订单4021889310012（陶瓷花瓶）办理退款120.00元');
    expect(text(act!)).toContain('办理退款120.00元');
    expect(text(offer!)).not.toContain('{{');
    const [, , , repair] = hardMomentReplies(kase({ currency: 'USD' }), 'en', {}, { buyerAgreesToRepair: true });
    expect(text(repair!)).toContain('a free repair of the 陶瓷花瓶 from order 4021889310012');
  });

  test('an edited library snippet is used instead of the built-in text', () => {
    const library = [{ id: 'zh-deescalate-1-calm', body: '{{buyerName}}您好，别着急，订单{{orderNumber}}我来跟进。' }];
    const [calm] = hardMomentReplies(kase({ buyerName: '小李' }), 'zh', {}, { library });
    expect(text(calm!)).toBe('小李您好，别着急，订单4021889310012我来跟进。');
  });

  test('the non-liable damage script asks about the condition first, then a missed part, then offers half the loss within the limit', () => {
    const damage = hardMomentReplies(kase(), 'zh', { shareLossLimit: 50 }).filter((r) => r.group === 'nonLiableDamage');
    expect(damage.map((r) => r.id)).toEqual(['damage-1-condition', 'damage-2-missed-part', 'damage-3-share-loss']);
    expect(text(damage[0]!)).toMatch(/陶瓷花瓶.*状况/);
    expect(text(damage[0]!)).not.toMatch(/签收/); // condition, not who signed for it
    expect(text(damage[1]!)).toContain('订单4021889310012');
    expect(text(damage[2]!)).toContain('补偿50.00元（订单金额120.00元）'); // half of 120 is 60, the limit is 50
    const en = hardMomentReplies(kase({ amount: '30', currency: 'USD' }), 'en', { shareLossLimit: 50 }).at(-1)!;
    expect(text(en)).toContain('compensate you 15.00 USD through the platform (order amount 30.00 USD)');
  });

  test('without a share limit the share offer is not ready: its fill-in is missing, nothing half-filled', () => {
    const share = hardMomentReplies(kase(), 'en', {}).at(-1)!;
    expect(share.result).toEqual({ ok: false, missing: ['shareAmount'], errors: [] });
  });

  test('no reply shifts the blame or points off the platform', () => {
    for (const lang of ['zh', 'en'] as const)
      for (const r of hardMomentReplies(kase(), lang, { shareLossLimit: 20 }, { resolution: 'refund' })) expect(text(r)).not.toMatch(/不是我们的责任|not our (fault|responsibility)|微信|WeChat|支付宝|Alipay|QQ/i);
  });

  test('titles in zh and en for every reply', () => {
    for (const r of hardMomentReplies(kase(), 'zh', {})) expect(AFTER_SALE_REPLY_TITLES[r.titleKey]).toEqual({ zh: expect.any(String), en: expect.any(String) });
    expect(NON_LIABLE_DAMAGE_SCRIPT.every((l) => l.body.zh && l.body.en)).toBe(true);
  });
});

test('amounts and the shared loss', () => {
  expect(formatCaseAmount(12.5, 'CNY', 'zh')).toBe('12.50元');
  expect(formatCaseAmount(12.5, 'CNY', 'en')).toBe('12.50 CNY');
  expect(shareLossAmount(120, 50)).toBe(50);
  expect(shareLossAmount(60, 50)).toBe(30);
  expect(shareLossAmount(60, undefined)).toBeNull();
  expect(shareLossAmount(60, 0)).toBeNull();
  expect(solutionText(kase({ type: 'wrongItem' }), 'en')).toBe('a replacement 陶瓷花瓶 for order 4021889310012');
});
