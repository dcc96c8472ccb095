/** @jsxImportSource react */
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Editor, Node, Transforms, createEditor, type BaseEditor, type Descendant } from 'slate';
import { withHistory, type HistoryEditor } from 'slate-history';
import { Editable, Slate, withReact, type ReactEditor } from 'slate-react';
import { RERENDER_MS, type ComposerHandle, type ComposerOptions } from './types';
import './composers.css';

type Paragraph = { type: 'paragraph'; children: { text: string }[] };
declare module 'slate' {
  interface CustomTypes {
    Editor: BaseEditor & ReactEditor & HistoryEditor;
    Element: Paragraph;
    Text: { text: string };
  }
}

/**
 * Slate + slate-react + slate-history. The model is `editor.children`; Send sends their text, one line per
 * block (`Node.string` of each). The component re-renders every 250 ms, like the console.
 */
const emptyValue = (): Descendant[] => [{ type: 'paragraph', children: [{ text: '' }] }];
const plainText = (editor: Editor) => editor.children.map((node) => Node.string(node)).join('\n');

function SlateComposer({ bridge, options }: { bridge: { editor?: Editor }; options: ComposerOptions }) {
  const editor = useMemo(() => withHistory(withReact(createEditor())), []);
  const [, setTick] = useState(0);
  bridge.editor = editor;
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), RERENDER_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <Slate editor={editor} initialValue={emptyValue()} onValueChange={() => options.onChange(plainText(editor))}>
      <Editable className="composer-library composer-library--slate" placeholder={options.placeholder} aria-label={options.placeholder} />
    </Slate>
  );
}

export function mount(host: HTMLElement, options: ComposerOptions): ComposerHandle {
  const bridge: { editor?: Editor } = {};
  const root = createRoot(host);
  flushSync(() => root.render(<SlateComposer bridge={bridge} options={options} />));
  return {
    text: () => (bridge.editor ? plainText(bridge.editor) : ''),
    clear: () => {
      const editor = bridge.editor;
      if (!editor) return;
      // Removes every block but an empty one, then forgets the history: the sent message is gone.
      Editor.withoutNormalizing(editor, () => {
        Transforms.delete(editor, { at: { anchor: Editor.start(editor, []), focus: Editor.end(editor, []) } });
      });
      editor.history = { undos: [], redos: [] };
    },
    destroy: () => root.unmount(),
  };
}
