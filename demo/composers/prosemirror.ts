import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { schema } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import 'prosemirror-view/style/prosemirror.css';
import type { ComposerHandle, ComposerOptions } from './types';
import './composers.css';

/**
 * ProseMirror with the basic schema, history and the base keymap. The model is the state's document;
 * Send sends its text, one line per block (`doc.textContent` with the blocks' newlines kept).
 */
export function mount(host: HTMLElement, options: ComposerOptions): ComposerHandle {
  const createState = () =>
    EditorState.create({ schema, plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }), keymap(baseKeymap)] });
  const text = () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n');
  const view: EditorView = new EditorView(host, {
    state: createState(),
    attributes: { class: 'composer-library composer-library--prosemirror', 'aria-label': options.placeholder },
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
      if (tr.docChanged) options.onChange(text());
    },
  });
  return {
    text,
    clear: () => {
      // A fresh state: the sent message is not in the undo history any more.
      view.updateState(createState());
      options.onChange('');
    },
    destroy: () => view.destroy(),
  };
}
