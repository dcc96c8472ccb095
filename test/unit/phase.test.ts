import { expect, test } from 'vitest';
import { guessPhase } from '@/lib/phase';

test('after-sale words win, then an order means in-sale, else pre-sale', () => {
  expect(guessPhase(null, ['在吗', '这个有 XL 吗'])).toBe('presale');
  expect(guessPhase({ orderNumber: '2600001' }, ['什么时候发货'])).toBe('insale');
  expect(guessPhase({ orderNumber: '2600001' }, ['收到了但是破损了，要退款'])).toBe('aftersale');
  expect(guessPhase(null, ['The item arrived damaged'])).toBe('aftersale');
});
