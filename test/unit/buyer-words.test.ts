import { describe, expect, test } from 'vitest';
import { createBuyerWords } from '@/lib/buyer-words';

const said = (id: string, at: number, text: string, sender: 'buyer' | 'shop' = 'buyer', conversationId = 'c1') => ({ id, conversationId, sender, type: 'message' as const, at, text });

describe('buyer words', () => {
  test('keeps the last three buyer messages per conversation, by time, whatever order they are read in', () => {
    const words = createBuyerWords();
    words.record([said('m3', 300, '什么时候发货'), said('m4', 400, '好的', 'shop'), said('m5', 500, '收到了坏的，要退款')]);
    // Older history scrolled into view afterwards: it is not the buyer's latest words.
    words.record([said('m1', 100, '在吗'), said('m2', 200, '有货吗')]);
    expect(words.of('c1')).toEqual(['有货吗', '什么时候发货', '收到了坏的，要退款']);
    expect(words.of('c2')).toEqual([]);
  });

  test('a message read again (re-render, retry) counts once, and only conversations that changed are named', () => {
    const words = createBuyerWords();
    expect([...words.record([said('m1', 100, '在吗'), said('x', 100, 'hi', 'buyer', 'c2')])]).toEqual(['c1', 'c2']);
    expect([...words.record([said('m1', 100, '在吗'), said('s1', 150, '在的', 'shop')])]).toEqual([]);
    expect(words.of('c1')).toEqual(['在吗']);
  });
});
