import { insertIntoContentEditable } from './content-editable';
import { insertIntoTextField, isTextField } from './text-field';

/**
 * Puts text at the caret of a page's chat input so that the page's own state sees it.
 * One strategy per editor kind, tried in order; returns whether one of them handled it.
 */
export function insertText(target: HTMLElement, text: string): boolean {
  if (isTextField(target)) return insertIntoTextField(target, text);
  if (target.isContentEditable) return insertIntoContentEditable(target, text);
  return false;
}
