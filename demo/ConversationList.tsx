import type { Naming } from './App';
import { Simulation, type DemoConversation } from './sim';

export function ConversationList(props: {
  conversations: DemoConversation[];
  activeId: string | null;
  now: number;
  naming: Naming;
  /** Waiting buyers marked "待回复", without the time they started waiting (demo/layout.ts). */
  waitingMarks?: boolean;
  onOpen: (id: string) => void;
}) {
  const { cls, data } = props.naming;
  return (
    <nav class={cls('conv-list')}>
      <div class="conv-list-title">当前会话 ({props.conversations.length})</div>
      <ul>
        {props.conversations.map((conv) => {
          const since = Simulation.waitingSince(conv);
          const waited = since === null ? null : Math.max(0, Math.floor((props.now - since) / 1000));
          const last = conv.messages.at(-1);
          const attrs = { [data('conv-id')]: conv.id };
          return (
            <li
              key={conv.id}
              {...attrs}
              class={`${cls('conv-item')}${conv.id === props.activeId ? ` ${cls('conv-item--active')}` : ''}`}
              onClick={() => props.onOpen(conv.id)}
            >
              <div class="conv-line">
                <span class={cls('conv-name')}>{conv.buyerName}</span>
                {conv.unread > 0 && <span class={cls('conv-unread')}>{conv.unread}</span>}
              </div>
              <div class="conv-line conv-line--sub">
                <span class="conv-preview">{last?.text ?? ''}</span>
                {since !== null && props.waitingMarks && <span class={cls('conv-waiting-mark')}>待回复</span>}
                {since !== null && waited !== null && !props.waitingMarks && (
                  <time class={`${cls('conv-wait')}${waited >= 30 ? ' conv-wait--late' : ''}`} dateTime={new Date(since).toISOString()}>
                    {formatWait(waited)}
                  </time>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function formatWait(seconds: number): string {
  return seconds < 60 ? `已等 ${seconds} 秒` : `已等 ${Math.floor(seconds / 60)} 分 ${seconds % 60} 秒`;
}
