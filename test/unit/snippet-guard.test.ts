import { describe, expect, test } from 'vitest';
import { checkSnippet, type GuardFinding } from '@/lib/guard';
import { riskSummary, snippetFindings, snippetRisks } from '@/lib/snippet-guard';
import { defaultSnippets } from '@/lib/snippets/defaults';

const finding = (reason: GuardFinding['reason'], start: number): GuardFinding => ({ category: 'offPlatform', severity: 'high', start, end: start + 2, reason, ruleId: `test-${reason}` });

describe('risky snippets', () => {
  test('a snippet that sends the buyer off the platform is risky; a plain one is not in the map', () => {
    const risks = snippetRisks([
      { id: 'mine-risky', body: '加我微信 abc123 私下退款' },
      { id: 'mine-plain', body: '亲，您的订单已发货，请留意物流信息。' },
    ]);
    expect([...risks.keys()]).toEqual(['mine-risky']);
    const found = risks.get('mine-risky')!;
    expect(found.map((f) => f.category)).toContain('offPlatform');
    expect(riskSummary(found)).toContain('contactApp');
  });

  test('the default library has no risky snippet: the guard suggests these very snippets', () => {
    const risky = [...snippetRisks(defaultSnippets)].map(([id, found]) => {
      const body = defaultSnippets.find((s) => s.id === id)!.body;
      return `${id}: ${found.map((f) => `${f.reason} "${body.slice(f.start, f.end)}"`).join(', ')}`;
    });
    expect(risky).toEqual([]);
  });

  test('the fill-ins the page supplies are no risk', () => {
    const body = '亲爱的{{buyerName}}，订单{{orderNumber}}已由{{shopName}}发出，客服{{ agentName }} {{date}} {{time}}';
    expect(snippetRisks([{ id: 'auto', body }]).size).toBe(0);
  });

  test.each([
    ['a key holding card-like digits', '会员卡 {{card_6222021234567890123}} 已绑定'],
    ['a key holding phone-like digits', '联系人 {{contact13800138000}} 已登记'],
  ])('a fill-in is not read as words to the buyer: %s', (_, body) => {
    // The same text with the braces read as words would be flagged: the fill-in is what is left out.
    expect(checkSnippet(body).length).toBeGreaterThan(0);
    expect(snippetFindings(body)).toEqual([]);
  });

  test('after fill-ins, a finding still points at the words as the agent typed them', () => {
    const body = '亲爱的{{buyerName}}，{{orderNumber}} 退款请加我微信 abc123 私下转账';
    const found = snippetFindings(body);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(body.slice(f.start, f.end)).not.toMatch(/[{}]/);
    expect(found.map((f) => body.slice(f.start, f.end)).join('')).toContain('微信');
  });

  test('the same library checked again gives the same answer', () => {
    const library = [...defaultSnippets.slice(0, 5), { id: 'mine-risky', body: '加我微信 abc123 私下退款' }];
    const first = snippetRisks(library);
    const again = snippetRisks(library.map((s) => ({ ...s })));
    expect([...again.keys()]).toEqual([...first.keys()]);
    expect(again.get('mine-risky')).toEqual(first.get('mine-risky'));
  });
});

describe('riskSummary', () => {
  test('each reason once, in the order they come in the text', () => {
    expect(riskSummary([finding('contactApp', 0), finding('absolutePromise', 5), finding('contactApp', 9), finding('payOutside', 12)])).toEqual(['contactApp', 'absolutePromise', 'payOutside']);
    expect(riskSummary([])).toEqual([]);
  });
});
