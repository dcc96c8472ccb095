import type { ChatEventDraft } from '../chat-event';
import type { HealthSelectors } from './health';

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

/** A conversation as the console's conversation list shows it, open or not. */
export interface ListedConversation {
  conversationId: string;
  buyerName: string;
  unread: number;
  /** When the buyer started waiting for a manual reply, as the list shows it; null when not waiting. */
  waitingSince: number | null;
}

export type EditorKind = 'textarea' | 'contenteditable';

/**
 * Everything specific to one seller console. Only adapters name a site's selectors;
 * every function takes the document so tests can pass a saved fixture.
 */
export interface SiteAdapter {
  id: string;
  /**
   * 'history': a page of past conversations (Taobao's web chat history): read for the metrics only, with
   * no sidebar, snippets, waits or badge, and in the frame it lives in. Live consoles by default.
   */
  mode?: 'live' | 'history';
  /** Match patterns for the content script; the fewest that cover the console's chat page. */
  matches: string[];
  /** Whether this adapter handles the page at `url` (several adapters may share a host). */
  handles(url: URL): boolean;
  /** Parts of the expected layout that are missing; empty when the page is understood. */
  checkLayout(doc: Document): LayoutProblem[];
  shopId(doc: Document): string | null;
  /** The shop's name as the console shows it, for the {{shopName}} fill-in. */
  shopName?(doc: Document): string | null;
  currentConversation(doc: Document): CurrentConversation | null;
  /**
   * Messages of the open thread, oldest first. `skip` names messages already read: the adapter may leave
   * them out without reading their text and time, and may stop walking back from the newest row at the
   * first one read (threads grow to thousands of rows; see unread-rows.ts). `whole`: look at every row.
   */
  readMessages(doc: Document, now: number, skip?: (id: string) => boolean, whole?: boolean): ChatEventDraft[];
  /** Every conversation of the list, so buyers who wait in conversations not open are seen too. */
  readConversationList(doc: Document, now: number): ListedConversation[];
  /** Opens a conversation as a click on the list would; false when it is not in the list. */
  openConversation(doc: Document, conversationId: string): boolean;
  /** The shop's chat input, where snippets are inserted. */
  findInput(doc: Document): HTMLElement | null;
  /**
   * The console's own Send button, where the health report does not already name it (health.send): the draft
   * check (conduct guard) holds a click on it when the draft needs a confirmation.
   */
  sendButton?: string;
  /** The element whose changes mean the chat changed; observing less than the whole page keeps the cost down. */
  observeRoot(doc: Document): Element | null;
  /**
   * Attributes whose change alone means a new message (a virtualised list that recycles its rows gives a
   * row another message by changing its id, adding no element); `class` and `datetime` are always watched.
   */
  observeAttributes?: string[];
  /**
   * The console's element narrowed to make room for the docked sidebar (lib/dock.ts): its outermost box
   * that lays out the rest. The page's body when absent.
   */
  dockRoot?: string;
  /** One selector per part the health check looks for (lib/sites/health.ts); null where none is known. */
  health?: HealthSelectors;
}
