import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSnippetIndex } from '@/lib/snippet-search';
import { defaultSnippets } from '@/lib/snippets/defaults';
import zh from '../../public/_locales/zh_CN/messages.json';
import { demoSent, inSidebar, sidebar, startHarness, type Harness } from './harness';

/**
 * Snippet insertion into every kind of chat input, each built with the real editor library
 * (demo/composers/), asserted on the editor's own model: `__kefuDemo.composerText()` reads React/Vue state,
 * Quill's Delta, Draft's EditorState, Lexical's and Slate's and ProseMirror's documents, never the DOM.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // Records the synthetic (untrusted) input events that reach the page, to check which strategy ran:
  // typing and execCommand produce trusted ones only.
  await h.context.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { __syntheticEvents: string[] }).__syntheticEvents = log;
    for (const type of ['paste', 'beforeinput']) {
      window.addEventListener(type, (e) => void (e.isTrusted || log.push(`${type}${e instanceof InputEvent ? `:${e.inputType}` : ''}`)), true);
    }
  });
});
afterAll(async () => {
  await h?.close();
});

// A one-line snippet with no fill-ins, so the expected text is its body as written.
const snippet = defaultSnippets.find((s) => s.lang === 'zh' && !s.body.includes('{{') && !s.body.includes('\n'))!;
const typed = '好的，';

// Trix and CodeMirror have no strategy of their own: the generic chain's first step (a paste) is what they take.
const editorLayouts = ['react', 'vue', 'quill', 'draft', 'lexical', 'slate', 'prosemirror', 'trix', 'codemirror'] as const;
/** The synthetic event each editor's strategy dispatches (none: execCommand, whose events are trusted). */
const strategyEvent: Record<(typeof editorLayouts)[number], string | null> = {
  react: null,
  vue: null,
  quill: 'paste',
  draft: 'paste',
  prosemirror: 'paste',
  trix: 'paste',
  codemirror: 'paste',
  slate: 'beforeinput:insertReplacementText',
  lexical: 'beforeinput:insertReplacementText',
};
const syntheticEvents = (page: Page) => page.evaluate(() => (window as unknown as { __syntheticEvents: string[] }).__syntheticEvents);

const composerText = (page: Page) => page.evaluate(() => window.__kefuDemo.composerText());
/** The element the agent types into: the input itself, or the editable inside the input's wrapper. */
const editable = (page: Page) =>
  page.locator('textarea.composer-input, [contenteditable="true"].composer-input, .composer-input textarea, .composer-input [contenteditable="true"], .composer-input [contenteditable=""]').first();
const clickSnippet = (page: Page) =>
  sidebar(page)
    .locator('.snippet')
    .filter({ has: inSidebar(page, '.snippet-title').filter({ hasText: snippet.title }) })
    .first()
    .click();

describe.each(editorLayouts)('a snippet in the %s composer', (layout) => {
  test('lands at the caret in the editor’s model, survives re-renders, undoes, and the page’s Send sends exactly it', async () => {
    const { page, errors } = await h.openDemo(`seed=5&pace=0&buyers=1&layout=${layout}`);
    await expect.poll(() => sidebar(page).locator('.snippet').count()).toBeGreaterThan(3);
    await editable(page).click();
    await page.keyboard.type(typed);
    await expect.poll(() => composerText(page)).toBe(typed);
    // Editors group edits made close together into one undo step (ProseMirror 0.5 s, Quill 1 s), a real paste
    // included; an agent takes longer than that to reach the sidebar.
    await page.waitForTimeout(1_100);

    await clickSnippet(page);
    const expected = typed + snippet.body;
    await expect.poll(() => composerText(page)).toBe(expected);
    expect(await syntheticEvents(page)).toEqual(strategyEvent[layout] ? [strategyEvent[layout]] : []);
    // The console and the React/Vue composers re-render four times a second from their own state.
    await page.waitForTimeout(1_000);
    expect(await composerText(page)).toBe(expected);

    // Every editor here has an undo history (the browser's own for the textareas): Ctrl+Z takes the snippet out.
    // slate-history merges text inserted right where the previous insert ended into the same undo step, and
    // so takes the typing out with it, as it does after a real paste.
    await page.keyboard.press('Control+z');
    await expect.poll(() => composerText(page)).toBe(layout === 'slate' ? '' : typed);
    if (layout === 'slate') await page.keyboard.type(typed);

    await clickSnippet(page);
    await expect.poll(() => composerText(page)).toBe(expected);
    await page.locator('.composer-send').click();
    expect((await demoSent(page)).at(-1)).toBe(expected);
    expect(await page.locator('.msg--shop .msg-text').last().textContent()).toBe(expected);
    await expect.poll(() => composerText(page)).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(['standard', 'editable', ...editorLayouts] as const)('a snippet in the %s composer, after the agent clicked away from it', (layout) => {
  test('goes where the caret was', async () => {
    const { page, errors } = await h.openDemo(`seed=6&pace=0&buyers=1&layout=${layout}`);
    await expect.poll(() => sidebar(page).locator('.snippet').count()).toBeGreaterThan(3);
    await editable(page).click();
    await page.keyboard.type('亲');
    await clickSnippet(page);
    await expect.poll(() => composerText(page)).toBe(`亲${snippet.body}`);
    // The caret goes to the start, then focus and selection leave the input (the buyer's name takes the click).
    // Ctrl+Home, not Home: in the docked console's narrower input the text wraps, and Home goes to the line's start.
    // The click follows at once, as fast as a mouse already on the name: editors that take the DOM caret
    // into their model late (slate-react, on a throttled selectionchange) must still get the caret's place.
    const name = (await page.locator('.chat-buyer-name').boundingBox())!;
    await page.keyboard.press('Control+Home');
    await page.mouse.click(name.x + name.width / 2, name.y + name.height / 2);
    await clickSnippet(page);
    await expect.poll(() => composerText(page)).toBe(`${snippet.body}亲${snippet.body}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(editorLayouts)('in the %s composer, from the keyboard', (layout) => {
  test('shortcut then Tab, and the quick search, each put a filled snippet in; Send sends exactly that', async () => {
    const { page, errors } = await h.openDemo(`seed=7&pace=0&buyers=1&layout=${layout}`);
    await expect.poll(() => sidebar(page).locator('.snippet').count()).toBeGreaterThan(3);
    // zh-thanks (shortcut xx) has the shop's name as a fill-in, which the page supplies.
    const thanks = defaultSnippets.find((s) => s.id === 'zh-thanks')!;
    const filledThanks = thanks.body.replace('{{shopName}}', '演示店铺');
    await editable(page).click();
    await page.keyboard.type(`${typed}${thanks.shortcut}`);
    await page.keyboard.press('Tab');
    await expect.poll(() => composerText(page)).toBe(typed + filledThanks);
    // An agent's pause before the next shortcut. Known race without it: slate-react moves the DOM selection
    // (and with it the focus) back into the editor a moment after an edit, which can pull the focus out of
    // the search box opened right after.
    await page.waitForTimeout(300);

    await page.keyboard.press('Alt+k');
    await page.keyboard.type('tk');
    // The first result depends on the conversation's phase; whichever it is, it must be a match for tk.
    const matches = createSnippetIndex(defaultSnippets).search('tk');
    await expect.poll(() => sidebar(page).locator('.snippet-search').inputValue()).toBe('tk');
    const activeTitle = (await sidebar(page).locator('.snippet--active .snippet-title').evaluate((el) => el.firstChild?.textContent ?? '')).trim();
    const found = matches.find((s) => s.title === activeTitle)!;
    expect(found).toBeDefined();
    await page.keyboard.press('Enter');
    const expected = typed + filledThanks + found.body;
    await expect.poll(async () => [await composerText(page), await demoSent(page)]).toEqual([expected, []]);
    await page.waitForTimeout(600);
    expect(await composerText(page)).toBe(expected);
    await page.locator('.composer-send').click();
    expect((await demoSent(page)).at(-1)).toBe(expected);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** A snippet's use count, as the options page shows it. */
async function usesOf(id: string): Promise<number> {
  const page = await h.context.newPage();
  await page.goto(h.extensionPage('options.html'));
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ kefu: 1, name: 'snippets.list', payload: {} }));
  await page.close();
  return (reply.data as { id: string; uses: number }[]).find((s) => s.id === id)!.uses;
}

/** What Ctrl+V pastes, as the agent would paste it: into a plain field the test adds to the page. */
async function clipboardText(page: Page): Promise<string> {
  await page.evaluate(() => {
    const field = document.createElement('textarea');
    field.id = 'kefu-test-paste';
    document.body.append(field);
  });
  await page.locator('#kefu-test-paste').focus();
  await page.keyboard.press('Control+v');
  const text = await page.locator('#kefu-test-paste').inputValue();
  await page.evaluate(() => document.getElementById('kefu-test-paste')!.remove());
  return text;
}

describe('an editor that takes no strategy, and puts back every change it did not make itself', () => {
  test('nothing is claimed or counted: the sidebar says the reply is on the clipboard, and Ctrl+V pastes exactly it', async () => {
    const { page, errors } = await h.openDemo('seed=6&pace=0&buyers=1&layout=reverting&shop=reverting');
    const usesBefore = await usesOf(snippet.id);
    await editable(page).click();
    await page.keyboard.type(typed);
    await expect.poll(() => composerText(page)).toBe(typed);

    await clickSnippet(page);
    await expect.poll(() => inSidebar(page, '.notice').textContent()).toBe(zh.insertCopied.message);
    // Every strategy was tried, and none left a trace in the editor's model.
    expect(await syntheticEvents(page)).toEqual(['paste', 'beforeinput:insertText']);
    expect(await composerText(page)).toBe(typed);
    expect(await clipboardText(page)).toBe(snippet.body);

    // Shortcut then Tab: the same, and the shortcut the agent typed is still there to delete or keep.
    const thanks = defaultSnippets.find((s) => s.id === 'zh-thanks')!;
    await editable(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(thanks.shortcut!);
    await expect.poll(() => composerText(page)).toBe(typed + thanks.shortcut);
    await page.keyboard.press('Tab');
    // The chain ran again (its synthetic events are the trace); the copy follows its last check, a frame later.
    // Not polled by pasting: that would take the focus from the editor while the insert still runs.
    await expect.poll(() => syntheticEvents(page)).toHaveLength(4);
    await page.waitForTimeout(500);
    expect(await clipboardText(page)).toBe(thanks.body.replace('{{shopName}}', '演示店铺'));
    expect(await composerText(page)).toBe(typed + thanks.shortcut);
    expect(await inSidebar(page, '.notice').textContent()).toBe(zh.insertCopied.message);

    expect(await usesOf(snippet.id)).toBe(usesBefore);
    expect(errors).toEqual([]);
    await page.close();
  });
});
