import type { ChatEvent } from '@/lib/chat-event';
import type { CurrentConversation, LayoutProblem, SiteAdapter } from '@/lib/sites/types';

export interface PageView {
  problems: LayoutProblem[];
  conversation: CurrentConversation | null;
  reportError: string | null;
}

/** The shortest pause between two reads of the page: consoles re-render several times a second. */
const SCAN_INTERVAL_MS = 150;

/**
 * Reads the page through its adapter whenever it changes and reports messages not reported yet.
 * A report that fails (worker restarting) is retried on the next change or after a second; the worker
 * ignores duplicates, so resending is safe.
 */
export function watchPage(options: {
  adapter: SiteAdapter;
  doc: Document;
  signal: AbortSignal;
  report: (events: ChatEvent[]) => Promise<unknown>;
  onView: (view: PageView) => void;
}): void {
  const { adapter, doc, signal } = options;
  const reported = new Set<string>();
  const firstSeen = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastView = '';
  let reportError: string | null = null;
  let sending = false;
  let changedWhileSending = false;

  const scan = async () => {
    timer = undefined;
    if (signal.aborted) return;
    if (sending) {
      changedWhileSending = true;
      return;
    }
    const problems = adapter.checkLayout(doc);
    const conversation = problems.length ? null : adapter.currentConversation(doc);
    const shopId = adapter.shopId(doc);
    if (!problems.length && shopId) {
      const now = Date.now();
      const fresh: ChatEvent[] = [];
      for (const draft of adapter.readMessages(doc, now)) {
        const id = `${adapter.id}:${shopId}:${draft.id}`;
        if (reported.has(id)) continue;
        // A message with no printed time keeps the moment it was first seen, whatever the re-renders.
        const at = draft.atSource === 'seen' ? (firstSeen.get(id) ?? firstSeen.set(id, draft.at).get(id)!) : draft.at;
        fresh.push({ ...draft, id, at, site: adapter.id, shopId });
      }
      if (fresh.length) {
        sending = true;
        try {
          await options.report(fresh);
          fresh.forEach((e) => reported.add(e.id));
          reportError = null;
        } catch (error) {
          reportError = error instanceof Error ? error.message : String(error);
          schedule(1_000);
        } finally {
          sending = false;
          if (changedWhileSending) {
            changedWhileSending = false;
            schedule();
          }
        }
      }
    }
    const view: PageView = { problems, conversation, reportError };
    const key = JSON.stringify(view);
    if (key !== lastView) {
      lastView = key;
      options.onView(view);
    }
  };

  const schedule = (delay = SCAN_INTERVAL_MS) => {
    if (timer === undefined && !signal.aborted) timer = setTimeout(() => void scan(), delay);
  };

  // The whole body, not the adapter's root: a console that re-renders replaces its root element.
  const observer = new MutationObserver(() => schedule());
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class'] });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  void scan();
}
