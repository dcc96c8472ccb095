import { Component, createRef, type ComponentChildren, type RefObject } from 'preact';
import { createPortal } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Naming } from './App';
import { loadComposer } from './composers';
import { registerComposerText } from './composers/registry';
import type { ComposerHandle } from './composers/types';
import { isEditorLayout, type ComposerFrame, type DemoLayout, type EditorLayout } from './layout';

const PLACEHOLDER = '输入消息，Enter 发送';

/**
 * The shop's chat input. Like a real console's, it is controlled by the framework: Send sends the
 * component's state (or, with an editor library, that editor's model), and every re-render writes that
 * state back into the input, so text put into the DOM without the events the framework listens to is lost.
 */
export function Composer({ layout, naming, onSend, frame = null }: { layout: DemoLayout; naming: Naming; onSend: (text: string) => void; frame?: ComposerFrame | null }) {
  const composer = isEditorLayout(layout) ? <LibraryComposer kind={layout} naming={naming} onSend={onSend} /> : <NativeComposer layout={layout} naming={naming} onSend={onSend} />;
  return frame ? (
    <FramedComposer naming={naming} frame={frame}>
      {composer}
    </FramedComposer>
  ) : (
    composer
  );
}

const STYLES = 'link[rel="stylesheet"], style';
const FRAME_SRCDOC = "<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>";
/** frame=url: a page of the console's own origin, emitted with the demo from demo/public/. */
const FRAME_URL = `${import.meta.env.BASE_URL}composer-frame.html`;

/**
 * The chat input inside a same-origin iframe, as some consoles embed their editor: written into by the
 * console (`srcdoc`, or an address-less `blank` frame) or loaded from the console's origin (`url`). Either way the console's own component
 * tree is rendered into the frame's document, with the console's styles copied in.
 */
function FramedComposer({ naming, frame, children }: { naming: Naming; frame: ComposerFrame; children: ComponentChildren }) {
  const [body, setBody] = useState<HTMLElement | null>(null);
  const styleCopier = useRef<MutationObserver | null>(null);
  useEffect(() => () => styleCopier.current?.disconnect(), []);
  const onLoad = (event: Event) => {
    const doc = (event.currentTarget as HTMLIFrameElement).contentDocument;
    // A frame given a URL may report the load of its initial about:blank document first: that one is replaced.
    if (!doc || (frame === 'url' && doc.location.href === 'about:blank')) return;
    for (const sheet of document.querySelectorAll(STYLES)) doc.head.append(sheet.cloneNode(true));
    // An editor library's styles arrive with its chunk, after the frame has loaded: they are copied in too.
    styleCopier.current?.disconnect();
    styleCopier.current = new MutationObserver((records) => {
      for (const added of records.flatMap((record) => [...record.addedNodes])) {
        if (added instanceof Element && added.matches(STYLES)) doc.head.append(added.cloneNode(true));
      }
    });
    styleCopier.current.observe(document.head, { childList: true });
    doc.body.style.margin = '0';
    setBody(doc.body);
  };
  // frame=blank: no address, the initial about:blank document is the one written into (its load comes at once).
  const source = frame === 'url' ? { src: FRAME_URL } : frame === 'srcdoc' ? { srcdoc: FRAME_SRCDOC } : {};
  return (
    <div class={naming.cls('composer-frame-wrap')}>
      <iframe class={naming.cls('composer-frame')} title="输入框" {...source} onLoad={onLoad} />
      {body && createPortal(children, body)}
    </div>
  );
}

/** Enter sends, Shift+Enter is a new line. `capture`: seen before an editor library's own Enter handling. */
const enterSends = (send: () => void, capture = false) => (event: KeyboardEvent) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    if (capture) event.stopPropagation();
    send();
  }
};

/** Preact's own input: a textarea (standard, unknown) or a contenteditable (editable). */
function NativeComposer({ layout, naming, onSend }: { layout: DemoLayout; naming: Naming; onSend: (text: string) => void }) {
  const { cls } = naming;
  const [draft, setDraft] = useState('');
  const editable = useRef<HTMLDivElement>(null);
  useEffect(() => registerComposerText(() => draft), [draft]);

  const send = () => {
    if (!draft.trim()) return;
    onSend(draft);
    setDraft('');
    if (editable.current) editable.current.textContent = '';
  };
  const onKeyDown = enterSends(send);

  return (
    <div class={cls('composer')}>
      {layout === 'editable' ? (
        <div
          ref={editable}
          class={cls('composer-input')}
          contentEditable
          role="textbox"
          aria-label="输入消息"
          data-placeholder={PLACEHOLDER}
          onInput={(e) => setDraft((e.currentTarget as HTMLElement).innerText.replace(/\n$/, ''))}
          onKeyDown={onKeyDown}
        />
      ) : (
        <textarea
          class={cls('composer-input')}
          placeholder="输入消息，Enter 发送，Shift+Enter 换行"
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      )}
      <SendBar cls={cls} draft={draft} onSend={send} />
    </div>
  );
}

/** The count and the Send button under every kind of chat input: Send is enabled only with something to send. */
function SendBar({ cls, draft, onSend }: { cls: Naming['cls']; draft: string; onSend: () => void }) {
  return (
    <div class="composer-bar">
      <span class="composer-count">{draft.length}/500</span>
      <button type="button" class={cls('composer-send')} onClick={onSend} disabled={!draft.trim()}>
        发送
      </button>
    </div>
  );
}

/**
 * The element an editor library renders into. Preact renders it once and never again, so the console's
 * re-renders leave the library's DOM alone (as a real console embeds a third-party editor).
 */
class EditorHost extends Component<{ className: string; hostRef: RefObject<HTMLDivElement | null> }> {
  override shouldComponentUpdate() {
    return false;
  }
  override render() {
    return <div class={this.props.className} ref={this.props.hostRef} />;
  }
}

/**
 * A chat input built with a real editor library (demo/composers/), loaded when this layout is used. The host
 * carries `composer-input`, as a console's wrapper often does; the editable is inside it. Send reads the
 * editor's model at the moment of the click; the counter and the button's state mirror it on every change.
 */
function LibraryComposer({ kind, naming, onSend }: { kind: EditorLayout; naming: Naming; onSend: (text: string) => void }) {
  const { cls } = naming;
  const [host] = useState(() => createRef<HTMLDivElement>());
  const handle = useRef<ComposerHandle | null>(null);
  const [draft, setDraft] = useState('');

  useEffect(() => {
    let alive = true;
    const unregister = registerComposerText(() => handle.current?.text() ?? '');
    loadComposer(kind).then(
      (mount) => {
        if (alive && host.current) handle.current = mount(host.current, { placeholder: PLACEHOLDER, onChange: setDraft });
      },
      (error: unknown) => console.error('composer failed to load', error),
    );
    return () => {
      alive = false;
      unregister();
      handle.current?.destroy();
      handle.current = null;
    };
  }, [kind, host]);

  const send = () => {
    const editor = handle.current;
    const text = editor?.text() ?? '';
    if (!editor || !text.trim()) return;
    onSend(text);
    editor.clear();
    setDraft('');
  };

  return (
    <div class={cls('composer')} onKeyDownCapture={enterSends(send, true)}>
      <EditorHost className={`${cls('composer-input')} composer-input--library composer-input--${kind}`} hostRef={host} />
      <SendBar cls={cls} draft={draft} onSend={send} />
    </div>
  );
}
