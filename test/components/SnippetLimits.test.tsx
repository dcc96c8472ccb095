import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, test, vi } from 'vitest';
import { SnippetManager } from '@/components/SnippetManager';
import { MAX_BODY_LENGTH, MAX_SNIPPETS } from '@/lib/limits';
import { createClient } from '@/lib/messaging';
import { dispatch, type Handlers } from '@/lib/protocol';
import type { Snippet, SnippetDraft } from '@/lib/snippet';
import { snippetsToJson } from '@/lib/snippet-io';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { stubHandlers } from '../support/handlers';

const draft = (i: number): SnippetDraft => ({ id: `bulk-${i}`, title: `话术 ${i}`, body: '亲，您好', lang: 'zh', phase: 'care', tags: [] });
const library = (n: number): Snippet[] => Array.from({ length: n }, (_, i) => ({ ...draft(i), order: i, uses: 0 }));

/** The options page's snippet library over stub handlers; `sent` records what reached the worker. */
function manager(snippets: Snippet[], overrides: Partial<Handlers> = {}) {
  const sent = vi.fn();
  const handlers = stubHandlers({ 'snippets.list': async () => snippets, ...overrides });
  const send = createClient((message) => {
    sent((message as { name: string }).name);
    return dispatch(handlers, message);
  });
  const view = render(<SnippetManager send={send} siteIds={['demo']} />);
  const writes = () => sent.mock.calls.map(([name]) => name).filter((name) => name !== 'snippets.list');
  return { ...view, writes };
}

function pickFile(container: Element, name: string, text: string) {
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
  fireEvent.change(input);
}

describe('the library limit on the options page', () => {
  test('the editor counts the body as the agent types and shows a body over the limit as an error at once', async () => {
    const { container } = manager(defaultSnippets.slice(0, 3));
    fireEvent.click(await screen.findByRole('button', { name: '新建快捷回复' }));
    const body = container.querySelector('.snippet-editor textarea') as HTMLTextAreaElement;
    expect(screen.getByText(`0 / ${MAX_BODY_LENGTH.toLocaleString('en-US')} 字`)).toBeTruthy();
    fireEvent.input(body, { target: { value: '亲'.repeat(MAX_BODY_LENGTH) } });
    expect(screen.getByText('2,000 / 2,000 字')).toBeTruthy();
    expect(body.getAttribute('aria-invalid')).toBe('false');
    fireEvent.input(body, { target: { value: '亲'.repeat(MAX_BODY_LENGTH + 1) } });
    expect(screen.getByText('正文最多 2,000 个字符，现有 2,001 个：删减后才能保存。')).toBeTruthy();
    expect(body.getAttribute('aria-invalid')).toBe('true');
  });

  test('a file of more snippets than a library holds is refused whole, naming the first row over the limit; nothing is sent', async () => {
    const { container, writes } = manager(defaultSnippets.slice(0, 3));
    await screen.findByText(defaultSnippets[0]!.title);
    pickFile(container, 'big.json', snippetsToJson(Array.from({ length: MAX_SNIPPETS + 1 }, (_, i) => draft(i))));
    const alert = await screen.findByText(/第 5001 行/);
    expect(alert.textContent).toContain('the library holds at most 5,000 snippets (this file has 5,001)');
    expect(writes()).toEqual([]);
  });

  test('a nearly full library: an import past the limit is refused before it is sent, naming the snippet; the last new snippet fits, the next is refused', async () => {
    let rows = library(MAX_SNIPPETS - 1);
    const { container, writes } = manager(rows, {
      'snippets.list': async () => rows,
      'snippets.save': async ({ snippet }) => {
        const saved = { ...snippet, order: rows.length, uses: 0 };
        rows = [...rows, saved];
        return saved;
      },
    });
    const drawn = (n: number) => waitFor(() => expect(container.querySelectorAll('tr[data-snippet]')).toHaveLength(n), { timeout: 30_000 });
    const alertText = () => container.querySelector('[role="alert"]')?.textContent;
    await drawn(MAX_SNIPPETS - 1);

    // One clash, then two new snippets: the second of them would be the 5,001st whatever the answer about
    // the clash, so the file is refused at once, before the agent is asked anything.
    pickFile(container, 'more.json', snippetsToJson([{ ...draft(0), title: '改过的' }, draft(100_000), draft(100_001)]));
    await waitFor(() => expect(alertText()).toBeTruthy());
    expect(container.querySelector('.confirm')).toBeNull();
    expect(alertText()).toBe('导入失败，未做任何更改：文件中第 3 条话术超出上限，话术库最多 5,000 条（导入后将有 5,001 条）');
    expect(writes()).toEqual([]);

    const newSnippet = (title: string) => {
      fireEvent.click([...container.querySelectorAll('.toolbar button')].find((b) => b.textContent === '新建快捷回复')!);
      const editor = container.querySelector('.snippet-editor')!;
      fireEvent.input(editor.querySelector('input')!, { target: { value: title } });
      fireEvent.input(editor.querySelector('textarea')!, { target: { value: '亲，您好' } });
      fireEvent.submit(editor);
    };
    newSnippet('第五千条');
    await drawn(MAX_SNIPPETS);
    expect(writes()).toEqual(['snippets.save']);
    newSnippet('第五千零一条');
    expect(alertText()).toBe('话术库已满：最多 5,000 条话术。请先删除一些，再新建。');
    // The agent's text is kept: the editor stays open.
    expect((container.querySelector('.snippet-editor input') as HTMLInputElement).value).toBe('第五千零一条');
    expect(writes()).toEqual(['snippets.save']);
  }, 120_000);
});
