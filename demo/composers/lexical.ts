import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerPlainText } from '@lexical/plain-text';
import { mergeRegister } from '@lexical/utils';
import { $createParagraphNode, $getRoot, CLEAR_HISTORY_COMMAND, createEditor, type EditorState } from 'lexical';
import type { ComposerHandle, ComposerOptions } from './types';
import './composers.css';

/**
 * Lexical (vanilla, no React) with the plain-text plugin and the history plugin. The model is the editor
 * state; Send sends the root's text content.
 */
export function mount(host: HTMLElement, options: ComposerOptions): ComposerHandle {
  const root = host.ownerDocument.createElement('div');
  root.className = 'composer-library composer-library--lexical';
  root.contentEditable = 'true';
  root.setAttribute('role', 'textbox');
  root.setAttribute('aria-label', options.placeholder);
  host.append(root);
  const editor = createEditor({
    namespace: 'kefu-demo-composer',
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root);
  const read = (state: EditorState) => state.read(() => $getRoot().getTextContent());
  const empty = (focus: boolean) =>
    editor.update(
      () => {
        const paragraph = $createParagraphNode();
        $getRoot().clear().append(paragraph);
        if (focus) paragraph.select();
      },
      { discrete: true },
    );
  const stop = mergeRegister(
    registerPlainText(editor),
    registerHistory(editor, createEmptyHistoryState(), 300),
    editor.registerUpdateListener(({ editorState, prevEditorState }) => {
      const text = read(editorState);
      if (text !== read(prevEditorState)) options.onChange(text);
    }),
  );
  empty(false);
  editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
  return {
    text: () => read(editor.getEditorState()),
    clear: () => {
      empty(true);
      // A sent message is gone: Ctrl+Z must not bring it back into the input.
      editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
    },
    destroy: () => {
      stop();
      editor.setRootElement(null);
      root.remove();
    },
  };
}
