import { checkCaseDraft, openCase } from '@/lib/after-sale';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { KefuDatabase } from '@/lib/db';
import { Tracker } from '@/lib/tracker';
import { byUrgency, defaultThresholds } from '@/lib/waiting';
import { chatEvent } from '../support/events';

const T0 = new Date(2026, 10, 23, 15, 0, 0).getTime();
const SHOP = { site: 'demo', shopId: 'shop-a' };
let db: KefuDatabase;
let now = T0;
let tracker: Tracker;
let dbCount = 0;

beforeEach(() => {
  db = new KefuDatabase(`tracker-${dbCount++}`);
  now = T0;
  tracker = new Tracker(db, () => defaultThresholds, () => now);
});
afterEach(async () => {
  await db.delete();
});

const at = (s: number) => T0 + s * 1000;
const buyer = (id: string, s: number, change = {}) => chatEvent(id, { at: at(s), ...change });
const shop = (id: string, s: number, auto = false) => chatEvent(id, { at: at(s), sender: 'shop', auto });

describe('tracking who waits', () => {
  test('a buyer waits from their first unanswered message; the robot does not stop the clock, a person does', async () => {
    let r = await tracker.record(SHOP, [buyer('m1', 0), shop('m2', 1, true), buyer('m3', 5)]);
    expect(r.added.map((e) => e.id)).toEqual(['m1', 'm2', 'm3']);
    expect(r.waits).toMatchObject([{ conversationId: 'b1', since: at(0), messageId: 'm1', source: 'events' }]);
    r = await tracker.record(SHOP, [shop('m4', 20)]);
    expect(r.waits).toEqual([]);
    r = await tracker.record(SHOP, [buyer('m5', 40)]);
    expect(r.waits).toMatchObject([{ since: at(40) }]);
  });

  test('the same messages seen again (re-render, reload, history) change nothing and never reset the clock', async () => {
    await tracker.record(SHOP, [buyer('m1', 0), buyer('m2', 3)]);
    now = at(60);
    const again = await tracker.record(SHOP, [buyer('m1', 0, { at: at(59), atSource: 'seen' }), buyer('m2', 3)]);
    expect(again.added).toEqual([]);
    expect(again.waits).toMatchObject([{ since: at(0) }]);
    // Older history scrolled into view later still orders correctly.
    const history = await tracker.record(SHOP, [shop('h1', -30), buyer('h0', -40)]);
    expect(history.waits).toMatchObject([{ since: at(0) }]);
  });

  test('a buyer who threatens a complaint or a bad rating while waiting is answered first, whoever waited longer', async () => {
    await tracker.record(SHOP, [buyer('a1', 0, { conversationId: 'calm', text: '在吗' })]);
    await tracker.record(SHOP, [buyer('t1', 20, { conversationId: 'angry', text: '在吗' })]);
    let queue = byUrgency(await db.waits.toArray());
    expect(queue.map((w) => [w.conversationId, Boolean(w.threat)])).toEqual([['calm', false], ['angry', false]]);
    await tracker.record(SHOP, [buyer('t2', 30, { conversationId: 'angry', text: '再不回我就投诉你们，给差评' })]);
    queue = byUrgency(await db.waits.toArray());
    expect(queue.map((w) => [w.conversationId, Boolean(w.threat)])).toEqual([['angry', true], ['calm', false]]);
    // Answered: the threat leaves with the wait.
    await tracker.record(SHOP, [shop('r1', 40), buyer('t3', 50, { conversationId: 'angry', text: '好的' })].map((e) => ({ ...e, conversationId: 'angry' })));
    const after = await db.waits.get('demo|shop-a|angry');
    expect(after?.since).toBe(at(50));
    expect(after?.threat).toBeUndefined();
  });

  test('two shops with the same conversation id are tracked apart, with a badge per tab', async () => {
    await tracker.record(SHOP, [buyer('a1', 0)], { tabId: 1 });
    await tracker.record({ site: 'demo', shopId: 'shop-b' }, [buyer('b1', 10, { shopId: 'shop-b' })], { tabId: 2 });
    now = at(35);
    const { total, tabs } = await tracker.badges();
    expect(total).toEqual({ text: '2', color: 'red', warn: 1, breach: 1 });
    expect(tabs).toEqual([
      { tabId: 1, badge: { text: '1', color: 'red', warn: 0, breach: 1 } },
      { tabId: 2, badge: { text: '1', color: 'amber', warn: 1, breach: 0 } },
    ]);
  });

  test('buyers waiting in conversations that are not open come from the conversation list', async () => {
    const list = (waitingSince: number | null, conversationId = 'b2') => [{ conversationId, buyerName: '阿花', unread: 1, waitingSince }];
    let { waits } = await tracker.listed(SHOP, list(at(0)));
    expect(waits).toMatchObject([{ conversationId: 'b2', since: at(0), source: 'list', messageId: null }]);
    // Opening the conversation: its messages take over, with the buyer's own times.
    await tracker.record(SHOP, [buyer('x1', -2, { conversationId: 'b2' })]);
    ({ waits } = await tracker.listed(SHOP, list(at(0))));
    expect(waits).toMatchObject([{ since: at(-2), source: 'events' }]);
    // Answered in the thread, then a stale list clock from before the reply is ignored.
    await tracker.record(SHOP, [chatEvent('x2', { at: at(10), sender: 'shop', conversationId: 'b2' })]);
    expect((await tracker.listed(SHOP, list(at(0)))).waits).toEqual([]);
    // The list says nobody waits, or the conversation left the list: no alert.
    await tracker.listed(SHOP, list(at(30), 'b3'));
    expect((await tracker.listed(SHOP, list(null, 'b3'))).waits).toEqual([]);
    await tracker.listed(SHOP, list(at(30), 'b4'));
    expect((await tracker.listed(SHOP, [])).waits).toEqual([]);
  });

  test('a buyer known only from the list counts as a buyer message until the thread’s own message replaces it', async () => {
    const listed = await tracker.listed(SHOP, [{ conversationId: 'b9', buyerName: '阿花', unread: 1, waitingSince: at(0) }]);
    expect(listed.added).toMatchObject([{ conversationId: 'b9', sender: 'buyer', at: at(0) }]);
    // Listed again: nothing new.
    expect((await tracker.listed(SHOP, [{ conversationId: 'b9', buyerName: '阿花', unread: 1, waitingSince: at(0) }])).added).toEqual([]);
    // Opened: the real message (its printed time a little off the list's) takes its place.
    await tracker.record(SHOP, [buyer('real', 20, { conversationId: 'b9' }), shop('reply', 25)]);
    const events = await db.events.where('[site+shopId+conversationId+at]').between(['demo', 'shop-a', 'b9', 0], ['demo', 'shop-a', 'b9', Infinity]).toArray();
    expect(events.map((e) => e.id)).toEqual(['real']);
  });

  test('each threshold crossing is logged once, whatever the restarts', async () => {
    await tracker.record(SHOP, [buyer('m1', 0)]);
    now = at(19);
    expect(await tracker.logCrossings()).toEqual([]);
    expect(await tracker.nextCrossing()).toBe(at(20));
    now = at(31);
    expect((await tracker.logCrossings()).map((a) => [a.markSec, a.level])).toEqual([
      [20, 'warn'],
      [30, 'breach'],
    ]);
    const restarted = new Tracker(new KefuDatabase(db.name), () => defaultThresholds, () => now);
    expect(await restarted.logCrossings()).toEqual([]);
    expect(await restarted.nextCrossing()).toBe(at(180));
    now = at(301);
    expect((await restarted.logCrossings()).map((a) => a.markSec)).toEqual([180, 300]);
  });

  test('closing the last tab of a shop drops its waits; a reload keeps them', async () => {
    await tracker.record(SHOP, [buyer('m1', 0)], { tabId: 1 });
    await tracker.record(SHOP, [buyer('m1', 0)], { tabId: 2 });
    await tracker.detachTab(1);
    expect(await tracker.waitsOf(SHOP)).toHaveLength(1);
    await tracker.detachTab(2);
    expect(await tracker.waitsOf(SHOP)).toEqual([]);
    expect((await tracker.badges()).tabs).toEqual([]);
  });

  test("a tab's shop is fixed for the life of its page: claiming another shop is refused and changes nothing", async () => {
    const other = { site: 'demo', shopId: 'shop-b' };
    await tracker.listed(other, [{ conversationId: 'b7', buyerName: '小林', unread: 1, waitingSince: at(0) }], { tabId: 2, page: 'p2' });
    await tracker.record(SHOP, [buyer('m1', 0)], { tabId: 1, page: 'p1' });
    await expect(tracker.listed(other, [], { tabId: 1, page: 'p1' })).rejects.toThrow(/reload the tab/);
    await expect(tracker.record(other, [buyer('x1', 5, { shopId: 'shop-b', sender: 'shop' })], { tabId: 1, page: 'p1' })).rejects.toThrow(/shop-a/);
    expect(await tracker.waitsOf(other)).toMatchObject([{ conversationId: 'b7' }]);
    expect(await db.events.get('x1')).toBeUndefined();
    // A reload of that tab may show the other shop: it takes the tab over without touching tab 2's waits.
    await tracker.listed(other, [], { tabId: 1, page: 'p1-reloaded' });
    expect(await tracker.waitsOf(other)).toMatchObject([{ conversationId: 'b7' }]);
    expect(await tracker.waitsOf(SHOP)).toEqual([]);
  });

  test("one tab's list clears only the waits it listed, not another tab's of the same shop", async () => {
    await tracker.listed(SHOP, [{ conversationId: 'b7', buyerName: '小林', unread: 1, waitingSince: at(0) }], { tabId: 1, page: 'p1' });
    await tracker.listed(SHOP, [], { tabId: 2, page: 'p2' });
    expect(await tracker.waitsOf(SHOP)).toMatchObject([{ conversationId: 'b7' }]);
    await tracker.listed(SHOP, [], { tabId: 1, page: 'p1' });
    expect(await tracker.waitsOf(SHOP)).toEqual([]);
  });

  test('message texts past the retention period are blanked, everything else kept', async () => {
    await tracker.record(SHOP, [buyer('old', -40 * 86_400), buyer('new', -86_400)]);
    expect(await tracker.purgeTexts(30)).toBe(1);
    expect(await db.events.get('old')).toMatchObject({ text: '', sender: 'buyer', at: at(-40 * 86_400) });
    expect((await db.events.get('new'))!.text).toBe('在吗');
  });
});

describe('database schema', () => {
  test('a version 1 database upgrades to the current version with its events and snippets intact', async () => {
    const name = `migrate-${dbCount++}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ events: 'id, at, [shopId+conversationId+at]', snippets: 'id, order, shortcut, lang' });
    await v1.table('events').add(chatEvent('kept', { at: T0 }));
    await v1.table('snippets').add({ id: 'mine', title: 't', body: 'b', lang: 'zh', phase: 'care', tags: [], order: 0, uses: 3 });
    v1.close();

    const v2 = new KefuDatabase(name);
    await v2.open();
    expect(v2.verno).toBe(3);
    expect(await v2.events.where('[site+shopId+conversationId+at]').between(['demo', 'shop-a', 'b1', 0], ['demo', 'shop-a', 'b1', Infinity]).primaryKeys()).toEqual(['kept']);
    // An upgrade is not a new install: the agent's snippets stay as they were, no defaults are added.
    expect(await v2.snippets.toCollection().primaryKeys()).toEqual(['mine']);
    expect(await v2.waits.count()).toBe(0);
    await v2.delete();
  });

  test('a version 2 database upgrades to version 3: its events, waits and snippets kept, after-sale cases stored and found by order', async () => {
    const name = `migrate-${dbCount++}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ events: 'id, at, [shopId+conversationId+at]', snippets: 'id, order, shortcut, lang' });
    v2.version(2).stores({ events: 'id, at, [site+shopId+conversationId+at]', waits: 'key, [site+shopId]', tabs: 'tabId, [site+shopId]', alerts: 'id, at, [level+at]', shifts: '++id, start', contributions: '[period+key], end', aggregates: 'period' });
    await v2.table('events').add(chatEvent('kept', { at: T0 }));
    await v2.table('snippets').add({ id: 'mine', title: 't', body: 'b', lang: 'zh', phase: 'care', tags: [], order: 0, uses: 3 });
    await v2.table('shifts').add({ start: T0, end: null });
    v2.close();

    const v3 = new KefuDatabase(name);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect(await v3.events.get('kept')).toMatchObject({ id: 'kept', at: T0 });
    expect(await v3.snippets.toCollection().primaryKeys()).toEqual(['mine']);
    expect(await v3.shifts.count()).toBe(1);
    const draft = checkCaseDraft({ orderNumber: '240501123', type: 'qualityProblem', product: '保温杯', amount: '59' });
    if (!draft.ok) throw new Error('draft refused');
    await v3.afterSaleCases.add(openCase(draft.draft, 'case-1', T0));
    expect(await v3.afterSaleCases.where('orderNumber').equals('240501123').primaryKeys()).toEqual(['case-1']);
    expect(await v3.afterSaleCases.where('step').equals('firstContact').count()).toBe(1);
    await v3.delete();
  });

  test('a new database holds the default snippets', async () => {
    expect(await db.snippets.count()).toBeGreaterThan(10);
  });
});
