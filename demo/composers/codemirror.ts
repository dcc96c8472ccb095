import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import type { ComposerHandle, ComposerOptions } from './types';
import './composers.css';

/**
 * CodeMirror 6 with a minimal setup: line wrapping, history and its keymap, a placeholder. The model is
 * the state's document; Send sends `doc.toString()`. CodeMirror reads edits back from the DOM it observes,
 * so it takes in native edits (execCommand) that model-first editors refuse.
 */
export function mount(host: HTMLElement, options: ComposerOptions): ComposerHandle {
  const createState = () =>
    EditorState.create({
      extensions: [
        EditorView.lineWrapping,
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        placeholder(options.placeholder),
        EditorView.contentAttributes.of({ 'aria-label': options.placeholder }),
        EditorView.editorAttributes.of({ class: 'composer-library composer-library--codemirror' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    });
  const view = new EditorView({ state: createState(), parent: host });
  return {
    text: () => view.state.doc.toString(),
    clear: () => {
      // A fresh state: the sent message is not in the undo history any more.
      view.setState(createState());
      options.onChange('');
    },
    destroy: () => view.destroy(),
  };
}
