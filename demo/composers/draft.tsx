/** @jsxImportSource react */
import './node-global';
import { ContentState, Editor, EditorState } from 'draft-js';
import 'draft-js/dist/Draft.css';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { RERENDER_MS, type ComposerHandle, type ComposerOptions } from './types';
import './composers.css';

/**
 * Draft.js (on React 18: Draft calls ReactDOM.findDOMNode, which React 19 removed). The model is the
 * EditorState the page keeps in React state; Draft re-renders its blocks from it, and so does this
 * component every 250 ms, so DOM edits Draft did not make do not survive. Send sends its plain text.
 */
interface Bridge {
  state: EditorState;
  set?: (update: (state: EditorState) => EditorState) => void;
}

function DraftComposer({ bridge, options }: { bridge: Bridge; options: ComposerOptions }) {
  const [state, setState] = useState(bridge.state);
  const [, setTick] = useState(0);
  bridge.state = state;
  bridge.set = setState;
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), RERENDER_MS);
    return () => clearInterval(timer);
  }, []);
  const text = state.getCurrentContent().getPlainText();
  useEffect(() => options.onChange(text), [text, options]);
  return (
    <div className="composer-library composer-library--draft">
      <Editor editorState={state} onChange={setState} placeholder={options.placeholder} ariaLabel={options.placeholder} />
    </div>
  );
}

export function mount(host: HTMLElement, options: ComposerOptions): ComposerHandle {
  const bridge: Bridge = { state: EditorState.createEmpty() };
  const root = createRoot(host);
  flushSync(() => root.render(<DraftComposer bridge={bridge} options={options} />));
  return {
    text: () => bridge.state.getCurrentContent().getPlainText(),
    // A fresh EditorState: empty, and the sent message is not in the undo stack any more.
    clear: () => flushSync(() => bridge.set?.(() => EditorState.moveFocusToEnd(EditorState.createWithContent(ContentState.createFromText(''))))),
    destroy: () => root.unmount(),
  };
}
