/** @jsxImportSource react */
import { useEffect, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { MessageList } from './MessageList';
import { actions, clock, clockIsFixed, lastActivity, listClock, store, waitingSince, type Conversation } from './store';

/**
 * Douyin 飞鸽's workspace as CONSOLES.md describes it: the conversation list
 * (`[data-qa-id="qa-conversation-chat-item"]`), the buyer's name in `#topbar-left-info`, the thread
 * (`[data-qa-id="qa-message-warpper"] > div[data-id]`, `.messageNotMe` / `.messageIsMe`, text in `pre`, times and
 * system rows under generated class names), and the React-controlled `textarea[data-qa-id="qa-send-message-textarea"]`
 * with its Send `div[data-qa-id="qa-send-message-button"]` (Enter sends too, Shift+Enter is a new line).
 * Everything else (the header's shop, the row's id, selected and waiting marks, the robot tag, the order panel) is
 * invented, kept plausible and minimal; generated class names look like the console's (`name_hash`).
 */
function useNow(): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (clockIsFixed) return;
    const timer = setInterval(() => setNow(clock()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function App() {
  const state = useSyncExternalStore(store.subscribe, store.get);
  const now = Math.max(useNow(), ...state.conversations.map(lastActivity));
  const open = state.conversations.find((c) => c.id === state.openId) ?? null;
  const list = [...state.conversations].sort((a, b) => lastActivity(b) - lastActivity(a));
  return (
    <div className="workspace_8Hq2d">
      <header className="header_2Zc7T">
        <div className="logo_m3Kp1">抖店 · 飞鸽</div>
        <div className="shopInfo_4hT2s">
          <span className="shopName_2mQ8v">{state.shopName}</span>
          <span className="shopId_5rT3w">店铺ID：{state.shopId}</span>
        </div>
        <div className="agent_9qW2e">{state.agentName} · 在线</div>
      </header>
      <div className="main_6tB1c">
        <aside className="sidebar_1pQ7z">
          <div className="tabs_8mN3x">
            <div data-qa-id="qa-active-chat-tab" className="tab_2kD9s tabActive_7hV2b">
              当前会话 {list.length}
            </div>
            <div data-qa-id="qa-last-chat-tab" className="tab_2kD9s">
              最近联系
            </div>
          </div>
          <div className="list_items_3vR8t">
            {list.map((c) => (
              <ConversationCard key={c.id} conversation={c} selected={c.id === state.openId} now={now} />
            ))}
          </div>
        </aside>
        <section className="chat_5sJ2m">
          {open ? <Chat conversation={open} now={now} agentName={state.agentName} /> : <div className="emptyChat_0vT4d">暂无进行中的会话，请在左侧选择一位用户</div>}
        </section>
        <aside className="rightPanel_2gH6y">
          {open ? (
            <div className="orderCard_3kP9s">
              <div className="panelTitle_5fR1w">订单信息</div>
              {open.orderNumber ? (
                <div>
                  订单编号 <span className="orderId_8sD2f">{open.orderNumber}</span>
                </div>
              ) : (
                <div className="panelEmpty_1cX7v">该用户暂无订单</div>
              )}
            </div>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

function ConversationCard({ conversation: c, selected, now }: { conversation: Conversation; selected: boolean; now: number }) {
  const waiting = waitingSince(c) !== null;
  const last = c.messages.at(-1);
  const classes = ['conversationCard_eP9Ji', waiting ? 'needReply_Je7Hy' : '', selected ? 'selected_fT3cL' : ''].filter(Boolean).join(' ');
  return (
    <div data-qa-id="qa-conversation-chat-item" data-conversation-id={c.id} className={classes} onClick={() => actions.open(c.id)}>
      <span className="auxo-badge">
        <span className="avatar_zHhRm">{[...c.buyer][0]}</span>
        {c.unread > 0 ? <sup className="auxo-badge-count">{c.unread}</sup> : null}
      </span>
      <div className="cardContent_t1Fuq">
        <div className="nameLine_Q8pQw" title={c.buyer}>
          <span className="nameContent_Df2Cy">{c.buyer}</span>
          <div className={`timerParticular_Xj4At ${waiting ? 'timerWaiting_Cq8Zr' : ''}`}>{listClock(c, now)}</div>
        </div>
        <div className="msgContent_Jq3Ew">
          <span>{last ? (last.kind === 'robot' ? `[机器人回复] ${last.text}` : last.text) : ''}</span>
        </div>
      </div>
    </div>
  );
}

function Chat({ conversation: c, now, agentName }: { conversation: Conversation; now: number; agentName: string }) {
  const [draft, setDraft] = useState('');
  useEffect(() => setDraft(''), [c.id]);
  // The console sends what its own state holds: text put into the textarea without an input event is lost.
  const send = () => {
    if (actions.send(draft)) setDraft('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    send();
  };
  return (
    <>
      <div className="topbar_6Lm2n">
        <div id="topbar-left-info">{c.buyer}</div>
        <div className="topbarRight_3Wq8p">转接 · 结束会话</div>
      </div>
      <MessageList conversationId={c.id} messages={c.messages} now={now} agentName={agentName} />
      <div className="editor_8Rt4k">
        <div className="toolbar_2Yx6c">表情 · 图片 · 快捷短语</div>
        <textarea data-qa-id="qa-send-message-textarea" className="textarea_5Hn1q" placeholder="请输入消息，按Enter发送，Shift+Enter换行" value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} />
        <div className="editorFooter_7Dk3v">
          <div data-qa-id="qa-send-message-button" className="sendButton_1Mz9t" onClick={send}>
            发送
          </div>
        </div>
      </div>
    </>
  );
}
