import type { SiteAdapter } from './types';

/**
 * AliExpress seller message center. What is known (docs/CONSOLES.md, public code 2025-09..2026-10):
 * the chat page is `https://gsp.aliexpress.com/m_apps/im-chat/im#/window`, with routes
 * `#/conversation/<id>`, served by the app "im-ae". No public code shows its DOM, so this adapter names no
 * selector: the page is recognised by its address, and the health check says at once which parts are
 * not known yet (every one), instead of a silent nothing. The agent can still search and copy snippets
 * from the sidebar and the popup, and teach the extension the page (a custom adapter) when that exists.
 */
const CONVERSATION_ROUTE = /^#\/conversation\/([^/?#]+)/;

export const aliexpressAdapter: SiteAdapter = {
  id: 'aliexpress',
  // CONSOLES.md: the seller chat lives under /m_apps/im-chat/ (the #/ routes are not part of a pattern).
  matches: ['https://gsp.aliexpress.com/m_apps/im-chat/*'],

  handles(url) {
    return url.protocol === 'https:' && url.hostname === 'gsp.aliexpress.com' && url.pathname.startsWith('/m_apps/im-chat/');
  },

  // The page is recognised by its address alone; what it cannot read, the health check reports.
  checkLayout: () => [],
  // No shop id is shown by public evidence: one shop per browser profile until one is known.
  shopId: () => 'aliexpress-shop',

  currentConversation(doc) {
    // The route names the open conversation; nothing public says where the buyer's name is.
    const id = CONVERSATION_ROUTE.exec(doc.location?.hash ?? '')?.[1];
    return id ? { conversationId: decodeURIComponent(id), buyerName: '' } : null;
  },

  readMessages: () => [],
  readConversationList: () => [],
  openConversation: () => false,
  findInput: () => null,
  observeRoot: (doc) => doc.body,

  health: { list: null, messages: null, messageMeta: null, input: null, send: null, buyer: null },
};
