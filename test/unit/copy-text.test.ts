import { afterEach, describe, expect, test, vi } from 'vitest';
import { copyText } from '@/entrypoints/content/copy-text';

afterEach(() => {
  vi.restoreAllMocks();
  delete (document as Partial<Document>).execCommand;
  document.body.replaceChildren();
});

/** The browser's copy command, as far as these tests need it: what was selected when it ran, and where the focus was. */
function stubCopyCommand(result: boolean) {
  const copies: Array<{ selected: string; focus: Element | null }> = [];
  const execCommand = vi.fn((command: string) => {
    const area = document.activeElement as HTMLTextAreaElement;
    copies.push({ selected: area.value.slice(area.selectionStart, area.selectionEnd), focus: area });
    return command === 'copy' && result;
  });
  Object.assign(document, { execCommand });
  return copies;
}

describe('copyText', () => {
  test('through the Clipboard API when it lets it, without touching the page', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const copies = stubCopyCommand(true);
    expect(await copyText('亲，在的')).toBe(true);
    expect(writeText).toHaveBeenCalledWith('亲，在的');
    expect(copies).toEqual([]);
  });

  test('else with the copy command from a hidden textarea, then the editor’s focus and selection are back', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Document is not focused.', 'NotAllowedError'));
    const copies = stubCopyCommand(true);
    const el = document.createElement('div');
    el.contentEditable = 'true';
    el.textContent = '亲xx';
    document.body.append(el);
    el.focus();
    const text = el.firstChild!;
    const selection = document.getSelection()!;
    selection.setBaseAndExtent(text, 1, text, 3);
    expect(await copyText('亲，在的')).toBe(true);
    expect(copies).toHaveLength(1);
    expect(copies[0]!.selected).toBe('亲，在的');
    expect(copies[0]!.focus).toBeInstanceOf(HTMLTextAreaElement);
    expect(document.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(el);
    expect([selection.anchorNode, selection.anchorOffset, selection.focusNode, selection.focusOffset]).toEqual([text, 1, text, 3]);
  });

  test('a text field gets its focus and selection back', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('no'));
    stubCopyCommand(true);
    const field = document.createElement('textarea');
    field.value = '好的xx';
    document.body.append(field);
    field.focus();
    field.setSelectionRange(2, 4);
    expect(await copyText('亲，在的')).toBe(true);
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([2, 4]);
  });

  test('false when neither works', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('no'));
    expect(await copyText('亲')).toBe(false); // happy-dom has no execCommand at all
    stubCopyCommand(false);
    expect(await copyText('亲')).toBe(false);
    expect(document.querySelector('textarea')).toBeNull();
  });
});
