/**
 * JD 咚咚 (dongdong web) rebuilt from public evidence (../shared/CONSOLES.md; the nesting CONSOLES.md leaves
 * out follows a public read-only capture of the logged-in page, 2026-09-07). Plain DOM, no framework, as
 * the console builds its page: this script creates and updates the elements itself.
 *
 * URL parameters (tests): `now` (an ISO instant: the page's clock starts there, so saved HTML is
 * reproducible), `open` (`none`: no conversation open; or a buyer's pin). Without `now` the page keeps its
 * conversations in sessionStorage, so a reload shows the same ones, as the console reloads them from its
 * server.
 *
 * `window.__fixture` (the page's own world): `buyerWrites(text)`, the open conversation's buyer writes
 * now; `sent()`, what the console's own Send sent, oldest first; `arrive()`, a new buyer writes in a new
 * conversation that is not open, returning its conversation id (the buyer's pin, as the adapter reads it).
 */
import { addMessage, arrival, initialConversations, printTime, SHOP_NAME, VENDER_ID, WAITER, waitingSince, type Conversation, type Message } from './data';
import './style.css';

interface State {
  conversations: Conversation[];
  open: string | null;
  sent: string[];
  arrivals: number;
}

const STORE = 'kefu-fixture-jd';
const params = new URLSearchParams(location.search);
const fixedNow = Date.parse(params.get('now') ?? '');
const loadedAt = Date.now();
/** The page's clock: the real one, or one started at `?now=`. */
const clock = () => (Number.isNaN(fixedNow) ? Date.now() : fixedNow + (Date.now() - loadedAt));

function initialState(): State {
  if (Number.isNaN(fixedNow)) {
    try {
      const saved = sessionStorage.getItem(STORE);
      if (saved) return JSON.parse(saved) as State;
    } catch {
      // No storage, or a broken entry: start afresh.
    }
  }
  const conversations = initialConversations(clock());
  const wanted = params.get('open');
  const open = wanted === 'none' ? null : (conversations.find((c) => c.pin === wanted) ?? conversations[0]!).pin;
  return { conversations, open, sent: [], arrivals: 0 };
}

const state = initialState();

function save(): void {
  if (!Number.isNaN(fixedNow)) return;
  try {
    sessionStorage.setItem(STORE, JSON.stringify(state));
  } catch {
    // Storage full or off: the page still works, it only forgets on reload.
  }
}

// ---------------------------------------------------------------- DOM helpers

type Child = Node | string | null | false | undefined;

function h(tag: string, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  for (const child of children) if (child) el.append(child);
  return el;
}

function must<T extends Element>(el: T | null, what: string): T {
  if (!el) throw new Error(`jd fixture: ${what} missing`);
  return el;
}

// ---------------------------------------------------------------- the page's frame (built once)

const tabs = [
  h('div', { class: 'c_tabs-tab c_tabs-tab_check', title: '正在咨询' }, '正在咨询'),
  h('div', { class: 'c_tabs-tab', title: '历史咨询' }, '历史咨询'),
];
const currentStream = h('div', { class: 'c_stream-content' });
const historyStream = h('div', { class: 'c_stream-content' });
const panes = [
  h('div', { class: 'c_tabs-tabpane' }, h('div', { class: 'list-compatible' }, h('div', { class: 'c_stream' }, currentStream))),
  h('div', { class: 'c_tabs-tabpane c_tabs-tab_inactive' }, h('div', { class: 'list-compatible recent-user-w' }, h('div', {}, h('div', { class: 'c_stream' }, historyStream)))),
];
const allUserWrap = h(
  'div',
  { id: 't-alluser-wrap', class: 'alluser-wrap' },
  h('div', { class: 'c_tabs c_tabs-pos_top' }, h('div', { class: 'c_tabs-bar' }, h('div', { class: 'c_tabs-nav-container' }, ...tabs)), h('div', { class: 'c_tabs-content' }, ...panes)),
);
const search = h('div', { id: 't-ulist_search', class: 'search-wrap' }, h('input', { id: 't-search_input', type: 'text', placeholder: '搜索最近联系人' }));
const chatSide = h('div', { class: 'panel-content-left' });

// The chat column, built once and kept (the editor is one element for the page's life).
const headName = h('div', { class: 'chat-head-name' });
const productName = h('span', { class: 'name' });
const messages = h('div', { class: 'c-c' });
const scroller = h('div', { class: 'c-wrap' }, messages);
/** The real editor: `<div class="EditorContent " contenteditable="true"><br></div>`, no id, no role. */
const editor = h('div', { class: 'EditorContent ', contenteditable: 'true' }, h('br'));
const sendButton = h('span', { class: 'send-button' }, '发送');
const chatWrap = h(
  'div',
  { class: 'chat-wrap' },
  h('div', { class: 'chat-head' }, h('div', { class: 'chat-head-title' }, headName), h('div', { class: 'chat-product' }, productName, h('span', { class: 'copy-link' }, '复制链接'))),
  h(
    'div',
    { class: 'chat-content-w' },
    // `sc-kEYyzF geuhpn`: a styled-components name seen in the capture, generated, not a hook.
    h('div', { id: 't-chat-scroll', class: 'chat-scroll-wrap' }, h('div', { class: 'sc-kEYyzF geuhpn' }, scroller)),
    h('div', { class: 'editor-hori-divider' }),
    h(
      'div',
      { class: 'chat-foot' },
      h(
        'div',
        { class: 'EditorWrapper' },
        h('ul', { class: 'quick-emoji-w t-quick-emoji' }),
        h('div', { class: 'chat-foot-tool' }),
        h('div', { class: 'pell-editor-wrapper' }, editor),
        h(
          'div',
          { class: 'EditorFoot' },
          h('div', { class: 'SendButtonGroup' }, sendButton, h('span', { class: 'SendButton-icon' }, '▾'), h('div', { class: 'set-key-w', hidden: '' }, '按Enter键发送消息')),
        ),
      ),
    ),
  ),
);
const emptyChat = h('div', { class: 'chat-empty' }, '暂无会话');

must(document.getElementById('app'), '#app').replaceWith(
  h(
    'div',
    { class: 'root' },
    h(
      'div',
      { class: 'windows' },
      h(
        'div',
        { class: 'container' },
        h('header', { id: 't-body_header', class: 'theme-back-img' }, h('span', { class: 'header-logo' }, '京东咚咚'), h('span', { class: 'header-user' }, `${WAITER}（${SHOP_NAME}）`)),
        h(
          'div',
          { class: 'panel-content' },
          h('div', { class: 'nav-left' }),
          h('div', { class: 'ulist-wrap' }, search, allUserWrap),
          chatSide,
          h('div', { class: 'phrase-wrap' }, h('div', { class: 'phrase-title' }, '快捷短语')),
        ),
        h('div', { class: 'plugin-wrap' }),
      ),
    ),
  ),
);

// ---------------------------------------------------------------- rendering

const byPin = (pin: string | null) => state.conversations.find((c) => c.pin === pin) ?? null;

function row(conv: Conversation, now: number): HTMLElement {
  const last = conv.messages.at(-1);
  const since = waitingSince(conv);
  const open = conv.pin === state.open;
  return h(
    'div',
    { class: 'c_stream-item-w' },
    h(
      'div',
      { class: 'alluser-item-content' },
      h(
        'div',
        { id: `u_${conv.pin}imcustomer${VENDER_ID}`, class: `alluser-item t-item-h alluser-item__normal${open ? ' alluser-item_check t-item-ck alluser-current' : ''}` },
        h('div', { class: 'alluser-item-avatar-w' }, h('span', { class: 'alluser-item-avatar' }, conv.name.slice(0, 1)), conv.unread > 0 && h('span', { class: 'alluser-item-unread' }, String(conv.unread))),
        h(
          'div',
          { class: 'alluser-item-brief-w' },
          h(
            'div',
            { class: 'alluser-item-brief' },
            h('div', { class: 'alluser-item-name-w' }, h('span', { class: 'alluser-item-name over-elps t-color-2', title: conv.pin }, conv.name)),
            h('div', { class: 'alluser-item-date-w t-color-2' }, last ? printTime(last.at, now) : ''),
          ),
          h(
            'div',
            { class: 'alluser-item-breifmsg-w' },
            h(
              'span',
              { class: 'alluser-item-breifmsg' },
              since !== null && h('span', { class: 'user-none-reply-t', title: '未回复' }, printTime(since, now)),
              h('span', { class: 'alluser-item-breifdesc over-elps t-color-2', title: last?.text ?? '' }, last?.text ?? ''),
            ),
          ),
        ),
      ),
    ),
  );
}

function renderList(): void {
  const now = clock();
  const current = state.conversations.filter((c) => c.pane === 'current');
  const history = state.conversations.filter((c) => c.pane === 'history');
  currentStream.replaceChildren(h('div', { class: 'c_cas-head' }, `正在咨询(${current.length})`), ...current.map((c) => row(c, now)));
  historyStream.replaceChildren(h('div', { class: 'c_cas-head' }, `最近联系人(${history.length})`), ...history.map((c) => row(c, now)));
}

function messageRow(conv: Conversation, m: Message, now: number): HTMLElement {
  if (m.kind === 'divider') {
    return h(
      'div',
      { class: 'message' },
      h(
        'div',
        { class: 'message_center', id: m.id },
        h('div', { class: 'message_componet-center' }, h('div', { class: 'last-chat-divider' }, h('div', { class: 'last-chat-line last-chat-line-l' }), h('span', {}, m.text), h('div', { class: 'last-chat-line last-chat-line-r' }))),
      ),
    );
  }
  if (m.kind === 'system') {
    return h(
      'div',
      { class: 'message' },
      h('div', { id: m.id }, h('div', { class: 'message__system_wrap' }, h('div', { class: 'message__system_box' }, h('span', { class: 'message__system' }, m.text), h('div', { class: 'message__system_custom' })))),
    );
  }
  const right = m.kind === 'shop' || m.kind === 'robot';
  const side = right ? 'right' : 'left';
  const time = h('span', { class: 'message__time_str' }, printTime(m.at, now));
  const name = right ? (m.kind === 'robot' ? '智能客服' : WAITER) : conv.name;
  const nickname = h(
    'div',
    { class: 'message__nickname t-color-2' },
    ...(right ? [time, m.kind === 'robot' && h('span', { class: 'message__auto_tag' }, '[自动回复]'), ` ${name}`] : [`${name} `, time]),
  );
  const body =
    m.kind === 'card'
      ? h('div', { class: `message_componet-${side}` }, h('div', { class: 'CardWrapper ProductCard' }, h('div', {}, h('div', { class: 'product-copy' }, m.text), h('small', {}, m.price ?? ''))))
      : h(
          'div',
          { class: 'message-body' },
          h('pre', { class: `message__text message__text_${side} t-sl-msg-${side}` }, h('span', { class: 'message__content' }, m.text), right && h('div', { class: 'message__read_status read' }, '已读')),
        );
  return h('div', { class: 'message' }, h('div', { class: `message_${side}`, id: m.id }, nickname, h('img', { class: 'message__avatar', alt: '' }), body));
}

function scrollToEnd(): void {
  scroller.scrollTop = scroller.scrollHeight;
}

/** Shows the open conversation (or the empty console), with its draft back in the editor. */
function renderChat(): void {
  const conv = byPin(state.open);
  if (!conv) {
    chatSide.replaceChildren(emptyChat);
    return;
  }
  const now = clock();
  headName.replaceChildren(h('span', {}, conv.name), h('span', { class: 'consult-type' }, '[在线咨询]'), h('span', { class: 'chatHead-entering' }));
  productName.textContent = conv.product;
  messages.replaceChildren(...conv.messages.map((m) => messageRow(conv, m, now)));
  if (conv.draft) editor.textContent = conv.draft;
  else editor.replaceChildren(h('br'));
  if (chatWrap.parentElement !== chatSide) chatSide.replaceChildren(chatWrap);
  scrollToEnd();
}

/** A message arrives in or leaves from a conversation: appended to the thread if it is the open one. */
function post(conv: Conversation, kind: Message['kind'], text: string): void {
  const m = addMessage(conv, kind, clock(), text);
  if (conv.pin === state.open) {
    messages.append(messageRow(conv, m, clock()));
    scrollToEnd();
  } else if (kind === 'buyer') conv.unread++;
  renderList();
  save();
}

function open(pin: string): void {
  const conv = byPin(pin);
  if (!conv || pin === state.open) return;
  const previous = byPin(state.open);
  if (previous) previous.draft = editorText();
  state.open = pin;
  conv.unread = 0;
  renderList();
  renderChat();
  save();
}

// ---------------------------------------------------------------- the chat input and Send

/** The editor's text as the agent sees it (line breaks kept), as the console reads it to send. */
function editorText(): string {
  return (editor.innerText ?? editor.textContent ?? '').replace(/\u00a0/g, ' ').trim();
}

function send(): void {
  const conv = byPin(state.open);
  const text = editorText();
  if (!conv || !text) return;
  state.sent.push(text);
  conv.draft = '';
  editor.replaceChildren(h('br'));
  post(conv, 'shop', text);
}

sendButton.addEventListener('click', send);
editor.addEventListener('keydown', (event) => {
  // Enter sends (the console's default "按Enter键发送消息"); Shift+Enter is a new line; not while composing.
  if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
  event.preventDefault();
  send();
});

allUserWrap.addEventListener('click', (event) => {
  const target = event.target as Element;
  const tab = target.closest('.c_tabs-tab');
  if (tab) {
    const index = tabs.indexOf(tab as HTMLElement);
    tabs.forEach((t, i) => t.classList.toggle('c_tabs-tab_check', i === index));
    panes.forEach((p, i) => p.classList.toggle('c_tabs-tab_inactive', i !== index));
    return;
  }
  const item = target.closest('.alluser-item');
  const pin = item ? state.conversations.find((c) => item.id === `u_${c.pin}imcustomer${VENDER_ID}`)?.pin : undefined;
  if (pin) open(pin);
});

// ---------------------------------------------------------------- the tests' hook

(window as unknown as { __fixture: unknown }).__fixture = {
  buyerWrites(text: string): void {
    const conv = byPin(state.open);
    if (!conv) throw new Error('jd fixture: no conversation is open');
    post(conv, 'buyer', text);
  },
  sent(): string[] {
    return [...state.sent];
  },
  arrive(): string {
    const conv = arrival(state.arrivals++, clock());
    state.conversations.unshift(conv);
    renderList();
    save();
    return conv.pin;
  },
};

renderList();
renderChat();
save();
