import { afterEach, describe, expect, test, vi } from 'vitest';
import { findEditable, insertText, rememberSelections } from '@/lib/editors';

afterEach(() => {
  delete (document as Partial<Document>).execCommand;
  document.body.replaceChildren();
});

/** A stand-in for the browser's execCommand, which happy-dom lacks: `insertText` appends to `into`'s text. */
function stubExecCommand(into: () => Text, seen: string[] = []) {
  const execCommand = vi.fn((command: string, _ui?: boolean, text?: string) => {
    seen.push(`execCommand:${command}${text === undefined ? '' : `:${text}`}`);
    if (command !== 'insertText') return false;
    into().appendData(text ?? '');
    return true;
  });
  Object.assign(document, { execCommand });
  return execCommand;
}

// happy-dom has no execCommand editing, so these cover the setRangeText path; the execCommand path
// (undo, trusted events) is covered in Chromium by the end-to-end tests.
describe('insertText into text fields', () => {
  test('puts the text at the caret, replacing the selection, and tells the page with input and change events', async () => {
    const field = document.createElement('textarea');
    document.body.append(field);
    field.value = '亲，您好';
    field.setSelectionRange(2, 4); // "您好" selected
    const seen: string[] = [];
    field.addEventListener('input', (e) => seen.push(`${e.type}:${(e as InputEvent).inputType}:${field.value}`));
    field.addEventListener('change', (e) => seen.push(e.type));
    expect(await insertText(field, '在的')).toEqual({ ok: true, strategy: 'setRangeText' });
    expect(field.value).toBe('亲，在的');
    expect(field.selectionStart).toBe(4);
    expect(seen).toEqual(['input:insertText:亲，在的', 'change']);
  });

  test('refuses a disabled or read-only field and leaves it as it was', async () => {
    for (const attr of ['disabled', 'readOnly'] as const) {
      const field = document.createElement('input');
      field.value = 'x';
      field[attr] = true;
      const onInput = vi.fn();
      field.addEventListener('input', onInput);
      expect(await insertText(field, 'y')).toEqual({ ok: false, tried: [] });
      expect(field.value).toBe('x');
      expect(onInput).not.toHaveBeenCalled();
    }
  });

  test('refuses an element that is no editor at all', async () => {
    expect(await insertText(document.createElement('div'), 'hello')).toEqual({ ok: false, tried: [] });
  });

  test.each([
    ['at once, in its input listener', (restore: () => void) => restore()],
    ['on its next render, a task later', (restore: () => void) => setTimeout(restore, 0)],
  ])('a framework that puts its own value back %s: reported failed, value and selection as they were, no extra input event', async (_when, later) => {
    const field = document.createElement('textarea');
    document.body.append(field);
    field.value = '亲xx';
    field.setSelectionRange(1, 3);
    const seen: string[] = [];
    field.addEventListener('input', (e) => {
      seen.push((e as InputEvent).inputType);
      later(() => (field.value = '亲xx'));
    });
    expect(await insertText(field, '在的')).toEqual({ ok: false, tried: ['execCommand', 'setRangeText'] });
    expect(field.value).toBe('亲xx');
    expect([field.selectionStart, field.selectionEnd]).toEqual([1, 3]);
    expect(seen).toEqual(['insertText']);
  });

  test('a framework that keeps only part of the text: reported failed, and its value put back with an input event', async () => {
    const field = document.createElement('input');
    document.body.append(field);
    field.value = 'ab';
    field.setSelectionRange(2, 2);
    const seen: string[] = [];
    field.addEventListener('input', (e) => {
      seen.push(`${(e as InputEvent).inputType}:${field.value}`);
      if (field.value.length > 4) setTimeout(() => (field.value = field.value.slice(0, 4)), 0);
    });
    expect(await insertText(field, '在的在的')).toEqual({ ok: false, tried: ['execCommand', 'setRangeText'] });
    expect(field.value).toBe('ab');
    expect(seen).toEqual(['insertText:ab在的在的', 'historyUndo:ab']);
  });

  test('execCommand first; when its text stays, setRangeText is never tried', async () => {
    const field = document.createElement('textarea');
    document.body.append(field);
    field.value = '亲';
    // The stub edits the value as the browser's command does (at the end: the caret is there).
    const execCommand = vi.fn((_command: string, _ui?: boolean, text?: string) => ((field.value += text ?? ''), true));
    Object.assign(document, { execCommand });
    const onChange = vi.fn();
    field.addEventListener('change', onChange);
    expect(await insertText(field, '在的')).toEqual({ ok: true, strategy: 'execCommand' });
    expect(field.value).toBe('亲在的');
    expect(execCommand).toHaveBeenCalledTimes(1);
    expect(onChange).not.toHaveBeenCalled();
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
const textNode = (el: HTMLElement) => el.querySelector('p')!.firstChild as Text;

type Handling = 'take' | 'ignore' | 'drop';
/**
 * What reached `el`: each paste or beforeinput with its text. `take`: cancelled and its text written in,
 * as the editor would render it; `drop`: cancelled and thrown away; `ignore`: not cancelled.
 */
function listen(el: HTMLElement, handling: { paste?: Handling; beforeinput?: Handling } | Handling = 'take') {
  const seen: string[] = [];
  const how = (type: 'paste' | 'beforeinput') => (typeof handling === 'string' ? handling : (handling[type] ?? 'ignore'));
  const handle = (type: 'paste' | 'beforeinput', e: Event, text: string) => {
    if (how(type) === 'ignore') return;
    e.preventDefault();
    if (how(type) === 'take') textNode(el).appendData(text);
  };
  el.addEventListener('paste', (e) => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    seen.push(`paste:${text}`);
    handle('paste', e, text);
  });
  el.addEventListener('beforeinput', (e) => {
    const text = e.dataTransfer?.getData('text/plain') ?? '';
    seen.push(`beforeinput:${e.inputType}:${text}`);
    handle('beforeinput', e, text);
  });
  return seen;
}

describe('insertText into rich editors: detection and dispatch', () => {
  const cases: Array<{ name: string; markup: Markup; event: string; strategy: string }> = [
    { name: 'ProseMirror', markup: { className: 'ProseMirror' }, event: 'paste:在的', strategy: 'paste' },
    { name: 'Draft.js (its public class)', markup: { className: 'notranslate public-DraftEditor-content' }, event: 'paste:在的', strategy: 'paste' },
    { name: 'Quill', markup: { className: 'ql-editor' }, event: 'paste:在的', strategy: 'paste' },
    { name: 'Slate', markup: { attrs: { 'data-slate-editor': 'true' } }, event: 'beforeinput:insertReplacementText:在的', strategy: 'beforeinput' },
    { name: 'Lexical', markup: { attrs: { 'data-lexical-editor': 'true' } }, event: 'beforeinput:insertReplacementText:在的', strategy: 'beforeinput' },
  ];
  test.each(cases)('$name: told apart by its marker, gets exactly its own event, and its text is found there', async ({ markup, event, strategy }) => {
    const el = editor(markup);
    const seen = listen(el);
    expect(await insertText(el, '在的')).toEqual({ ok: true, strategy });
    expect(seen).toEqual([event]);
    expect(el.textContent).toBe('亲在的');
  });

  test('Draft.js is also recognised by its block container', async () => {
    const el = editor({});
    const contents = document.createElement('div');
    contents.setAttribute('data-contents', 'true');
    el.append(contents);
    const seen = listen(el);
    expect(await insertText(el, '在的')).toEqual({ ok: true, strategy: 'paste' });
    expect(seen).toEqual(['paste:在的']);
  });

  test('finds the editable inside the wrapper an adapter names, and the editing host from a node inside it', async () => {
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
    expect(await insertText(wrapper, '在的')).toEqual({ ok: true, strategy: 'paste' });
    expect(seen).toEqual(['paste:在的']);
  });

  test('finds a text field inside a wrapper too', async () => {
    const wrapper = document.createElement('div');
    const field = document.createElement('textarea');
    wrapper.append(field);
    document.body.append(wrapper);
    expect(findEditable(wrapper)).toBe(field);
    expect((await insertText(wrapper, '在的')).ok).toBe(true);
    expect(field.value).toBe('在的');
  });

  test('a known editor that takes none of the events: the generic chain, less what was tried, down to execCommand', async () => {
    const pm = editor({ className: 'ProseMirror' });
    const pmSeen = listen(pm, 'ignore');
    stubExecCommand(() => textNode(pm), pmSeen);
    expect(await insertText(pm, '在的')).toEqual({ ok: true, strategy: 'execCommand' });
    expect(pmSeen).toEqual(['paste:在的', 'beforeinput:insertText:在的', 'execCommand:insertText:在的']);

    const slate = editor({ attrs: { 'data-slate-editor': 'true' } });
    const slateSeen = listen(slate, 'ignore');
    stubExecCommand(() => textNode(slate), slateSeen);
    expect(await insertText(slate, '在的')).toEqual({ ok: true, strategy: 'execCommand' });
    // Its own beforeinput was the one; a second kind of beforeinput is not sent.
    expect(slateSeen).toEqual(['beforeinput:insertReplacementText:在的', 'paste:在的', 'execCommand:insertText:在的']);
  });

  test('an editor that takes nothing and a browser without execCommand: failed, nothing changed', async () => {
    const el = editor({ attrs: { 'data-slate-editor': 'true' }, text: 'x' });
    listen(el, 'ignore');
    expect(await insertText(el, '在的')).toEqual({ ok: false, tried: ['beforeinput', 'paste', 'execCommand'] });
    expect(el.textContent).toBe('x');
  });
});

describe('insertText into an editor it does not know: the text must stay', () => {
  test('a plain contenteditable gets execCommand, after a paste and a beforeinput nobody took', async () => {
    const el = editor({});
    const seen = listen(el, 'ignore');
    stubExecCommand(() => textNode(el), seen);
    expect(await insertText(el, '在的')).toEqual({ ok: true, strategy: 'execCommand' });
    expect(seen).toEqual(['paste:在的', 'beforeinput:insertText:在的', 'execCommand:insertText:在的']);
    expect(el.textContent).toBe('亲在的');
  });

  test('an editor that takes the paste but throws the text away gets a typed beforeinput next', async () => {
    const el = editor({});
    const seen = listen(el, { paste: 'drop', beforeinput: 'take' });
    const execCommand = stubExecCommand(() => textNode(el));
    expect(await insertText(el, '在的')).toEqual({ ok: true, strategy: 'beforeinput' });
    expect(seen).toEqual(['paste:在的', 'beforeinput:insertText:在的']);
    expect(el.textContent).toBe('亲在的');
    expect(execCommand).not.toHaveBeenCalled();
  });

  test('the typed beforeinput carries the text in data and in a DataTransfer', async () => {
    const el = editor({ text: '你好' });
    let got: { data: string | null; transfer: string | undefined } | null = null;
    el.addEventListener('beforeinput', (e) => {
      got = { data: e.data, transfer: e.dataTransfer?.getData('text/plain') };
      e.preventDefault();
      textNode(el).appendData(e.data ?? '');
    });
    expect(await insertText(el, '在的')).toEqual({ ok: true, strategy: 'beforeinput' });
    expect(got).toEqual({ data: '在的', transfer: '在的' });
  });

  test('an editor that acts on the paste without cancelling it: its text counts, and nothing else is sent', async () => {
    const el = editor({});
    const seen: string[] = [];
    el.addEventListener('paste', (e) => (seen.push('paste'), textNode(el).appendData(e.clipboardData!.getData('text/plain'))));
    el.addEventListener('beforeinput', () => seen.push('beforeinput'));
    expect(await insertText(el, '在的')).toEqual({ ok: true, strategy: 'paste' });
    expect(seen).toEqual(['paste']);
  });

  test.each([
    ['rewriting its text node', (p: HTMLElement, model: string) => ((p.firstChild as Text).data = model)],
    ['rendering new nodes', (p: HTMLElement, model: string) => p.replaceChildren(model)],
  ])('an editor that renders every foreign change away, %s: failed, its text and the selection as before', async (_how, render) => {
    const model = '你好xx';
    const el = editor({ text: model });
    const p = el.querySelector('p')!;
    const seen = listen(el, 'take');
    stubExecCommand(() => textNode(el), seen);
    // Whatever else its DOM shows, its next render (a microtask later) shows its model again.
    const observer = new MutationObserver(() => {
      if (el.textContent === model) return;
      observer.disconnect();
      render(p, model);
      observer.observe(el, { subtree: true, characterData: true, childList: true });
    });
    observer.observe(el, { subtree: true, characterData: true, childList: true });
    document.getSelection()!.setBaseAndExtent(textNode(el), 2, textNode(el), 4); // a shortcut, as before Tab
    expect(await insertText(el, '在的')).toEqual({ ok: false, tried: ['paste', 'beforeinput', 'execCommand'] });
    expect(seen).toEqual(['paste:在的', 'beforeinput:insertText:在的', 'execCommand:insertText:在的']);
    expect(el.textContent).toBe(model);
    // Still selected: the agent's Ctrl+V of the copied reply replaces it.
    const selection = document.getSelection()!;
    expect([selection.anchorNode, selection.anchorOffset, selection.focusNode, selection.focusOffset]).toEqual([textNode(el), 2, textNode(el), 4]);
  });

  test('execCommand text the editor mangled: one browser undo takes it back', async () => {
    const el = editor({ text: '亲' });
    listen(el, 'ignore');
    const original = textNode(el);
    const seen: string[] = [];
    const execCommand = stubExecCommand(() => original, seen);
    // The browser's undo of the insert, as far as this stand-in goes: the text before it.
    execCommand.mockImplementation((command: string, _ui?: boolean, text?: string) => {
      seen.push(command);
      if (command === 'undo') original.data = '亲';
      else original.appendData(text ?? '');
      return true;
    });
    // The editor keeps the change but mangles it (as an auto-format would).
    new MutationObserver(() => {
      if (original.data.includes('在')) original.data = original.data.replaceAll('在', '再');
    }).observe(el, { subtree: true, characterData: true });
    expect(await insertText(el, '在的')).toEqual({ ok: false, tried: ['paste', 'beforeinput', 'execCommand'] });
    expect(seen).toEqual(['insertText', 'undo']);
    expect(el.textContent).toBe('亲');
  });

  test('an editor that took a synthetic event and kept something else: the chain stops, no second copy stacked on it', async () => {
    const el = editor({ text: '亲' });
    const seen: string[] = [];
    el.addEventListener('paste', (e) => (seen.push('paste'), e.preventDefault(), textNode(el).appendData('（图片）')));
    el.addEventListener('beforeinput', () => seen.push('beforeinput'));
    const execCommand = stubExecCommand(() => textNode(el));
    expect(await insertText(el, '在的')).toEqual({ ok: false, tried: ['paste'] });
    expect(seen).toEqual(['paste']);
    expect(execCommand).not.toHaveBeenCalled();
  });

  test('inserts one at a time: the first one is judged before the second one goes in', async () => {
    const el = editor({ text: '' });
    el.querySelector('p')!.append(document.createTextNode(''));
    // An editor that drops the first paste and renders the others a task after the event.
    let pastes = 0;
    el.addEventListener('paste', (e) => {
      e.preventDefault();
      const text = e.clipboardData!.getData('text/plain');
      if (pastes++ > 0) setTimeout(() => textNode(el).appendData(text), 0);
    });
    const results = await Promise.all([insertText(el, '在的'), insertText(el, '在的')]);
    expect(results).toEqual([
      { ok: false, tried: ['paste', 'beforeinput', 'execCommand'] },
      { ok: true, strategy: 'paste' },
    ]);
    expect(el.textContent).toBe('在的');
  });
});

describe('insertText into rich editors: where the caret is when the event arrives', () => {
  const caretAt = (el: HTMLElement) => {
    const at: Array<[string, number]> = [];
    el.addEventListener('beforeinput', (e) => {
      const selection = document.getSelection()!;
      at.push([selection.anchorNode?.textContent ?? '', selection.anchorOffset]);
      e.preventDefault();
      textNode(el).appendData(e.dataTransfer?.getData('text/plain') ?? '');
    });
    return at;
  };

  test('with the selection outside the editor and none remembered, at the end of its last text', async () => {
    const el = editor({ attrs: { 'data-lexical-editor': 'true' }, text: '你好亲' });
    const at = caretAt(el);
    document.getSelection()!.removeAllRanges();
    expect((await insertText(el, '在的')).ok).toBe(true);
    expect(at).toEqual([['你好亲', 3]]);
  });

  test('with the selection inside the editor, where it is', async () => {
    const el = editor({ attrs: { 'data-lexical-editor': 'true' }, text: '你好亲' });
    const at = caretAt(el);
    document.getSelection()!.collapse(el.querySelector('p')!.firstChild, 2);
    expect((await insertText(el, '在的')).ok).toBe(true);
    expect(at).toEqual([['你好亲', 2]]);
  });

  test('after focus went elsewhere, where the editor’s last selection was', async () => {
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
    expect((await insertText(el, '在的')).ok).toBe(true);
    expect(at).toEqual([['你好亲', 1]]);
  });
});
