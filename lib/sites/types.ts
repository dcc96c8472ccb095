import type { ChatEventDraft } from '../chat-event';

/** The buyer whose conversation is open in the console. */
export interface CurrentConversation {
  conversationId: string;
  buyerName: string;
  orderNumber?: string;
}

/** A part of the page the adapter needs and could not find: shown to the agent, never thrown. */
export interface LayoutProblem {
  part: 'app' | 'thread' | 'input' | 'conversation';
  selector: string;
}

export type EditorKind = 'textarea' | 'contenteditable';

/**
 * Everything specific to one seller console. Only adapters name a site's selectors;
 * every function takes the document so tests can pass a saved fixture.
 */
export interface SiteAdapter {
  id: string;
  /** Match patterns for the content script; the fewest that cover the console's chat page. */
  matches: string[];
  /** Whether this adapter handles the page at `url` (several adapters may share a host). */
  handles(url: URL): boolean;
  /** Parts of the expected layout that are missing; empty when the page is understood. */
  checkLayout(doc: Document): LayoutProblem[];
  shopId(doc: Document): string | null;
  currentConversation(doc: Document): CurrentConversation | null;
  /** Messages of the open thread, oldest first. */
  readMessages(doc: Document, now: number): ChatEventDraft[];
  /** The shop's chat input, where snippets are inserted. */
  findInput(doc: Document): HTMLElement | null;
  /** The element whose changes mean the chat changed; observing less than the whole page keeps the cost down. */
  observeRoot(doc: Document): Element | null;
}
