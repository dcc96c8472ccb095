import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createCustomSiteHandlers, sitePermission } from '@/lib/custom-site-handlers';
import { KefuDatabase } from '@/lib/db';
import { envelope } from '@/lib/messaging';
import { dispatch, type Handlers } from '@/lib/protocol';
import { grantingBrowser } from '../support/handlers';

const site = {
  id: 'custom-teashop',
  name: 'Tea shop console',
  scheme: 'https',
  host: 'kefu.teashop.example',
  pathPrefix: '/desk',
  selectors: { buyerMessage: '.msg.left', shopMessage: '.msg.right', buyerName: '.nick', input: '.editor', send: '.send-btn' },
  createdAt: 1,
  updatedAt: 1,
  version: 1,
};

let db: KefuDatabase;
let n = 0;
let granted: Set<string>;
let fake: ReturnType<typeof grantingBrowser>;
const handlers = () => createCustomSiteHandlers(db, fake) as unknown as Handlers;
const call = (name: string, payload: unknown, tabId?: number) => dispatch(handlers(), envelope(name as 'customSites.list', payload as never), { tabId });

beforeEach(() => {
  db = new KefuDatabase(`custom-sites-${n++}`);
  granted = new Set([sitePermission({ scheme: 'https', host: 'kefu.teashop.example' })]);
  fake = grantingBrowser((origin) => granted.has(origin));
});
afterEach(async () => {
  await db.delete();
});

describe('taught consoles in the worker', () => {
  test('a saved console is registered on its site, runs at once in the tab it was taught in, and reads the pages under its path', async () => {
    expect(await call('customSites.save', { site }, 7)).toMatchObject({ ok: true, data: { id: 'custom-teashop', timeZone: 'Asia/Shanghai' } });
    expect(fake.calls.synced.at(-1)).toEqual(['custom-teashop']);
    expect(fake.calls.ranIn).toEqual([7]);
    expect(await call('customSites.forUrl', { url: 'https://kefu.teashop.example/desk/chat?id=1' })).toMatchObject({ ok: true, data: { site: { id: 'custom-teashop' }, fix: null } });
    expect(await call('customSites.forUrl', { url: 'https://kefu.teashop.example/blog' })).toMatchObject({ ok: true, data: { site: null } });
    expect(await call('customSites.forUrl', { url: 'not a url' })).toMatchObject({ ok: true, data: { site: null, fix: null } });
  });

  test('without the site’s permission, or with a broken record, nothing is saved and the reason is named', async () => {
    granted.clear();
    expect(await call('customSites.save', { site })).toMatchObject({ ok: false, refused: true, error: expect.stringContaining('no permission for kefu.teashop.example') });
    granted.add(sitePermission(site as never));
    const broken = await call('customSites.save', { site: { ...site, selectors: { ...site.selectors, input: '' } } });
    expect(broken).toMatchObject({ ok: false, refused: true, error: expect.stringContaining('selectors.input') });
    expect(await db.customSites.count()).toBe(0);
    expect(fake.calls.synced).toEqual([]);
  });

  test('deleting a taught console stops its script and gives its site back', async () => {
    await call('customSites.save', { site });
    expect(await call('customSites.delete', { id: 'custom-teashop' })).toEqual({ ok: true, data: { deleted: true } });
    expect(fake.calls.synced.at(-1)).toEqual([]);
    expect(fake.calls.dropped).toEqual(['https://kefu.teashop.example/*']);
    expect(await call('customSites.delete', { id: 'custom-teashop' })).toEqual({ ok: true, data: { deleted: false } });
  });

  test('the picker starts in the sender’s tab, to teach anew or to point again at a taught console', async () => {
    await call('customSites.save', { site });
    expect(await call('picker.start', {}, 3)).toEqual({ ok: true, data: { started: true } });
    expect(await call('picker.start', { tabId: 4, edit: 'custom-teashop' })).toEqual({ ok: true, data: { started: true } });
    expect(await call('picker.start', { edit: 'custom-none' }, 5)).toEqual({ ok: true, data: { started: false } });
    expect(fake.calls.pickers.map((p) => [p.tabId, p.config.mode])).toEqual([
      [3, 'new'],
      [4, 'edit'],
    ]);
  });

  test('a teaching the popup announced starts when the browser grants the site; refused, the popup is told so', async () => {
    const custom = createCustomSiteHandlers(db, fake);
    const origin = 'https://desk.new.example/*';
    await dispatch(custom as unknown as Handlers, envelope('picker.pending', { tabId: 9, origin }));
    expect(await dispatch(custom as unknown as Handlers, envelope('customSites.forUrl', { url: 'https://desk.new.example/chat' }))).toEqual({ ok: true, data: { site: null, fix: null, refused: true } });
    await custom.permissionsAdded(['https://other.example/*']);
    expect(fake.calls.pickers).toEqual([]);
    granted.add(origin);
    await custom.permissionsAdded([origin]);
    expect(fake.calls.pickers).toEqual([{ tabId: 9, config: { mode: 'new' } }]);
    // Once only, and no longer "refused".
    await custom.permissionsAdded([origin]);
    expect(fake.calls.pickers).toHaveLength(1);
    expect(await dispatch(custom as unknown as Handlers, envelope('customSites.forUrl', { url: 'https://desk.new.example/chat' }))).toEqual({ ok: true, data: { site: null, fix: null } });
  });

  test('a share file’s consoles are imported all or none', async () => {
    const other = { ...site, id: 'custom-other', host: 'desk.other.example' };
    expect(await call('customSites.import', { sites: [site, other] })).toMatchObject({ ok: false, error: expect.stringContaining('desk.other.example') });
    expect(await db.customSites.count()).toBe(0);
    granted.add('https://desk.other.example/*');
    expect(await call('customSites.import', { sites: [site, { ...other, host: 'BAD HOST' }] })).toMatchObject({ ok: false, error: expect.stringContaining('entry 2') });
    expect(await call('customSites.import', { sites: [site, other] })).toEqual({ ok: true, data: { added: 2, replaced: 0 } });
  });
});
