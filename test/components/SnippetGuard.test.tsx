import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { SnippetManager } from '@/components/SnippetManager';
import { GUARD_REASON_TEXT } from '@/lib/guard';
import { createClient } from '@/lib/messaging';
import { dispatch } from '@/lib/protocol';
import type { Snippet, SnippetDraft } from '@/lib/snippet';
import { snippetsToJson } from '@/lib/snippet-io';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { stubHandlers } from '../support/handlers';

const RISKY_BODY = '加我微信 abc123 私下退款';
const draft = (id: string, title: string, body: string): SnippetDraft => ({ id, title, body, lang: 'zh', phase: 'aftersale', tags: [] });
const plain = defaultSnippets.filter((s) => s.lang === 'zh').slice(0, 3);

/** The options page's library over stub handlers that keep what is saved and imported, and record each write. */
function manager(start: Snippet[]) {
  let library = start;
  const writes: { name: string; overwrite?: boolean }[] = [];
  const send = createClient((message) =>
    dispatch(
      stubHandlers({
        'snippets.list': async () => library,
        'snippets.save': async ({ snippet }) => {
          writes.push({ name: 'snippets.save' });
          const saved = { ...snippet, order: library.length, uses: 0 };
          library = [...library.filter((s) => s.id !== snippet.id), saved];
          return saved;
        },
        'snippets.import': async ({ snippets, overwrite }) => {
          writes.push({ name: 'snippets.import', overwrite });
          const incoming = new Map(snippets.map((s) => [s.id, s]));
          const kept = library.map((s) => (overwrite && incoming.has(s.id) ? { ...s, ...incoming.get(s.id)! } : s));
          const added = snippets.filter((s) => !library.some((l) => l.id === s.id)).map((s, i) => ({ ...s, order: library.length + i, uses: 0 }));
          library = [...kept, ...added];
          return { added: added.length, replaced: overwrite ? snippets.length - added.length : 0, skipped: overwrite ? 0 : snippets.length - added.length };
        },
      }),
      message,
    ),
  );
  const view = render(<SnippetManager send={send} siteIds={['demo']} />);
  return { ...view, writes, library: () => library };
}

function pickFile(container: Element, text: string) {
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], 'snippets.json', { type: 'application/json' })], configurable: true });
  fireEvent.change(input);
}

const row = (container: Element, id: string) => container.querySelector(`tr[data-snippet="${id}"]`);
const warningIn = (el: Element | null) => el?.querySelector('.guard-warning')?.textContent ?? null;
const button = (name: string) => screen.getByRole('button', { name });

describe('risky snippets on the options page', () => {
  test('a risky row is marked with why; the default snippets beside it are not', async () => {
    const { container } = manager([...plain, { ...draft('mine-wx', '私下退款', RISKY_BODY), order: 3, uses: 0 }]);
    await screen.findByText('私下退款');
    const warning = warningIn(row(container, 'mine-wx'));
    expect(warning).toMatch(/^⚠ 可能违规：/);
    expect(warning).toContain(GUARD_REASON_TEXT.contactApp.zh);
    for (const s of plain) expect(warningIn(row(container, s.id))).toBeNull();
  });

  test('the editor warns while the agent types, the warning goes when the text is fixed, and saving is not blocked', async () => {
    const { container, writes } = manager(plain);
    fireEvent.click(await screen.findByRole('button', { name: '新建快捷回复' }));
    const form = container.querySelector('.snippet-editor')!;
    const [title] = form.querySelectorAll('input');
    const body = form.querySelector('textarea')!;
    fireEvent.input(title!, { target: { value: '退款说明' } });
    fireEvent.input(body, { target: { value: '亲，退款已提交，' } });
    expect(warningIn(form)).toBeNull();

    fireEvent.input(body, { target: { value: `亲，退款已提交，${RISKY_BODY}` } });
    expect(form.querySelector('[role="status"]')?.textContent).toContain(GUARD_REASON_TEXT.contactApp.zh);

    fireEvent.input(body, { target: { value: '亲，退款已提交，请在订单页查看进度。' } });
    expect(warningIn(form)).toBeNull();

    fireEvent.input(body, { target: { value: RISKY_BODY } });
    expect(warningIn(form)).toContain('可能违规：');
    fireEvent.click(button('保存'));
    await waitFor(() => expect(writes.map((w) => w.name)).toEqual(['snippets.save']));
    // Saved as typed, and marked in its row.
    await waitFor(() => expect(warningIn(container.querySelector('tr[data-snippet^="my-"]'))).toContain('可能违规：'));
  });

  test('a risky import asks first, naming the risky snippets; only after "import anyway" is anything imported', async () => {
    const { container, writes, library } = manager(plain);
    await screen.findByText(plain[0]!.title);
    pickFile(container, snippetsToJson([draft('in-ok', '发货说明', '亲，今天下单明天发货哦。'), draft('in-wx', '私下退款', RISKY_BODY)]));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.querySelector('p')!.textContent).toBe('文件中有 1 条快捷回复可能违规（私下退款）。仍要导入吗？');
    expect(writes).toEqual([]);

    fireEvent.click(button('仍要导入'));
    await screen.findByText('已导入 2 条快捷回复');
    expect(writes).toEqual([{ name: 'snippets.import', overwrite: false }]);
    expect(library().map((s) => s.id)).toEqual([...plain.map((s) => s.id), 'in-ok', 'in-wx']);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(warningIn(row(container, 'in-wx'))).toContain('可能违规：'));
    expect(warningIn(row(container, 'in-ok'))).toBeNull();
  });

  test('cancelling a risky import leaves the library as it was', async () => {
    const { container, writes, library } = manager(plain);
    await screen.findByText(plain[0]!.title);
    pickFile(container, snippetsToJson([draft('in-wx', '私下退款', RISKY_BODY)]));
    await screen.findByRole('alertdialog');
    fireEvent.click(button('取消'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // Cancel sends nothing; a moment for anything that would have been sent.
    await new Promise((r) => setTimeout(r, 20));
    expect(writes).toEqual([]);
    expect(library()).toEqual(plain);
    expect(row(container, 'in-wx')).toBeNull();
  });

  test('a file with risky snippets and clashes: the risk is asked first, then the overwrite question', async () => {
    const { container, writes, library } = manager(plain);
    await screen.findByText(plain[0]!.title);
    const risky = Array.from({ length: 4 }, (_, i) => draft(`in-wx-${i}`, `站外 ${i}`, `${RISKY_BODY} ${i}`));
    pickFile(container, snippetsToJson([{ ...plain[0]!, body: `${plain[0]!.body}（改）` }, ...risky]));
    const first = await screen.findByRole('alertdialog');
    // Four risky, three named.
    expect(first.querySelector('p')!.textContent).toBe('文件中有 4 条快捷回复可能违规（站外 0、站外 1、站外 2…）。仍要导入吗？');
    fireEvent.click(button('仍要导入'));

    const second = await screen.findByRole('alertdialog');
    expect(second.textContent).not.toContain('可能违规');
    expect(writes).toEqual([]);
    fireEvent.click(second.querySelectorAll('button')[0]!);
    await waitFor(() => expect(writes).toEqual([{ name: 'snippets.import', overwrite: true }]));
    await waitFor(() => expect(library()).toHaveLength(plain.length + 4));
    expect(library()[0]!.body).toBe(`${plain[0]!.body}（改）`);
  });

  test('a file with no risky snippet and no clash goes straight in, without a question', async () => {
    const { container, writes } = manager(plain);
    await screen.findByText(plain[0]!.title);
    pickFile(container, snippetsToJson([draft('in-ok', '发货说明', '亲，今天下单明天发货哦。')]));
    await screen.findByText('已导入 1 条快捷回复');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(writes).toEqual([{ name: 'snippets.import', overwrite: false }]);
  });
});
