import { describe, expect, test } from 'vitest';
import { cutText, fitEvent, fitId, isolatedName, PAGE_LIMITS } from '@/lib/page-data';
import { chatEvent } from '../support/events';

describe('page data cut to fit', () => {
  test('text is cut at the limit without halving an emoji', () => {
    expect(cutText('abc', 5)).toBe('abc');
    expect(cutText('ab😀', 3)).toBe('ab');
    expect(cutText('ab😀c', 4)).toBe('ab😀');
  });

  test('a long id becomes a short one, the same every time, and two long ids stay two', () => {
    const a = `${'x'.repeat(250)}a`;
    const b = `${'x'.repeat(250)}b`;
    expect(fitId(a)).toHaveLength(PAGE_LIMITS.id);
    expect(fitId(a)).toBe(fitId(a));
    expect(fitId(a)).not.toBe(fitId(b));
    expect(fitId('short')).toBe('short');
  });

  test('an event that fits is returned as it is; one that does not keeps the original lengths', () => {
    const ok = chatEvent('m1');
    expect(fitEvent(ok)).toBe(ok);
    const fitted = fitEvent(chatEvent('m2', { text: 't'.repeat(10_001), orderNumber: '1'.repeat(101) }));
    expect(fitted.text).toHaveLength(10_000);
    expect(fitted.cut).toEqual({ text: 10_001, orderNumber: 101 });
    // Cut again (the worker checks what the page already cut): the first original length stays.
    expect(fitEvent(fitted)).toBe(fitted);
  });

  test('a name in a notification cannot reorder the sentence around it', () => {
    expect(isolatedName('\u202eabc\u202c')).toBe('\u2068abc\u2069');
    expect(isolatedName('阿花')).toBe('\u2068阿花\u2069');
  });
});
