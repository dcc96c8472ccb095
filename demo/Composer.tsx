import { useRef, useState } from 'preact/hooks';
import type { Naming } from './App';
import type { DemoLayout } from './layout';

/**
 * The shop's chat input. Like a real console's, it is controlled by the framework: Send sends the
 * component's state, and every re-render writes that state back into the input, so text put into the
 * DOM without the events the framework listens to is lost.
 */
export function Composer({ layout, naming, onSend }: { layout: DemoLayout; naming: Naming; onSend: (text: string) => void }) {
  const { cls } = naming;
  const [draft, setDraft] = useState('');
  const editable = useRef<HTMLDivElement>(null);

  const send = () => {
    if (!draft.trim()) return;
    onSend(draft);
    setDraft('');
    if (editable.current) editable.current.textContent = '';
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <div class={cls('composer')}>
      {layout === 'editable' ? (
        <div
          ref={editable}
          class={cls('composer-input')}
          contentEditable
          role="textbox"
          aria-label="输入消息"
          data-placeholder="输入消息，Enter 发送"
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
      <div class="composer-bar">
        <span class="composer-count">{draft.length}/500</span>
        <button type="button" class={cls('composer-send')} onClick={send} disabled={!draft.trim()}>
          发送
        </button>
      </div>
    </div>
  );
}
