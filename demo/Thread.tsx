import { useEffect, useRef } from 'preact/hooks';
import type { Naming } from './App';
import type { DemoConversation } from './sim';

const LABEL = { buyer: '', shop: '', robot: '[自动回复] ', system: '' } as const;

export function Thread({ conversation, naming }: { conversation: DemoConversation; naming: Naming }) {
  const { cls, data } = naming;
  const list = useRef<HTMLDivElement>(null);
  const count = conversation.messages.length;
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [count, conversation.id]);
  return (
    <div class={cls('msg-list')} ref={list}>
      {conversation.messages.map((m) => {
        const attrs = { [data('msg-id')]: m.id };
        return (
          <div key={m.id} {...attrs} class={`${cls('msg')} ${cls(`msg--${m.sender}`)}`}>
            <div class={cls('msg-meta')}>
              <time dateTime={new Date(m.at).toISOString()}>{new Date(m.at).toLocaleTimeString('zh-CN', { hour12: false })}</time>
            </div>
            <div class={cls('msg-bubble')}>
              {LABEL[m.sender] && <span class="msg-label">{LABEL[m.sender]}</span>}
              <span class={cls('msg-text')}>{m.text}</span>
            </div>
          </div>
        );
      })}
    </div>
  );
}
