import { readFileSync } from 'node:fs';
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { App } from '@/entrypoints/options/App';
import { createClient } from '@/lib/messaging';
import { dispatch } from '@/lib/protocol';
import type { Snippet } from '@/lib/snippet';
import { stubHandlers } from '../support/handlers';

/** An options page with an empty library that keeps what is imported into it. */
function optionsPage() {
  let library: Snippet[] = [];
  const send = createClient((message) =>
    dispatch(
      stubHandlers({
        'snippets.list': async () => library,
        'snippets.import': async ({ snippets }) => {
          library = [...library, ...snippets.map((s, i) => ({ ...s, order: library.length + i, uses: 0 }))];
          return { added: snippets.length, replaced: 0, skipped: 0 };
        },
      }),
      message,
    ),
  );
  render(<App send={send} />);
  return { library: () => library };
}

const choose = async (name: string, bytes: Uint8Array<ArrayBuffer>) => {
  const input = (await screen.findByLabelText('导入 JSON / CSV')) as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([bytes], name, { type: 'text/csv' })] } });
};

describe('importing snippet files on the options page', () => {
  test('a CSV saved by Excel on a Chinese Windows (GBK) shows its Chinese titles', async () => {
    const page = optionsPage();
    await choose('话术.csv', new Uint8Array(readFileSync('test/fixtures/csv/excel-gbk.csv')));
    expect((await screen.findByText('已导入 3 条快捷回复')).textContent).toBeTruthy();
    for (const title of ['退款说明', '发货时间', '尺码"偏大"吗']) expect(await screen.findByText(title)).toBeTruthy();
    expect(page.library()[0]).toMatchObject({ title: '退款说明', body: '亲，退款已提交，预计 1-3 个工作日到账。\n如有疑问请随时联系我们。' });
  });

  test('a CSV with bytes that are no text is refused naming the row; nothing is imported', async () => {
    const page = optionsPage();
    const bytes = Uint8Array.from([...new TextEncoder().encode('title,body,lang,phase\r\n好,亲,zh,care\r\n坏,亲'), 0xff, ...new TextEncoder().encode(',zh,care\r\n')]);
    await choose('sheet.csv', bytes);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^导入失败，未做任何更改：第 3 行，字段 \(row\)：/);
    expect(page.library()).toEqual([]);
  });
});
