import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { snippetsToJson } from '@/lib/snippet-io';
import { defaultSnippets } from '@/lib/snippets/defaults';
import { collectErrors, sidebar, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function file(name: string, text: string): Promise<string> {
  const path = join(tmpdir(), `kefu-${Date.now()}-${name}`);
  await writeFile(path, text);
  return path;
}

async function library(options: Page): Promise<string[]> {
  return options.locator('tr[data-snippet]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-snippet')!));
}

test('a broken JSON or CSV import is refused naming the row and field, and the library is unchanged', async () => {
  const options = await h.context.newPage();
  const errors = collectErrors(options);
  await options.goto(h.extensionPage('options.html'));
  await expect.poll(() => library(options).then((ids) => ids.length)).toBe(defaultSnippets.length);
  const before = await library(options);

  const badJson = snippetsToJson([{ ...defaultSnippets[0]!, id: 'new-1' }, { ...defaultSnippets[1]!, id: 'new-2', phase: 'someday' as never }]);
  await options.locator('input.snippets-import').setInputFiles(await file('bad.json', badJson));
  await expect.poll(() => options.getByRole('alert').first().textContent()).toMatch(/导入失败，未做任何更改：第 2 行，字段 phase：/);

  const badCsv = 'title,body,lang,phase\n好,亲,zh,presale\n坏,亲,fr,presale\n';
  await options.locator('input.snippets-import').setInputFiles(await file('bad.csv', badCsv));
  await expect.poll(() => options.getByRole('alert').first().textContent()).toMatch(/第 3 行，字段 lang：/);

  await options.reload();
  await expect.poll(() => library(options)).toEqual(before);
  expect(errors).toEqual([]);
  await options.close();
});

test('a good import asks before overwriting; a saved edit shows in the open console’s sidebar and popup at once', async () => {
  const { page } = await h.openDemo('seed=51&pace=0&buyers=1');
  await expect.poll(() => sidebar(page).locator('.snippet').count()).toBeGreaterThan(10);
  const options = await h.context.newPage();
  await options.goto(h.extensionPage('options.html'));
  await expect.poll(() => library(options).then((ids) => ids.length)).toBe(defaultSnippets.length);

  const csv = `id,title,body,lang,phase,shortcut\n${defaultSnippets[0]!.id},覆盖标题,亲，覆盖后的内容,zh,presale,\nfrom-sheet,表格里的话术,亲，这是表格里的话术,zh,care,bgl\n`;
  await options.locator('input.snippets-import').setInputFiles(await file('sheet.csv', csv));
  await expect.poll(() => options.getByRole('alertdialog').textContent()).toContain('有 1 条与现有快捷回复冲突');
  await options.getByRole('button', { name: '跳过冲突项，只导入新的' }).click();
  await expect.poll(() => options.locator('.notice--info').textContent()).toBe('已导入 2 条快捷回复');
  await expect.poll(async () => (await library(options)).at(-1)).toBe('from-sheet');
  expect(await options.locator(`tr[data-snippet="${defaultSnippets[0]!.id}"] strong`).textContent()).toBe(defaultSnippets[0]!.title);

  // Live: the console's sidebar already offers it, without a reload.
  await sidebar(page).locator('.snippet-search').fill('bgl');
  await expect.poll(() => sidebar(page).locator('.snippet-title').first().textContent()).toContain('表格里的话术');

  const popup = await h.context.newPage();
  await popup.goto(h.extensionPage('popup.html'));
  await popup.getByRole('searchbox').fill('bgl');
  await expect.poll(() => popup.locator('.snippet-title').first().textContent()).toContain('表格里的话术');

  await options.bringToFront();
  await options.getByRole('button', { name: '编辑“表格里的话术”' }).click();
  await options.getByLabel('标题').fill('改过的话术');
  await options.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => sidebar(page).locator('.snippet-title').first().textContent()).toContain('改过的话术');
  // The open popup follows too.
  await expect.poll(() => popup.locator('.snippet-title').first().textContent()).toContain('改过的话术');
  await popup.close();
  await options.close();
  await page.close();
});

test('folders: snippets are listed under them; a folder is renamed, then deleted with its snippets after a confirmation', async () => {
  const options = await h.context.newPage();
  await options.goto(h.extensionPage('options.html'));
  await expect.poll(() => options.locator('tr[data-folder="售前/议价"] ~ tr[data-snippet]').count()).toBe(3);
  const answers = ['售前/谈价格', true];
  options.on('dialog', (dialog) => void (dialog.type() === 'prompt' ? dialog.accept(String(answers[0])) : dialog.accept()));
  await options.getByRole('button', { name: '重命名文件夹“售前/议价”' }).click();
  await expect.poll(() => options.locator('tr[data-folder="售前/谈价格"] ~ tr[data-snippet]').count()).toBe(3);
  const before = await library(options);
  await options.getByRole('button', { name: '删除文件夹“售前/谈价格”' }).click();
  await expect.poll(() => library(options).then((ids) => ids.length)).toBe(before.length - 3);
  expect(await options.locator('tr[data-folder="售前/谈价格"]').count()).toBe(0);
  await options.close();
});
