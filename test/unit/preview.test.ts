import { describe, expect, test } from 'vitest';
import { previewText } from '@/lib/preview';

describe('previewText', () => {
  test('keeps a short text whole, on one line', () => {
    expect(previewText('亲，在的\n请问有什么可以帮您？', 80)).toBe('亲，在的 请问有什么可以帮您？');
  });

  test('cuts by drawn width: a Chinese character counts two letters, and the cut is marked', () => {
    expect(previewText('退款已经提交了请耐心等待', 10)).toBe('退款已经提…');
    expect(previewText('Your refund has been submitted', 11)).toBe('Your refund…');
    expect(previewText('Size M fits 50–60 kg 身高 160', 24)).toBe('Size M fits 50–60 kg 身…');
  });

  test('never splits a character made of two code units', () => {
    expect(previewText('好评返现🎁🎁🎁', 10)).toBe('好评返现🎁…');
  });
});
