import { execInsertText } from './exec-command';

/**
 * Textareas and text inputs, including React-, Vue- and Preact-controlled ones.
 * `execCommand('insertText')` first: the browser inserts at the caret, records an undo step and fires a
 * trusted `input` event that every framework listens to. Where it does nothing (Firefox before 89, some
 * sandboxed frames) `setRangeText` plus bubbling input/change events: React's value tracker sees the
 * change because setRangeText bypasses the tracked `value` setter.
 */
export type TextField = HTMLTextAreaElement | HTMLInputElement;

export function isTextField(el: Element): el is TextField {
  return el instanceof el.ownerDocument.defaultView!.HTMLTextAreaElement || el instanceof el.ownerDocument.defaultView!.HTMLInputElement;
}

export function insertIntoTextField(field: TextField, text: string): boolean {
  if (field.disabled || field.readOnly) return false;
  field.focus();
  const before = field.value;
  const start = field.selectionStart ?? before.length;
  const end = field.selectionEnd ?? start;
  const expected = before.slice(0, start) + text + before.slice(end);
  if (execInsertText(field.ownerDocument, text) && field.value === expected) return true;
  field.value = before; // undo a partial insert before trying the other way
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  return field.value === expected;
}
