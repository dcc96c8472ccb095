import { describe, expect, test } from 'vitest';
import { applySuggestion, draftFindings, findingKey, holdFor } from '@/lib/draft-guard';
import { checkMessage } from '@/lib/guard';
import { defaultGuardLevels } from '@/lib/settings';

const levels = { ...defaultGuardLevels };

describe('the draft check', () => {
  test('a finding carries its words as typed and the level the shop set; a kind set to off is not shown', () => {
    const draft = '加我微信 abc12345 私下退款给你';
    const found = draftFindings(draft, checkMessage(draft, { side: 'shop' }), levels);
    expect(found.map((f) => [f.category, f.level])).toEqual([['offPlatform', 'confirm']]);
    expect(draft.slice(found[0]!.start, found[0]!.end)).toBe(found[0]!.text);
    expect(found[0]!.text).toContain('微信');
    expect(draftFindings(draft, checkMessage(draft, { side: 'shop' }), { ...levels, offPlatform: 'off' })).toEqual([]);
  });

  test('a send is held at confirm, refused at block, let through at warn or with nothing found', () => {
    const at = (level: 'warn' | 'confirm' | 'block') => [{ category: 'abuse' as const, level, reason: 'insult', start: 0, end: 1, text: 'x' }];
    expect(holdFor([])).toBe('none');
    expect(holdFor(at('warn'))).toBe('none');
    expect(holdFor(at('confirm'))).toBe('confirm');
    expect(holdFor([...at('confirm'), ...at('block')])).toBe('block');
  });

  test('a suggestion replaces exactly its span, and not once the words under it changed', () => {
    const draft = '亲，保证明天一定到';
    const [finding] = draftFindings(draft, checkMessage(draft, { side: 'shop' }), levels);
    const replaced = applySuggestion(draft, finding!);
    expect(replaced!.text).toBe(`亲，${finding!.suggestion}`);
    expect(replaced!.caret).toBe(replaced!.text.length);
    expect(applySuggestion('亲，保证后天一定到', finding!)).toBeNull();
  });

  test('the same words flagged again in one draft are one warning', () => {
    const draft = '亲，保证明天一定到';
    const a = draftFindings(draft, checkMessage(draft, { side: 'shop' }), levels);
    const b = draftFindings(`${draft}哦`, checkMessage(`${draft}哦`, { side: 'shop' }), levels);
    expect(a.map(findingKey)).toEqual(b.map(findingKey));
  });
});
