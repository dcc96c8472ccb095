import { describe, expect, test } from 'vitest';
import { conversationLanguage } from '@/lib/conversation-language';

describe('the language a reply is written in', () => {
  test('follows the buyer’s latest message that says something', () => {
    expect(conversationLanguage(['hello', '小了 能换大一码吗'], 'en-US')).toBe('zh');
    expect(conversationLanguage(['在吗', 'Can I return it?'], 'zh-CN')).toBe('en');
    // An emoji or an order number says nothing of the language: the message before it does.
    expect(conversationLanguage(['where is my parcel', '👍', '240501123'], 'zh-CN')).toBe('en');
  });
  test('falls back to the agent’s own language', () => {
    expect(conversationLanguage([], 'zh-CN')).toBe('zh');
    expect(conversationLanguage(['?'], 'en-GB')).toBe('en');
  });
});
