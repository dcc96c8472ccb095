/**
 * Pinduoduo 多多客服's chat page as public code shows it (../../../../shared/CONSOLES.md), in Vue 2 render
 * functions: the conversation list in its groups, the thread, the reply box. Elements, classes, ids and
 * attributes named by CONSOLES.md are kept exactly; what it leaves open (wrappers, the groups' titles, the
 * header with the shop's name, the cards' insides) is minimal, and the wrapper `.merchantMessage` comes
 * from a public calibration of the real page (2026-09).
 */
import Vue, { type CreateElement, type PropType, type VNode } from 'vue2';
import { AGENT_NAME, TIMEOUT_MS, groupOf, listTime, messageTime, preview, waitText, waitingSince, type Conv, type Group, type Msg } from './chat-data';

const GROUPS: { group: Group; title: string; list: string }[] = [
  { group: 'unTimeout', title: '超时未回复', list: 'timeout-unreply' },
  { group: 'unRead', title: '5分钟内未回复', list: 'five-minute' },
  { group: 'reply', title: '最近联系', list: 'already-reply' },
];

export const ChatList = Vue.extend({
  props: {
    convs: { type: Array as PropType<Conv[]>, required: true },
    openUid: { type: String as PropType<string | null>, default: null },
    now: { type: Number, required: true },
  },
  methods: {
    row(h: CreateElement, conv: Conv, group: Group): VNode {
      const last = conv.messages.filter((m) => m.from !== 'system').at(-1);
      const since = waitingSince(conv);
      const waited = since === null ? 0 : this.now - since;
      const mark = since === null ? null : waited >= TIMEOUT_MS ? h('div', { class: 'chat-unreply-over-time' }, waitText(waited)) : h('p', { class: 'chat-unreply-time' }, waitText(waited));
      return h('li', { key: conv.uid, class: 'chat-item' }, [
        h(
          'div',
          {
            class: ['chat-item-box', 'transition', { active: conv.uid === this.openUid }],
            attrs: { 'data-random': `${conv.uid}-0-${group}` },
            on: { click: () => this.$emit('open', conv.uid) },
          },
          [
            h('div', { class: 'chat-avatar' }, conv.name.slice(0, 1)),
            h('div', { class: 'chat-detail' }, [
              h('div', { class: 'chat-nickname' }, [h('span', { class: 'nickname-span' }, conv.name)]),
              h('div', { class: 'bottom-message' }, [h('p', { class: 'chat-message-content' }, preview(last))]),
            ]),
            h('div', { class: 'chat-time' }, [h('p', { class: 'item-note' }, last ? listTime(last.at, this.now) : ''), mark]),
          ],
        ),
      ]);
    },
  },
  render(h): VNode {
    const lastAt = (c: Conv) => c.messages.at(-1)?.at ?? 0;
    const sorted = [...this.convs].sort((a, b) => lastAt(b) - lastAt(a));
    return h(
      'div',
      { class: 'chat-list' },
      GROUPS.map(({ group, title, list }) => {
        const items = sorted.filter((c) => groupOf(c, this.now) === group);
        return h('div', { key: list, class: 'chat-group' }, [
          h('div', { class: 'chat-group-title' }, `${title} (${items.length})`),
          h(
            'ul',
            { class: list },
            items.map((c) => this.row(h, c, group)),
          ),
        ]);
      }),
    );
  },
});

function content(h: CreateElement, m: Msg): VNode {
  if (m.card?.kind === 'goods') {
    return h('div', { class: 'msg-content good-card' }, [h('div', { class: 'good-thumb' }), h('p', { class: 'good-name' }, m.card.title), h('p', { class: 'good-price' }, '¥29.90')]);
  }
  if (m.card?.kind === 'order') {
    return h('div', { class: 'msg-content commonCard' }, [h('p', { class: 'card-title' }, m.card.title), h('p', { class: 'card-order-sn' }, `订单编号：${m.card.orderSn}`)]);
  }
  return h('div', { class: 'msg-content' }, [h('p', { class: 'msg-content-box' }, m.text)]);
}

function messageRow(h: CreateElement, m: Msg, uid: string): VNode {
  // System rows carry no time and no buyer uid, as in the calibrated page.
  const inner =
    m.from === 'system'
      ? [h('div', { class: 'system-msg-31' }, [h('span', m.text)])]
      : [
          h('p', { class: 'message-time' }, messageTime(m.at)),
          h('div', { class: m.from === 'buyer' ? 'buyer-item' : m.from === 'robot' ? 'cs-item isread callback' : 'cs-item isread' }, [
            h('span', [m.from === 'buyer' ? h('i', { class: 'avatar' }) : h('p', { class: 'nickname' }, [h('span', m.from === 'robot' ? { class: 'robot-text' } : {}, m.from === 'robot' ? '机器人' : AGENT_NAME)])]),
            h('div', { attrs: { currentuid: uid } }, [content(h, m), h('div', { staticStyle: { clear: 'both' } })]),
          ]),
        ];
  return h('li', { key: m.id, class: 'clearfix onemsg', attrs: { id: `middlePanel_list_${m.id}` } }, [h('div', { class: 'merchantMessage' }, inner)]);
}

/** The thread alone: typing in the reply box re-renders the box, not 300 rows. */
const MsgList = Vue.extend({
  props: { conv: { type: Object as PropType<Conv>, required: true } },
  render(h): VNode {
    return h('ul', { class: 'msg-list' }, this.conv.messages.map((m) => messageRow(h, m, this.conv.uid)));
  },
});

export const ChatWindow = Vue.extend({
  props: { conv: { type: Object as PropType<Conv>, required: true } },
  data: () => ({ draft: '' }),
  mounted() {
    this.toBottom();
  },
  methods: {
    toBottom() {
      const box = this.$refs.container as HTMLElement | undefined;
      if (box) box.scrollTop = box.scrollHeight;
    },
    /** Sends what Vue's model holds: text put in the textarea without an input event is not in it. */
    send() {
      const text = this.draft;
      if (!text.trim()) return;
      this.$emit('send', text);
      this.draft = '';
      this.$nextTick(() => this.toBottom());
    },
    keydown(event: KeyboardEvent) {
      if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
      event.preventDefault();
      this.send();
    },
  },
  watch: {
    'conv.messages'() {
      this.$nextTick(() => this.toBottom());
    },
  },
  render(h): VNode {
    return h('div', { class: 'chat-window' }, [
      h('div', { class: 'chatWindowHeader' }, [h('div', { class: 'base-info' }, [h('span', { class: 'name' }, this.conv.name)])]),
      h('div', { attrs: { id: 'msgListContainer' }, ref: 'container' }, [h(MsgList, { props: { conv: this.conv } })]),
      h('div', { class: 'reply-box' }, [
        // What the template `<textarea id="replyTextarea" v-model="draft">` compiles to.
        h('textarea', {
          attrs: { id: 'replyTextarea', placeholder: '请输入回复内容，Enter发送，Shift+Enter换行' },
          directives: [{ name: 'model', value: this.draft, expression: 'draft' }],
          domProps: { value: this.draft },
          on: {
            input: (event: Event) => {
              const target = event.target as HTMLTextAreaElement & { composing?: boolean };
              if (target.composing) return;
              this.draft = target.value;
            },
            keydown: this.keydown,
          },
        }),
        h('div', { class: 'send-btn', on: { click: this.send } }, '发送'),
      ]),
    ]);
  },
});
