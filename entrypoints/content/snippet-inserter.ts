import { insertText } from '@/lib/editors';
import { isTextField } from '@/lib/editors/text-field';
import type { CurrentConversation, SiteAdapter } from '@/lib/sites/types';
import type { Snippet } from '@/lib/snippet';
import { fillTemplate } from '@/lib/template';
import { copyText } from './copy-text';

/**
 * `inserted`: the text is in the chat input and stayed there. `copied`: it went in nowhere (or did not stay),
 * and is on the clipboard instead. `failed`: neither. `needs-input`: a fill-in is asked for first.
 * `no-input`: the page shows no chat input.
 */
export type InsertOutcome = 'inserted' | 'copied' | 'needs-input' | 'no-input' | 'failed';

/**
 * Fills a snippet from what the page shows (buyer, order, shop), the agent's settings (name) and the
 * clock, and puts it into the chat input, or into the field where a shortcut was typed. When a fill-in is
 * missing it asks (`askFor`) and inserts nothing: a snippet never goes in with a placeholder left. When
 * the input does not keep the text (an editor that renders it away), the filled text is copied instead.
 */
export function createInserter(options: {
  adapter: SiteAdapter;
  doc: Document;
  conversation: () => CurrentConversation | null;
  agentName: () => string;
  locale: () => string;
  askFor: (request: { snippet: Snippet; missing: string[]; target: HTMLElement }) => void;
}) {
  const { adapter, doc } = options;

  const pageValues = (): Record<string, string | undefined> => {
    const conversation = options.conversation();
    const now = new Date();
    return {
      buyerName: conversation?.buyerName || undefined,
      orderNumber: conversation?.orderNumber,
      shopName: adapter.shopName?.(doc) ?? undefined,
      agentName: options.agentName() || undefined,
      date: now.toLocaleDateString(options.locale(), { year: 'numeric', month: 'long', day: 'numeric' }),
      time: now.toLocaleTimeString(options.locale(), { hour: '2-digit', minute: '2-digit', hour12: false }),
    };
  };

  return async function insert(snippet: Snippet, target?: HTMLElement, typed: Record<string, string> = {}): Promise<InsertOutcome> {
    const into = target ?? adapter.findInput(doc);
    if (!into) return 'no-input';
    const filled = fillTemplate(snippet.body, { ...pageValues(), ...typed });
    if (!filled.ok) {
      // A contenteditable loses its selection when the form takes the focus: drop the typed shortcut now.
      if (target && !isTextField(target) && !doc.getSelection()?.isCollapsed) doc.execCommand('delete');
      options.askFor({ snippet, missing: filled.missing, target: into });
      return 'needs-input';
    }
    return putIn(into, filled.text);
  };
}

/** Into the input; where the input does not keep it, on the clipboard instead. */
async function putIn(into: HTMLElement, text: string): Promise<InsertOutcome> {
  if ((await insertText(into, text)).ok) return 'inserted';
  return (await copyText(text, into.ownerDocument)) ? 'copied' : 'failed';
}

/**
 * Puts a finished reply (the after-sale tools fill theirs in themselves) into the chat input as it is: no
 * template is read in it, so a "{{" the agent typed in a case's note stays text.
 */
export async function insertReplyText(adapter: SiteAdapter, doc: Document, text: string): Promise<InsertOutcome> {
  const into = adapter.findInput(doc);
  return into ? putIn(into, text) : 'no-input';
}
