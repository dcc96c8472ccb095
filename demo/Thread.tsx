import { useEffect, useRef } from 'preact/hooks';
import type { Naming } from './App';
import type { DemoConversation, DemoMessage } from './sim';

const LABEL = { buyer: '', shop: '', robot: '[自动回复] ', system: '' } as const;
/** Rows a virtualised list draws: the newest ones, the rest are not in the page at all. */
const VIRTUAL_ROWS = 30;

/**
 * The open conversation's messages. `virtual`: only the newest rows are drawn, in a fixed pool of row
 * elements keyed by their slot, so a new message moves every message one slot up: the same elements get
 * other message ids and texts, as a recycling list does. `clockTimes`: "14:02" only, no datetime.
 */
export function Thread({ conversation, naming, virtual = false, clockTimes = false }: { conversation: DemoConversation; naming: Naming; virtual?: boolean; clockTimes?: boolean }) {
  const { cls, data } = naming;
  const list = useRef<HTMLDivElement>(null);
  const count = conversation.messages.length;
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [count, conversation.id]);
  const shown = virtual ? conversation.messages.slice(-VIRTUAL_ROWS) : conversation.messages;
  const row = (m: DemoMessage, key: string | number) => {
    const attrs = { [data('msg-id')]: m.id };
    const at = new Date(m.at);
    return (
      <div key={key} {...attrs} class={`${cls('msg')} ${cls(`msg--${m.sender}`)}`}>
        <div class={cls('msg-meta')}>
          {clockTimes ? (
            <time>{at.toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit' })}</time>
          ) : (
            <time dateTime={at.toISOString()}>{at.toLocaleTimeString('zh-CN', { hour12: false })}</time>
          )}
        </div>
        <div class={cls('msg-bubble')}>
          {LABEL[m.sender] && <span class="msg-label">{LABEL[m.sender]}</span>}
          <span class={cls('msg-text')}>{m.text}</span>
        </div>
      </div>
    );
  };
  return (
    <div class={`${cls('msg-list')}${virtual ? ' msg-list--virtual' : ''}`} ref={list}>
      {/* Keyed by slot in a virtual list: Preact reuses each element for whichever message sits there now. */}
      {shown.map((m, i) => row(m, virtual ? i : m.id))}
    </div>
  );
}
