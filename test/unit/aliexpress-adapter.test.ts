import { describe, expect, test } from 'vitest';
import { aliexpressAdapter } from '@/lib/sites/aliexpress';
import { checkHealth } from '@/lib/sites/health';

const page = (hash: string) => {
  const doc = document.implementation.createHTMLDocument('AliExpress');
  Object.defineProperty(doc, 'location', { value: new URL(`https://gsp.aliexpress.com/m_apps/im-chat/im${hash}`) });
  return doc;
};

describe('AliExpress adapter: known by its address, nothing of its page known yet', () => {
  test('handles the seller chat and nothing else on the host', () => {
    expect(aliexpressAdapter.handles(new URL('https://gsp.aliexpress.com/m_apps/im-chat/im#/window'))).toBe(true);
    expect(aliexpressAdapter.handles(new URL('https://gsp.aliexpress.com/m_apps/product/list'))).toBe(false);
    expect(aliexpressAdapter.handles(new URL('http://gsp.aliexpress.com/m_apps/im-chat/im'))).toBe(false);
  });

  test('says at once that every part is not known yet, and which features are off', () => {
    const health = checkHealth(aliexpressAdapter, page('#/window'));
    expect(health.status).toBe('partly');
    expect(health.parts.every((p) => p.state === 'unknown')).toBe(true);
    expect(health.off).toEqual(['listWaits', 'replyTracking', 'printedTimes', 'insertion', 'buyerFillIns']);
  });

  test('reads the open conversation from the route, and never counts a message it cannot read', () => {
    expect(aliexpressAdapter.currentConversation(page('#/conversation/8812%2F3'))).toEqual({ conversationId: '8812/3', buyerName: '' });
    expect(aliexpressAdapter.currentConversation(page('#/window'))).toBeNull();
    expect(aliexpressAdapter.readMessages(page('#/conversation/1'), Date.now())).toEqual([]);
  });
});
