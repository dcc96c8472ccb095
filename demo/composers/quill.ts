import Quill from 'quill';
import 'quill/dist/quill.core.css';
import type { ComposerHandle, ComposerOptions } from './types';
import './composers.css';

/**
 * Quill 2 with its default theme (no toolbar) and its history module. The model is Quill's Delta:
 * `getText()` (less the trailing newline every Quill document ends with) is what Send sends.
 * Known bug: Quill reads the selection of the window that loaded it (`document.getSelection()`), so with
 * `frame=1` or `frame=url` its caret goes astray: the first character typed lands after the later ones.
 */
export function mount(host: HTMLElement, options: ComposerOptions): ComposerHandle {
  const container = host.ownerDocument.createElement('div');
  container.className = 'composer-library composer-library--quill';
  host.append(container);
  const quill = new Quill(container, { placeholder: options.placeholder, modules: { history: { delay: 1000, userOnly: true } } });
  const text = () => quill.getText().replace(/\n$/, '');
  quill.on('text-change', () => options.onChange(text()));
  return {
    text,
    clear: () => {
      quill.setText('', 'user');
      // A sent message is gone: Ctrl+Z must not bring it back into the input.
      quill.history.clear();
    },
    destroy: () => container.remove(),
  };
}
