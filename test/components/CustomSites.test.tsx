import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, test, vi } from 'vitest';
import { CustomSites } from '@/components/CustomSites';
import { createClient } from '@/lib/messaging';
import { dispatch, type Handlers } from '@/lib/protocol';
import { CustomAdapterSchema, exportCustomAdapters, type CustomAdapter } from '@/lib/sites/custom/schema';
import type { HealthSummary } from '@/lib/sites/health';
import { stubHandlers } from '../support/handlers';

const downloads = vi.hoisted(() => [] as { name: string; type: string; text: string }[]);
vi.mock('@/components/download', () => ({
  download: (name: string, type: string, text: string) => void downloads.push({ name, type, text }),
}));

const CREATED = Date.UTC(2026, 10, 20, 4);
const UPDATED = Date.UTC(2026, 11, 1, 4);
function site(id: string, name: string, host: string, pathPrefix = '/'): CustomAdapter {
  return CustomAdapterSchema.parse({
    id,
    name,
    host,
    pathPrefix,
    selectors: { buyerMessage: '.msg.buyer', shopMessage: '.msg.shop', buyerName: '.peer-name', input: 'textarea#reply', send: 'button.send' },
    createdAt: CREATED,
    updatedAt: UPDATED,
    version: 1,
  });
}
const b2b = site('custom-b2b', '我们的 B2B 客服台', 'seller.b2b.example', '/im');
const help = site('custom-help', 'Help desk', '*.help.example');

/** The section over a worker that keeps `sites`: list answers from it, delete and import change it; every request is recorded. */
function page(sites: CustomAdapter[], health: Record<string, HealthSummary> = {}, options: { grant?: boolean } = {}) {
  let stored = [...sites];
  const calls = { deleted: [] as string[], imported: [] as unknown[][], pickers: [] as { tabId?: number; edit?: string }[], opened: [] as string[], asked: [] as string[][] };
  const overrides: Partial<Handlers> = {
    'customSites.list': async () => ({ sites: stored, fixes: [], health }),
    'customSites.delete': async ({ id }) => {
      calls.deleted.push(id);
      stored = stored.filter((s) => s.id !== id);
      return { deleted: true };
    },
    'customSites.import': async ({ sites: incoming }) => {
      calls.imported.push(incoming);
      return { added: incoming.length, replaced: 0 };
    },
    'picker.start': async ({ tabId, edit }) => (calls.pickers.push({ tabId, edit }), { started: true }),
  };
  const handlers = stubHandlers(overrides);
  const send = createClient((message) => dispatch(handlers, message));
  render(
    <CustomSites
      send={send}
      openTab={async (url) => (calls.opened.push(url), 42)}
      requestOrigins={async (origins) => (calls.asked.push(origins), options.grant ?? true)}
    />,
  );
  return calls;
}

const row = async (name: string) => (await screen.findByText(name)).closest('li')!;
const chooseFile = (text: string) => fireEvent.change(screen.getByLabelText('导入客服台'), { target: { files: [new File([text], 'consoles.json', { type: 'application/json' })] } });

describe('taught consoles on the options page', () => {
  test('lists each console with its address, dates and health on the last visit', async () => {
    page([b2b, help], { 'custom-b2b': { status: 'partly', missing: ['input'], unknown: [], off: ['insertion'] } });
    const first = await row('我们的 B2B 客服台');
    expect(within(first).getByText('https://seller.b2b.example/im')).toBeTruthy();
    expect(within(first).getByText('部分可用')).toBeTruthy();
    expect(first.textContent).toContain(new Date(CREATED).toLocaleDateString());
    expect(first.textContent).toContain(new Date(UPDATED).toLocaleDateString());
    // Never visited since it was taught: no health to show, and none made up.
    const second = await row('Help desk');
    expect(within(second).getByText('尚未访问')).toBeTruthy();
    expect(within(second).queryByText('部分可用')).toBeNull();
  });

  test('delete asks first; cancelling keeps the console, confirming deletes it and the list drops it', async () => {
    const calls = page([b2b, help]);
    fireEvent.click(await screen.findByRole('button', { name: '删除“我们的 B2B 客服台”' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('我们的 B2B 客服台');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.deleted).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: '删除“我们的 B2B 客服台”' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '确定删除' }));
    await waitFor(() => expect(screen.queryByText('我们的 B2B 客服台')).toBeNull());
    expect(calls.deleted).toEqual(['custom-b2b']);
    expect(screen.getByText('Help desk')).toBeTruthy();
  });

  test('edit opens the console in a new tab and starts the picker there on that console; test only opens it', async () => {
    const calls = page([b2b, help]);
    fireEvent.click(await screen.findByRole('button', { name: '修改“我们的 B2B 客服台”' }));
    await waitFor(() => expect(calls.pickers).toEqual([{ tabId: 42, edit: 'custom-b2b' }]));
    expect(calls.opened).toEqual(['https://seller.b2b.example/im']);

    fireEvent.click(screen.getByRole('button', { name: '测试“Help desk”' }));
    await waitFor(() => expect(calls.opened).toHaveLength(2));
    // A console on every subdomain opens on the domain itself.
    expect(calls.opened[1]).toBe('https://help.example/');
    expect(calls.pickers).toHaveLength(1);
  });

  test('export all then import on another computer: one permission prompt for every host, then the same records are sent', async () => {
    downloads.length = 0;
    page([b2b, help]);
    fireEvent.click(await screen.findByRole('button', { name: '全部导出' }));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toMatch(/^kefu-consoles-\d{12}\.json$/);
    const file = downloads[0]!.text;

    cleanup();
    const calls = page([]);
    await screen.findByText(/还没有教过的客服台/);
    chooseFile(file);
    const ready = await screen.findByRole('alertdialog');
    expect(ready.textContent).toContain('seller.b2b.example');
    // Reading the file asks nothing yet: only the agent's click may open the browser's prompt.
    expect(calls.asked).toEqual([]);
    fireEvent.click(within(ready).getByRole('button', { name: '授予权限并导入' }));
    await screen.findByText('已导入：新增 2 个，替换 0 个');
    expect(calls.asked).toEqual([['https://seller.b2b.example/*', 'https://*.help.example/*']]);
    expect(calls.imported).toEqual([[b2b, help]]);
  });

  test('a broken file is refused whole with the entry and field named, and nothing is asked or imported', async () => {
    const calls = page([]);
    await screen.findByText(/还没有教过的客服台/);
    const broken = JSON.parse(exportCustomAdapters([b2b, help])) as { adapters: Record<string, unknown>[] };
    broken.adapters[1] = { ...broken.adapters[1], selectors: { ...(broken.adapters[1]!.selectors as object), input: '' } };
    chooseFile(JSON.stringify(broken));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('第 2 行');
    expect(alert.textContent).toContain('selectors.input');
    expect(screen.queryByRole('button', { name: '授予权限并导入' })).toBeNull();
    expect(calls.asked).toEqual([]);
    expect(calls.imported).toEqual([]);
  });

  test('permission refused: nothing is imported and the hosts are named', async () => {
    const calls = page([], {}, { grant: false });
    await screen.findByText(/还没有教过的客服台/);
    chooseFile(exportCustomAdapters([b2b, help]));
    fireEvent.click(await screen.findByRole('button', { name: '授予权限并导入' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('seller.b2b.example');
    expect(alert.textContent).toContain('*.help.example');
    expect(alert.textContent).toContain('未导入');
    expect(calls.imported).toEqual([]);
  });
});
