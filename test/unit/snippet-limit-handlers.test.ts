import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { KefuDatabase } from '@/lib/db';
import { MAX_SNIPPETS } from '@/lib/limits';
import { dispatch } from '@/lib/protocol';
import { RefusalError } from '@/lib/refusal';
import type { SnippetDraft } from '@/lib/snippet';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { workerHandlers } from '../support/handlers';

const NOW = Date.UTC(2026, 10, 23, 6);
let db: KefuDatabase;
let n = 0;
const changed = vi.fn();

const handlers = () => workerHandlers(db, NOW, changed);

beforeEach(() => {
  db = new KefuDatabase(`snippet-limit-handlers-${n++}`);
  changed.mockClear();
});
afterEach(async () => {
  await db.delete();
});

const ctx = {};
const draft = (i: number): SnippetDraft => ({ id: `bulk-${i}`, title: `话术 ${i}`, body: '亲，您好', lang: 'zh', phase: 'care', tags: [] });
const drafts = (count: number, from = 0) => Array.from({ length: count }, (_, i) => draft(from + i));
/** The ids in the library, in order: what must not change when a request is refused. */
const libraryIds = async () => (await db.snippets.orderBy('order').toArray()).map((s) => s.id);

describe('the worker keeps the library within its limit', () => {
  test('an import that would take the library one past the limit is refused whole, naming the snippet, and changes nothing', async () => {
    const h = handlers();
    const before = await libraryIds();
    expect(before).toHaveLength(defaultSnippets.length);
    const room = MAX_SNIPPETS - defaultSnippets.length;
    const refused = h['snippets.import']({ snippets: drafts(room + 1), overwrite: false }, ctx);
    await expect(refused).rejects.toThrow(RefusalError);
    await expect(refused).rejects.toThrow(`导入失败，未做任何更改：文件中第 ${(room + 1).toLocaleString('en-US')} 条话术超出上限，话术库最多 5,000 条（导入后将有 5,001 条）`);
    expect(await libraryIds()).toEqual(before);
    expect(changed).not.toHaveBeenCalled();
  });

  test('an import that fills the library exactly is taken; then a new snippet is refused, an edit still saved', async () => {
    const h = handlers();
    const room = MAX_SNIPPETS - defaultSnippets.length;
    expect(await h['snippets.import']({ snippets: drafts(room), overwrite: false }, ctx)).toEqual({ added: room, replaced: 0, skipped: 0 });
    expect(await db.snippets.count()).toBe(MAX_SNIPPETS);

    const before = await libraryIds();
    await expect(h['snippets.save']({ snippet: draft(-1) }, ctx)).rejects.toThrow('话术库已满：最多 5,000 条话术。请先删除一些，再新建。');
    await expect(h['snippets.import']({ snippets: [draft(-1)], overwrite: true }, ctx)).rejects.toThrow(RefusalError);
    expect(await libraryIds()).toEqual(before);

    expect(await h['snippets.save']({ snippet: { ...draft(0), title: '改名' } }, ctx)).toMatchObject({ id: 'bulk-0', title: '改名' });
    // Replacing what is there takes no room.
    expect(await h['snippets.import']({ snippets: [{ ...draft(1), title: '又改名' }], overwrite: true }, ctx)).toEqual({ added: 0, replaced: 1, skipped: 0 });
    expect(await db.snippets.count()).toBe(MAX_SNIPPETS);
  });

  test('the refusal reaches the options page as a refusal, with its sentence', async () => {
    const h = handlers();
    await h['snippets.import']({ snippets: drafts(MAX_SNIPPETS - defaultSnippets.length), overwrite: false }, ctx);
    const reply = await dispatch(h, { kefu: 1, name: 'snippets.save', payload: { snippet: draft(-1) } });
    expect(reply).toEqual({ ok: false, refused: true, error: '话术库已满：最多 5,000 条话术。请先删除一些，再新建。' });
  });
});
