/**
 * The Pinduoduo fixture console: a live Vue 2 page, deterministic, with times relative to the load.
 *
 * Query parameters (before the `#/` route): `now=2026-09-08T10:00:00%2B08:00` freezes the clock (saved HTML);
 * `open=none` opens no conversation (the empty console). In the page's own world, for tests:
 * `window.__fixture = { buyerWrites(text), sent(), arrive() }`.
 */
import Vue, { type VNode } from 'vue2';
import { MALL_NAME, AGENT_NAME, initialState, newArrival, nextId, type ChatState, type Conv, type Msg } from './chat-data';
import { ChatList, ChatWindow } from './components';
import './style.css';

const params = new URLSearchParams(location.search);
const fixedNow = params.get('now') ? Date.parse(params.get('now')!) : null;
if (fixedNow !== null && Number.isNaN(fixedNow)) throw new Error(`now=${params.get('now')} is no date`);
let frozenTicks = 0;
/** The real time; with `now=`, that moment, and a second later for each new message. */
const clockNow = () => (fixedNow === null ? Date.now() : fixedNow + 1000 * frozenTicks);
const clock = Vue.observable({ now: clockNow() });

// A real console reloads its history from the server; this one keeps it in sessionStorage, so a reload shows
// the same conversations and the same message ids. Not with `now=`: saved HTML starts afresh every time.
const STORAGE_KEY = 'kefu-fixture:pinduoduo';
function load(): ChatState {
  if (fixedNow === null) {
    try {
      const saved = sessionStorage.getItem(STORAGE_KEY);
      if (saved) return JSON.parse(saved) as ChatState;
    } catch {
      // Nothing saved: a fresh start.
    }
  }
  return initialState(clock.now, params.get('open') !== 'none');
}
const loaded = load();
// Rows never change once in the thread: Vue need not watch their fields (frozen before Vue sees them).
for (const conv of loaded.convs) conv.messages.forEach((m) => Object.freeze(m));
const state = Vue.observable(loaded);

function save() {
  if (fixedNow === null) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
}

function post(conv: Conv, from: Msg['from'], text: string): void {
  if (fixedNow !== null) frozenTicks++;
  clock.now = clockNow();
  conv.messages.push(Object.freeze({ id: nextId(state, clock.now), from, at: clock.now, text }));
  save();
}

const openConv = () => state.convs.find((c) => c.uid === state.openUid);

new Vue({
  render(h): VNode {
    const conv = openConv();
    return h('div', { attrs: { id: 'app' }, class: 'chat-merchant' }, [
      h('div', { class: 'header-bar' }, [h('span', { class: 'mall-name' }, MALL_NAME), h('span', { class: 'cs-name' }, AGENT_NAME)]),
      h('div', { class: 'chat-body' }, [
        h(ChatList, {
          props: { convs: state.convs, openUid: state.openUid, now: clock.now },
          on: {
            open: (uid: string) => {
              state.openUid = uid;
              save();
            },
          },
        }),
        conv
          ? h(ChatWindow, {
              key: conv.uid,
              props: { conv },
              on: {
                send: (text: string) => {
                  state.sent.push(text);
                  post(conv, 'shop', text);
                },
              },
            })
          : h('div', { class: 'chat-empty' }, '暂无会话，请在左侧选择一位消费者'),
      ]),
    ]);
  },
}).$mount('#app');

// Wait marks count up as on the real page.
if (fixedNow === null) setInterval(() => (clock.now = Date.now()), 1000);

const fixture = {
  /** The open conversation's buyer writes `text` now. */
  buyerWrites(text: string): void {
    const conv = openConv();
    if (!conv) throw new Error('no conversation is open');
    post(conv, 'buyer', text);
  },
  /** The texts the console's own Send sent, oldest first. */
  sent: (): string[] => [...state.sent],
  /** A new buyer writes now in a new conversation, not opened; its id (the buyer's uid). */
  arrive(): string {
    if (fixedNow !== null) frozenTicks++;
    clock.now = clockNow();
    const conv = newArrival(state, clock.now);
    state.convs.push(conv);
    save();
    return conv.uid;
  },
};
(window as unknown as { __fixture: typeof fixture }).__fixture = fixture;
