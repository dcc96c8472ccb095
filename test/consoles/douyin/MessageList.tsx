/** @jsxImportSource react */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { chatTime, layout, type Message } from './store';

/**
 * The thread as a virtualised list that recycles its rows, as long-history chat consoles draw it (the way
 * vue-virtual-scroller's RecycleScroller does): only the rows in view (and a few around them) are in the DOM,
 * each placed by `transform: translateY()`. Row elements are views of a pool, keyed by view: a row that leaves
 * the window frees its view, and the next row that enters takes it, so a scroll or a new message makes an element
 * show another message (its data-id, text and time change in place) and the DOM order is not the thread's order.
 */
const OVERSCAN_PX = 160;
const LINE_CHARS = 22;

/** Rows have the height this says (the row clips to it): deterministic, no measuring. */
function rowHeight(m: Message): number {
  if (m.kind === 'system') return 64;
  const lines = Math.max(1, Math.ceil([...m.text].length / LINE_CHARS));
  return (m.kind === 'buyer' ? 0 : 20) + lines * 22 + 16 + 22 + 16;
}

export function MessageList({ conversationId, messages, now, agentName }: { conversationId: string; messages: Message[]; now: number; agentName: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const views = useRef<{ key: number; messageId: string | null }[]>([]);
  const [view, setView] = useState({ top: 0, height: 600 });
  const { offsets, total } = useMemo(() => {
    const offsets: number[] = [];
    let total = 0;
    for (const m of messages) {
      offsets.push(total);
      total += rowHeight(m);
    }
    return { offsets, total };
  }, [messages]);

  // A conversation opens at its newest message; a new message keeps the thread at the bottom if it was there.
  useLayoutEffect(() => {
    atBottom.current = true;
  }, [conversationId]);
  useLayoutEffect(() => {
    const el = scroller.current!;
    if (atBottom.current) el.scrollTop = Math.max(0, total - el.clientHeight);
    setView({ top: el.scrollTop, height: el.clientHeight });
  }, [conversationId, total]);
  useLayoutEffect(() => {
    const el = scroller.current!;
    const resize = new ResizeObserver(() => setView({ top: el.scrollTop, height: el.clientHeight }));
    resize.observe(el);
    return () => resize.disconnect();
  }, []);

  const onScroll = () => {
    const el = scroller.current!;
    atBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
    setView({ top: el.scrollTop, height: el.clientHeight });
  };

  // Stuck to the bottom, the window is where the scroll is about to be: a new message takes the view of the row it
  // pushes out in this very render.
  const top = atBottom.current ? Math.max(0, total - view.height) : view.top;
  let start = 0;
  while (start < messages.length - 1 && offsets[start]! + rowHeight(messages[start]!) < top - OVERSCAN_PX) start++;
  let end = start;
  while (end < messages.length && offsets[end]! < top + view.height + OVERSCAN_PX) end++;
  const wanted = new Map<string, number>();
  for (let i = start; i < end; i++) wanted.set(messages[i]!.id, i);
  // Views whose message left the window are freed and given to the messages that entered it: first the views freed
  // just now (their elements are in the DOM, and are reused), then older free ones, then new ones.
  const pool = views.current;
  const freed = pool.filter((v) => v.messageId !== null && !wanted.has(v.messageId));
  const idle = pool.filter((v) => v.messageId === null);
  for (const v of freed) v.messageId = null;
  const shown = new Set(pool.map((v) => v.messageId));
  const free = [...freed, ...idle];
  for (const id of wanted.keys()) {
    if (shown.has(id)) continue;
    let v = free.shift();
    if (!v) pool.push((v = { key: pool.length, messageId: null }));
    v.messageId = id;
  }

  return (
    <div className="messageScroller_9dLq2" ref={scroller} onScroll={onScroll}>
      <div className="messageListInner_4nVx8" style={{ height: total }}>
        {pool.map((v) => {
          const i = v.messageId === null ? undefined : wanted.get(v.messageId);
          return i === undefined ? null : <MessageRow key={v.key} message={messages[i]!} top={offsets[i]!} height={rowHeight(messages[i]!)} now={now} agentName={agentName} />;
        })}
      </div>
    </div>
  );
}

function MessageRow({ message: m, top, height, now, agentName }: { message: Message; top: number; height: number; now: number; agentName: string }) {
  const qaId = layout === 'renamed' ? 'qa-message-wrapper' : 'qa-message-warpper';
  const time = <div className="chatTime_3fX9a">{chatTime(m.at, now)}</div>;
  if (m.kind === 'system') {
    return (
      <div data-qa-id={qaId} className="msgItemWrap_k2P9d" style={{ transform: `translateY(${top}px)`, height }}>
        <div data-id={m.id} className="messageItem_tC9a6">
          {time}
          <div className="systemMsg_8kQ2p">
            <span>{m.text}</span>
          </div>
        </div>
      </div>
    );
  }
  const isMe = m.kind !== 'buyer';
  return (
    <div data-qa-id={qaId} className="msgItemWrap_k2P9d" style={{ transform: `translateY(${top}px)`, height }}>
      <div data-id={m.id} className="messageItem_tC9a6">
        <div className="messageRow_Ie29C" style={{ flexDirection: isMe ? 'row-reverse' : 'row' }}>
          <div className={`avatar_xPPA9 ${m.kind === 'robot' ? 'avatarRobot_Rv4rA' : ''}`}>{isMe ? (m.kind === 'robot' ? '智' : '店') : '买'}</div>
          <div className="messageBody_7uLyE" style={{ alignItems: isMe ? 'flex-end' : 'flex-start' }}>
            {isMe && (
              <div className="senderLine_gow1k">
                {/* The robot marker (CONSOLES.md names none): a tag "机器人回复" above the robot's bubble. */}
                {m.kind === 'robot' ? <span className="robotTag_5pV2x">机器人回复</span> : null}
                <span className="senderName_6gW1k">{m.kind === 'robot' ? '智能客服' : agentName}</span>
              </div>
            )}
            <div className={`bubble_iD7SH ${isMe ? 'messageIsMe' : 'messageNotMe'}`}>
              <pre>{m.text}</pre>
            </div>
            {time}
          </div>
        </div>
      </div>
    </div>
  );
}
