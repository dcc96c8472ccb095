import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { KefuDatabase } from '@/lib/db';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { workerHandlers } from '../support/handlers';

const NOW = Date.UTC(2026, 10, 23, 6);
let db: KefuDatabase;
let n = 0;
const changed = vi.fn();

const handlers = () => workerHandlers(db, NOW, changed);

beforeEach(() => {
  db = new KefuDatabase(`snippet-handlers-${n++}`);
  changed.mockClear();
});
afterEach(async () => {
  await db.delete();
});

const ctx = {};
const draft = { id: 'mine', title: '我的', body: '亲，{{buyerName}}您好', lang: 'zh' as const, phase: 'care' as const, tags: [] };

describe('the snippet library in the worker', () => {
  test('a new install holds the default library, in order', async () => {
    expect((await handlers()['snippets.list']({}, ctx)).map((s) => s.id)).toEqual(defaultSnippets.map((s) => s.id));
  });

  test('save adds at the end, then edits in place keeping its uses; delete removes; every change is announced', async () => {
    const h = handlers();
    const saved = await h['snippets.save']({ snippet: draft }, ctx);
    expect(saved.order).toBe(defaultSnippets.length);
    await h['snippets.used']({ id: 'mine' }, ctx);
    const edited = await h['snippets.save']({ snippet: { ...draft, title: '改名' } }, ctx);
    expect(edited).toMatchObject({ title: '改名', order: defaultSnippets.length, uses: 1, usesByDay: { '2026-11-23': 1 } });
    expect(await h['snippets.delete']({ id: 'mine' }, ctx)).toEqual({ deleted: true });
    expect(await db.snippets.get('mine')).toBeUndefined();
    expect(changed).toHaveBeenCalledTimes(3);
  });

  test('move swaps a snippet with its neighbour and keeps the order dense', async () => {
    const h = handlers();
    const [first, second] = defaultSnippets;
    const after = await h['snippets.move']({ id: second!.id, by: -1 }, ctx);
    expect(after.slice(0, 2).map((s) => s.id)).toEqual([second!.id, first!.id]);
    expect(after.map((s) => s.order)).toEqual(after.map((_, i) => i));
    // The first can go no higher.
    expect((await h['snippets.move']({ id: second!.id, by: -1 }, ctx))[0]!.id).toBe(second!.id);
  });

  test('a folder is renamed with its sub-folders, or deleted with its snippets', async () => {
    const h = handlers();
    const inAfterSale = (await db.snippets.toArray()).filter((s) => s.folder?.startsWith('售后')).length;
    expect(inAfterSale).toBeGreaterThan(3);
    expect(await h['snippets.folder']({ from: '售后', to: '售后服务' }, ctx)).toEqual({ changed: inAfterSale });
    expect((await db.snippets.toArray()).filter((s) => s.folder?.startsWith('售后服务')).length).toBe(inAfterSale);
    const before = await db.snippets.count();
    expect(await h['snippets.folder']({ from: '售后服务', to: null }, ctx)).toEqual({ changed: inAfterSale });
    expect(await db.snippets.count()).toBe(before - inAfterSale);
    expect(changed).toHaveBeenCalledTimes(2);
  });

  test('an import adds new snippets and replaces clashing ones only when told to, all in one go', async () => {
    const h = handlers();
    const clash = { ...defaultSnippets[0]!, title: '覆盖后的标题' };
    const fresh = { ...draft, id: 'imported', shortcut: 'imp' };
    expect(await h['snippets.import']({ snippets: [clash, fresh], overwrite: false }, ctx)).toEqual({ added: 1, replaced: 0, skipped: 1 });
    expect((await db.snippets.get(clash.id))!.title).toBe(defaultSnippets[0]!.title);
    expect(await h['snippets.import']({ snippets: [clash], overwrite: true }, ctx)).toEqual({ added: 0, replaced: 1, skipped: 0 });
    expect((await db.snippets.get(clash.id))!.title).toBe('覆盖后的标题');
  });
});
