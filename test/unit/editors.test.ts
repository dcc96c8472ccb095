import { describe, expect, test, vi } from 'vitest';
import { insertText } from '@/lib/editors';

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
