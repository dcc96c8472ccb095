import { describe, expect, test, vi } from 'vitest';
import { findEditable, insertText, rememberSelections } from '@/lib/editors';

// happy-dom has no execCommand editing, so these cover the fallback path; the execCommand path
// (undo, trusted events) is covered in Chromium by the end-to-end tests.
describe('insertText into text fields', () => {
  test('puts the text at the caret, replacing the selection, and tells the page with input and change events', () => {
    const field = document.createElement('textarea');
    document.body.append(field);
    field.value = '亲，您好';
    field.setSelectionRange(2, 4); // "您好" selected
    const seen: string[] = [];
    field.addEventListener('input', (e) => seen.push(`${e.type}:${(e as InputEvent).inputType}:${field.value}`));
    field.addEventListener('change', (e) => seen.push(e.type));
    expect(insertText(field, '在的')).toBe(true);
    expect(field.value).toBe('亲，在的');
    expect(field.selectionStart).toBe(4);
    expect(seen).toEqual(['input:insertText:亲，在的', 'change']);
  });

  test('refuses a disabled or read-only field and leaves it as it was', () => {
    for (const attr of ['disabled', 'readOnly'] as const) {
      const field = document.createElement('input');
      field.value = 'x';
      field[attr] = true;
      const onInput = vi.fn();
      field.addEventListener('input', onInput);
      expect(insertText(field, 'y')).toBe(false);
      expect(field.value).toBe('x');
      expect(onInput).not.toHaveBeenCalled();
    }
  });

  test('refuses an element that is no editor at all', () => {
    expect(insertText(document.createElement('div'), 'hello')).toBe(false);
  });
});

/** A contenteditable element as an editor library renders it, with its marker and some text. */
interface Markup {
  className?: string;
  attrs?: Record<string, string>;
  text?: string;
}
function editor(markup: Markup): HTMLElement {
  const el = document.createElement('div');
  el.contentEditable = 'true';
  if (markup.className) el.className = markup.className;
  for (const [name, value] of Object.entries(markup.attrs ?? {})) el.setAttribute(name, value);
  const p = document.createElement('p');
  p.textContent = markup.text ?? '亲';
  el.append(p);
  document.body.append(el);
  return el;
}

/** What reached `el`: each paste or beforeinput with its text, taken (prevented) as the editor would. */
function listen(el: HTMLElement, { take = true } = {}) {
  const seen: string[] = [];
  el.addEventListener('paste', (e) => {
    seen.push(`paste:${e.clipboardData?.getData('text/plain')}`);
    if (take) e.preventDefault();
  });
  el.addEventListener('beforeinput', (e) => {
    seen.push(`beforeinput:${e.inputType}:${e.dataTransfer?.getData('text/plain')}`);
    if (take) e.preventDefault();
  });
  return seen;
}

describe('insertText into rich editors: detection and dispatch', () => {
  const cases: Array<{ name: string; markup: Markup; event: string }> = [
    { name: 'ProseMirror', markup: { className: 'ProseMirror' }, event: 'paste:在的' },
    { name: 'Draft.js (its public class)', markup: { className: 'notranslate public-DraftEditor-content' }, event: 'paste:在的' },
    { name: 'Quill', markup: { className: 'ql-editor' }, event: 'paste:在的' },
    { name: 'Slate', markup: { attrs: { 'data-slate-editor': 'true' } }, event: 'beforeinput:insertReplacementText:在的' },
    { name: 'Lexical', markup: { attrs: { 'data-lexical-editor': 'true' } }, event: 'beforeinput:insertReplacementText:在的' },
  ];
  test.each(cases)('$name: told apart by its marker, gets exactly its own event, and counts as handled', ({ markup, event }) => {
    const el = editor(markup);
    const seen = listen(el);
    expect(insertText(el, '在的')).toBe(true);
    expect(seen).toEqual([event]);
    el.remove();
  });

  test('Draft.js is also recognised by its block container', () => {
    const el = editor({});
    const contents = document.createElement('div');
    contents.setAttribute('data-contents', 'true');
    el.append(contents);
    const seen = listen(el);
    expect(insertText(el, '在的')).toBe(true);
    expect(seen).toEqual(['paste:在的']);
    el.remove();
  });

  test('finds the editable inside the wrapper an adapter names, and the editing host from a node inside it', () => {
    const wrapper = document.createElement('div');
    wrapper.className = 'composer-input';
    const container = document.createElement('div');
    container.className = 'ql-container';
    wrapper.append(container);
    document.body.append(wrapper);
    const el = editor({ className: 'ql-editor' });
    container.append(el);
    expect(findEditable(wrapper)).toBe(el);
    expect(findEditable(el.querySelector('p')!)).toBe(el);
    const seen = listen(el);
    expect(insertText(wrapper, '在的')).toBe(true);
    expect(seen).toEqual(['paste:在的']);
    wrapper.remove();
  });

  test('finds a text field inside a wrapper too', () => {
    const wrapper = document.createElement('div');
    const field = document.createElement('textarea');
    wrapper.append(field);
    document.body.append(wrapper);
    expect(findEditable(wrapper)).toBe(field);
    expect(insertText(wrapper, '在的')).toBe(true);
    expect(field.value).toBe('在的');
    wrapper.remove();
  });

  test('an editor that does not take its event falls through to execCommand, the last strategy', () => {
    const el = editor({ className: 'ProseMirror' });
    const seen = listen(el, { take: false });
    const execCommand = vi.fn((command: string, _ui?: boolean, text?: string) => {
      seen.push(`execCommand:${command}:${text}`);
      el.querySelector('p')!.append(text ?? '');
      return true;
    });
    Object.assign(document, { execCommand });
    try {
      expect(insertText(el, '在的')).toBe(true);
      expect(seen).toEqual(['paste:在的', 'execCommand:insertText:在的']);
    } finally {
      delete (document as Partial<Document>).execCommand;
      el.remove();
    }
  });

  test('an editor that takes nothing and a browser without execCommand: false, nothing changed', () => {
    const el = editor({ attrs: { 'data-slate-editor': 'true' }, text: 'x' });
    listen(el, { take: false });
    expect(insertText(el, '在的')).toBe(false);
    expect(el.textContent).toBe('x');
    el.remove();
  });
});

describe('insertText into rich editors: where the caret is when the event arrives', () => {
  const caretAt = (el: HTMLElement) => {
    const at: Array<[string, number]> = [];
    el.addEventListener('beforeinput', (e) => {
      const selection = document.getSelection()!;
      at.push([selection.anchorNode?.textContent ?? '', selection.anchorOffset]);
      e.preventDefault();
    });
    return at;
  };

  test('with the selection outside the editor and none remembered, at the end of its last text', () => {
    const el = editor({ attrs: { 'data-lexical-editor': 'true' }, text: '你好亲' });
    const at = caretAt(el);
    document.getSelection()!.removeAllRanges();
    expect(insertText(el, '在的')).toBe(true);
    expect(at).toEqual([['你好亲', 3]]);
    el.remove();
  });

  test('with the selection inside the editor, where it is', () => {
    const el = editor({ attrs: { 'data-lexical-editor': 'true' }, text: '你好亲' });
    const at = caretAt(el);
    document.getSelection()!.collapse(el.querySelector('p')!.firstChild, 2);
    expect(insertText(el, '在的')).toBe(true);
    expect(at).toEqual([['你好亲', 2]]);
    el.remove();
  });

  test('after focus went elsewhere, where the editor’s last selection was', () => {
    const el = editor({ attrs: { 'data-slate-editor': 'true' }, text: '你好亲' });
    const elsewhere = document.createElement('span');
    elsewhere.textContent = 'buyer';
    document.body.append(elsewhere);
    const at = caretAt(el);
    rememberSelections(document);
    document.getSelection()!.collapse(el.querySelector('p')!.firstChild, 1);
    document.dispatchEvent(new Event('selectionchange'));
    document.getSelection()!.collapse(elsewhere.firstChild, 2);
    document.dispatchEvent(new Event('selectionchange'));
    expect(insertText(el, '在的')).toBe(true);
    expect(at).toEqual([['你好亲', 1]]);
    el.remove();
    elsewhere.remove();
  });
});
