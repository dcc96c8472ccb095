import { execInsertText } from './exec-command';
import type { Snapshot, Strategy } from './strategy';

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

/** Focuses the field (its caret stays where the agent left it) and notes its value and selection. */
export function prepareTextField(field: TextField): Snapshot {
  field.focus();
  const { value, selectionStart, selectionEnd, selectionDirection } = field;
  return {
    text: value,
    reselect: () => {
      // Input types without a selection (email, number) throw; they have no caret to put back either.
      try {
        field.setSelectionRange(selectionStart ?? value.length, selectionEnd ?? selectionStart ?? value.length, selectionDirection ?? undefined);
      } catch {
        /* no selection API on this input type */
      }
    },
  };
}

/**
 * The value back as it was, for a framework that kept part of the insert (a max length, a filter), and an
 * `input` event so that its state follows; none when the framework already put the value back itself. What
 * is not taken back: the browser's own undo entry of an `execCommand` whose text the framework replaced.
 */
function restoreValue(field: TextField, before: Snapshot): void {
  if (field.value === before.text) return;
  // setRangeText, not the `value` setter, for the same reason as below: React's tracker must see a change.
  field.setRangeText(before.text, 0, field.value.length);
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'historyUndo' }));
}

const execCommandIntoField: Strategy<TextField> = {
  name: 'execCommand',
  run: (field, text) => execInsertText(field.ownerDocument, text),
  undo: restoreValue,
};

const setRangeTextIntoField: Strategy<TextField> = {
  name: 'setRangeText',
  run: (field, text) => {
    const start = field.selectionStart ?? field.value.length;
    field.setRangeText(text, start, field.selectionEnd ?? start, 'end');
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  },
  undo: restoreValue,
};

/** The strategies for a field, in order; none for a field the agent cannot type in either. */
export function textFieldStrategies(field: TextField): readonly Strategy<TextField>[] {
  return field.disabled || field.readOnly ? [] : [execCommandIntoField, setRangeTextIntoField];
}
