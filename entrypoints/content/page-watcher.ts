import type { ChatEvent } from '@/lib/chat-event';
import { fitEvent, fitListed } from '@/lib/page-data';
import type { Rejected } from '@/lib/protocol';
import { RefusalError } from '@/lib/refusal';
import { checkHealth, type AdapterHealth } from '@/lib/sites/health';
import type { CurrentConversation, LayoutProblem, ListedConversation, SiteAdapter } from '@/lib/sites/types';

export interface PageView {
  problems: LayoutProblem[];
  health: AdapterHealth;
  conversation: CurrentConversation | null;
  reportError: string | null;
}

/**
 * A change after a quiet spell is read at once (after a moment for the page to finish its render), so a
 * message without a printed time gets the moment it appeared; while changes keep coming (a flood), the page
 * is read at most once a second. The badge does not wait for a read: its timers run from the stored waits.
 */
const SETTLE_MS = 30;
const SCAN_INTERVAL_MS = 1_000;
const RETRY_MS = 1_000;
/**
 * Reads look at the thread's new rows only (see lib/sites/unread-rows.ts); every this many, at every row,
 * for a message a console inserted in the middle of the thread.
 */
const WHOLE_THREAD_EVERY = 10;
/** Events per message to the worker: well under the protocol's limit, so a burst of history goes in pieces. */
export const REPORT_BATCH = 500;

/** What the worker said of a report: the entries it could not store (each named once, never resent). */
export interface ReportReply {
  rejected: Rejected[];
}

/**
 * Reads the page through its adapter whenever it changes: reports the open thread's messages not reported
 * yet, and the conversation list whenever it changes. A report that fails for now (worker restarting, disk
 * full) is retried on the next change or after a second; the worker ignores duplicates, so resending is
 * safe. A report the worker refuses for good, or an entry of it, is not resent: `onRefused` says so once.
 */
export function watchPage(options: {
  adapter: SiteAdapter;
  doc: Document;
  signal: AbortSignal;
  reportEvents: (shopId: string, events: ChatEvent[]) => Promise<ReportReply | void>;
  reportList: (shopId: string, list: ListedConversation[]) => Promise<ReportReply | void>;
  onView: (view: PageView) => void;
  /** Entries that will never be recorded: `count` of them, the first one's reason. */
  onRefused?: (count: number, reason: string) => void;
}): { readNow: () => void } {
  const { adapter, doc, signal } = options;
  const reported = new Set<string>();
  /** A fitted event's id -> the id it was read under (they differ for an over-long id). */
  const reportedAs = new Map<string, string>();
  const firstSeen = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastScanAt = -Infinity;
  let lastView = '';
  let lastList = '';
  let reads = 0;
  let reportError: string | null = null;
  let sending = false;
  let changedWhileSending = false;

  let scanError: string | null = null;
  /** True when the report is done with: stored, or refused for good (and said so). */
  const send = async (work: () => Promise<ReportReply | void>, count: number): Promise<boolean> => {
    try {
      const rejected = (await work())?.rejected ?? [];
      if (rejected.length) options.onRefused?.(rejected.length, rejected[0]!.error);
      return true;
    } catch (error) {
      if (error instanceof RefusalError) {
        options.onRefused?.(count, error.message);
        return true;
      }
      scanError = error instanceof Error ? error.message : String(error);
      schedule(RETRY_MS);
      return false;
    }
  };

  const readAndReport = async (shopId: string) => {
    const now = Date.now();
    const fresh: ChatEvent[] = [];
    const prefix = `${adapter.id}:${shopId}:`;
    const firstRead = reads === 0;
    const whole = reads++ % WHOLE_THREAD_EVERY === 0;
    for (const draft of adapter.readMessages(doc, now, (pageId) => reported.has(prefix + pageId), whole)) {
      const id = prefix + draft.id;
      if (reported.has(id)) continue;
      // A message with no printed time keeps the moment it was first seen, whatever the re-renders.
      const { precisionMs, ...event } = draft;
      let at = draft.atSource === 'seen' ? (firstSeen.get(id) ?? firstSeen.set(id, draft.at).get(id)!) : draft.at;
      // Printed to the minute ("14:02"), a time is up to 59 s before the message came, and its buyer's alarm
      // would ring that much early: a message watched appearing within that minute is timed when it was
      // seen. Messages already there at the first read keep the printed time: when they came is not known.
      if (precisionMs && draft.atSource === 'page' && !firstRead && now >= at && now < at + precisionMs) at = now;
      // Cut to the stored limits here too: a 1 MB message costs the page a 10 kB report, not 1 MB.
      fresh.push(fitEvent({ ...event, id, at, ...(draft.atSource === 'page' ? { seenAt: now } : {}), site: adapter.id, shopId }));
      reportedAs.set(fresh.at(-1)!.id, id);
    }
    for (let i = 0; i < fresh.length; i += REPORT_BATCH) {
      const batch = fresh.slice(i, i + REPORT_BATCH);
      if (!(await send(() => options.reportEvents(shopId, batch), batch.length))) break;
      batch.forEach((e) => reported.add(reportedAs.get(e.id) ?? e.id));
    }
    reportedAs.clear();
    const list = adapter.readConversationList(doc, now).map(fitListed);
    // Unread counts change with every message and matter to nobody here: only who waits since when does.
    const listKey = list.map((c) => `${c.conversationId}\u0000${c.buyerName}\u0000${c.waitingSince}`).join('\u0001');
    if (listKey !== lastList && (await send(() => options.reportList(shopId, list), list.length))) lastList = listKey;
  };

  const scan = async () => {
    timer = undefined;
    if (signal.aborted) return;
    // Listening again from here: whatever the page changes after this (synchronous) read asks for the next one.
    listen();
    lastScanAt = performance.now();
    if (sending) {
      changedWhileSending = true;
      return;
    }
    const problems = adapter.checkLayout(doc);
    // Only a page not recognised stops the reading; a missing part turns off only what needs it.
    const recognised = !problems.some((p) => p.part === 'app');
    const conversation = recognised ? adapter.currentConversation(doc) : null;
    // Checked on every read: a console that changes under a running shift is noticed within seconds.
    const health = checkHealth(adapter, doc, { problems, conversation });
    const shopId = adapter.shopId(doc);
    if (recognised && shopId) {
      sending = true;
      scanError = null;
      try {
        await readAndReport(shopId);
        reportError = scanError;
      } finally {
        sending = false;
        if (changedWhileSending) {
          changedWhileSending = false;
          schedule();
        }
      }
    }
    // Stopped while the report was on its way (the extension went away): nobody is left to tell.
    if (signal.aborted) return;
    const view: PageView = { problems, health, conversation, reportError };
    const key = JSON.stringify(view);
    if (key !== lastView) {
      lastView = key;
      options.onView(view);
    }
  };

  /** A read after `delay`, or as soon as a second has passed since the last one, whichever is later. */
  function schedule(delay = SETTLE_MS) {
    if (timer !== undefined || signal.aborted) return;
    timer = setTimeout(() => void scan(), Math.max(delay, lastScanAt + SCAN_INTERVAL_MS - performance.now()));
  }

  // The whole body, not the adapter's root: a console that re-renders replaces its root element. Text
  // changes in place (wait clocks ticking, unread counts) are left out: a new message adds an element.
  // The agent's own key or click (a reply sent, a conversation opened) is read at once even mid-flood:
  // that is the change they wait to see (a wait cleared, a badge gone). The agent's only: a page's own
  // synthetic events must not lift the limit (a page could otherwise make us read it without pause).
  const agentActed = (event?: Event) => {
    if (event && !event.isTrusted) return;
    lastScanAt = -Infinity;
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    schedule();
  };
  for (const type of ['keydown', 'click']) doc.addEventListener(type, agentActed, { capture: true, signal });
  // One change is enough to know a read is due: until it has run, the page's changes are not observed at
  // all, so a flood costs one callback per read instead of one per change (each made in the page's own DOM
  // calls, and each a call into this script).
  const observer = new MutationObserver(() => {
    observer.disconnect();
    schedule();
  });
  function listen() {
    observer.disconnect();
    observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'datetime', ...(adapter.observeAttributes ?? [])] });
  }
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  void scan();
  // The agent acted through the sidebar (opened a conversation): what the page does next is read at once.
  return { readNow: () => agentActed() };
}
