import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ChatEvent } from '@/lib/chat-event';
import type { ListedConversation } from '@/lib/sites/types';
import { demoAdapter, demoSelectors } from '@/lib/sites/demo';
import { REPORT_BATCH, watchPage, type PageView } from '@/entrypoints/content/page-watcher';
import { RefusalError } from '@/lib/refusal';
import { loadFixture } from '../support/fixtures';

function useFixture(path: string) {
  const doc = loadFixture(path);
  document.body.replaceWith(document.adoptNode(doc.body));
  return document;
}

function addMessage(doc: Document, id: string, text: string) {
  const row = doc.querySelector(demoSelectors.message)!.cloneNode(true) as Element;
  row.setAttribute('data-msg-id', id);
  row.querySelector(demoSelectors.messageText)!.textContent = text;
  doc.querySelector(demoSelectors.thread)!.append(row);
}

const controller = new AbortController();
afterEach(() => vi.useRealTimers());

describe('watchPage', () => {
  test('reports each message once, with site and shop, and follows new ones', async () => {
    const doc = useFixture('demo/standard.html');
    const reports: ChatEvent[][] = [];
    const views: PageView[] = [];
    const signal = new AbortController();
    watchPage({ adapter: demoAdapter, doc, signal: signal.signal, reportEvents: async (_, e) => void reports.push(e), reportList: async () => undefined, onView: (v) => views.push(v) });
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    expect(reports[0]!.map((e) => e.id)).toEqual(['demo:demo-shop-001:b0003-m1', 'demo:demo-shop-001:b0003-m2', 'demo:demo-shop-001:b0003-m3']);
    // A printed time is kept beside the moment the message was first read, so their difference is known.
    const printed = reports[0]!.filter((e) => e.atSource === 'page');
    expect(printed.length).toBeGreaterThan(0);
    for (const e of printed) expect(e.seenAt).toBeGreaterThanOrEqual(e.at);
    await vi.waitFor(() => expect(views.at(-1)).toMatchObject({ problems: [], conversation: { conversationId: 'b0003' } }));

    addMessage(doc, 'b0003-m4', '还在吗');
    await vi.waitFor(() => expect(reports).toHaveLength(2), { timeout: 2_000 });
    expect(reports[1]!.map((e) => e.text)).toEqual(['还在吗']);
    // A re-render that changes nothing reports nothing.
    doc.querySelector(demoSelectors.thread)!.append(doc.createElement('span'));
    await new Promise((r) => setTimeout(r, 1_300));
    expect(reports).toHaveLength(2);
    signal.abort();
  });

  test('a report the worker could not take is sent again, and the agent is told meanwhile', async () => {
    const doc = useFixture('demo/standard.html');
    const views: PageView[] = [];
    let fail = true;
    const delivered: string[] = [];
    watchPage({
      adapter: demoAdapter,
      doc,
      signal: controller.signal,
      reportList: async () => undefined,
      reportEvents: async (_, events) => {
        if (fail) throw new Error('Could not establish connection');
        delivered.push(...events.map((e) => e.id));
      },
      onView: (v) => views.push(v),
    });
    await vi.waitFor(() => expect(views.at(-1)?.reportError).toBe('Could not establish connection'));
    fail = false;
    await vi.waitFor(() => expect(delivered).toHaveLength(3), { timeout: 3_000 });
    await vi.waitFor(() => expect(views.at(-1)?.reportError).toBeNull());
    controller.abort();
  });

  test('reports the conversation list when it changes, with each buyer’s waiting clock', async () => {
    const doc = useFixture('demo/standard.html');
    const lists: ListedConversation[][] = [];
    const signal = new AbortController();
    watchPage({ adapter: demoAdapter, doc, signal: signal.signal, reportEvents: async () => undefined, reportList: async (_, l) => void lists.push(l), onView: () => undefined });
    await vi.waitFor(() => expect(lists).toHaveLength(1));
    expect(lists[0]!.map((c) => [c.conversationId, c.unread, c.waitingSince !== null])).toEqual([
      ['b0003', 0, false],
      ['b0002', 1, true],
      ['b0001', 1, true],
    ]);
    // Only the text of a clock changing ("已等 9 秒" to "已等 10 秒") is no change of the list.
    doc.querySelector('time.conv-wait')!.textContent = '已等 10 秒';
    await new Promise((r) => setTimeout(r, 1_300));
    expect(lists).toHaveLength(1);
    signal.abort();
  });

  test('a message after a quiet spell is read at once; during a flood the page is read once a second', async () => {
    const doc = useFixture('demo/standard.html');
    const reports: { at: number; ids: string[] }[] = [];
    const signal = new AbortController();
    watchPage({ adapter: demoAdapter, doc, signal: signal.signal, reportEvents: async (_, e) => void reports.push({ at: performance.now(), ids: e.map((x) => x.id) }), reportList: async () => undefined, onView: () => undefined });
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 1_100));
    const added = performance.now();
    addMessage(doc, 'quiet-1', '在吗');
    await vi.waitFor(() => expect(reports).toHaveLength(2), { timeout: 300 });
    expect(reports[1]!.at - added).toBeLessThan(200);

    // A message every 50 ms for 2.5 s: 50 messages, read in at most four goes, none lost.
    for (let i = 0; i < 50; i++) {
      addMessage(doc, `flood-${i}`, `消息 ${i}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await vi.waitFor(() => expect(reports.flatMap((r) => r.ids).filter((id) => id.includes('flood-'))).toHaveLength(50), { timeout: 2_000 });
    const floodReports = reports.slice(2);
    expect(floodReports.length).toBeLessThanOrEqual(4);
    floodReports.slice(1).forEach((r, i) => expect(r.at - floodReports[i]!.at).toBeGreaterThanOrEqual(950));
    signal.abort();
  });

  test('right after the agent acts through the sidebar, a change is read at once even within the second', async () => {
    const doc = useFixture('demo/standard.html');
    const reports: number[] = [];
    const signal = new AbortController();
    const watcher = watchPage({ adapter: demoAdapter, doc, signal: signal.signal, reportEvents: async () => void reports.push(performance.now()), reportList: async () => undefined, onView: () => undefined });
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    addMessage(doc, 'during-1', '在吗'); // read no sooner than a second after the first read
    await new Promise((r) => setTimeout(r, 100));
    watcher.readNow();
    const acted = performance.now();
    await vi.waitFor(() => expect(reports).toHaveLength(2), { timeout: 400 });
    expect(reports[1]! - acted).toBeLessThan(200);
    signal.abort();
  });

  test('a key or click the page makes up itself does not lift the once-a-second limit', async () => {
    const doc = useFixture('demo/standard.html');
    const reports: number[] = [];
    const signal = new AbortController();
    watchPage({ adapter: demoAdapter, doc, signal: signal.signal, reportEvents: async () => void reports.push(performance.now()), reportList: async () => undefined, onView: () => undefined });
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    const first = reports[0]!;
    addMessage(doc, 'during-1', '在吗');
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 20; i++) {
      doc.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      doc.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    await vi.waitFor(() => expect(reports).toHaveLength(2), { timeout: 2_000 });
    expect(reports[1]! - first).toBeGreaterThanOrEqual(950);
    signal.abort();
  });

  test('an oversized message is reported cut to its limit, with its length, and never holds back the next', async () => {
    const doc = useFixture('demo/standard.html');
    addMessage(doc, 'huge', '长'.repeat(10_001));
    addMessage(doc, 'after-huge', '在吗');
    const reports: ChatEvent[][] = [];
    const signal = new AbortController();
    watchPage({ adapter: demoAdapter, doc, signal: signal.signal, reportEvents: async (_, e) => void reports.push(e), reportList: async () => undefined, onView: () => undefined });
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    const huge = reports[0]!.find((e) => e.id.endsWith(':huge'))!;
    expect(huge.text).toHaveLength(10_000);
    expect(huge.cut).toEqual({ text: 10_001 });
    expect(reports[0]!.map((e) => e.id.split(':').pop())).toContain('after-huge');
    signal.abort();
  });

  test('what the worker refuses for good is said once and never sent again; the rest goes on', async () => {
    const doc = useFixture('demo/standard.html');
    const sent: string[] = [];
    const refused: [number, string][] = [];
    const signal = new AbortController();
    watchPage({
      adapter: demoAdapter,
      doc,
      signal: signal.signal,
      reportEvents: async (_, events) => {
        sent.push(...events.map((e) => e.id));
        if (events.some((e) => e.id.endsWith('refuse-batch'))) throw new RefusalError('this tab records shop "a"');
        return { rejected: events.filter((e) => e.id.endsWith('-m2')).map((e) => ({ id: e.id, error: '[1] at: expected a number' })) };
      },
      reportList: async () => undefined,
      onView: () => undefined,
      onRefused: (count, reason) => refused.push([count, reason]),
    });
    await vi.waitFor(() => expect(refused).toEqual([[1, '[1] at: expected a number']]));
    addMessage(doc, 'refuse-batch', '在吗');
    await vi.waitFor(() => expect(refused).toHaveLength(2), { timeout: 2_000 });
    expect(refused[1]).toEqual([1, 'this tab records shop "a"']);
    addMessage(doc, 'later', '好的');
    await vi.waitFor(() => expect(sent.at(-1)).toMatch(/later$/), { timeout: 2_500 });
    // Each message went out once: neither the rejected one nor the refused batch came back.
    expect(new Set(sent).size).toBe(sent.length);
    signal.abort();
  });

  test('a message that arrives while the worker is still taking the last report is read after it', async () => {
    const doc = useFixture('demo/standard.html');
    const reported: string[] = [];
    const signal = new AbortController();
    let answer = () => undefined as void;
    watchPage({
      adapter: demoAdapter,
      doc,
      signal: signal.signal,
      reportEvents: (_, events) =>
        new Promise<void>((resolve) => {
          reported.push(...events.map((e) => e.id));
          answer = resolve;
        }),
      reportList: async () => undefined,
      onView: () => undefined,
    });
    await vi.waitFor(() => expect(reported).toHaveLength(3));
    addMessage(doc, 'while-sending', '在吗');
    await new Promise((r) => setTimeout(r, 300));
    expect(reported).toHaveLength(3);
    answer();
    await vi.waitFor(() => expect(reported.at(-1)).toBe('demo:demo-shop-001:while-sending'), { timeout: 2_000 });
    // Quiet again after that: a change after the read is still noticed.
    answer();
    await new Promise((r) => setTimeout(r, 1_100));
    addMessage(doc, 'after', '好的');
    await vi.waitFor(() => expect(reported.at(-1)).toBe('demo:demo-shop-001:after'), { timeout: 2_000 });
    answer();
    signal.abort();
  });

  test('a burst of messages goes to the worker in batches the protocol accepts', async () => {
    const doc = useFixture('demo/standard.html');
    for (let i = 0; i < 1_234; i++) addMessage(doc, `burst-${i}`, `消息 ${i}`);
    const sizes: number[] = [];
    const signal = new AbortController();
    watchPage({ adapter: demoAdapter, doc, signal: signal.signal, reportEvents: async (_, e) => void sizes.push(e.length), reportList: async () => undefined, onView: () => undefined });
    await vi.waitFor(() => expect(sizes.reduce((a, b) => a + b, 0)).toBe(1_237));
    expect(sizes).toEqual([REPORT_BATCH, REPORT_BATCH, 237]);
    signal.abort();
  });

  test('on an unknown layout it reports nothing and says what is missing', async () => {
    const doc = useFixture('demo/unknown.html');
    const report = vi.fn(async () => undefined);
    const views: PageView[] = [];
    const signal = new AbortController();
    watchPage({ adapter: demoAdapter, doc, signal: signal.signal, reportEvents: report, reportList: report, onView: (v) => views.push(v) });
    await vi.waitFor(() => expect(views).toHaveLength(1));
    expect(views[0]!.problems.map((p) => p.part)).toEqual(['app']);
    expect(report).not.toHaveBeenCalled();
    signal.abort();
  });
});
