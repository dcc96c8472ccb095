/**
 * The fixture console's data: conversations built relative to "now" at load (so buyers wait now), deterministic
 * (no randomness), kept in sessionStorage so a reload shows the same conversations and message ids, as the real
 * console reloads them from its server. URL parameters:
 *   now=2026-09-08T10:00:00%2B08:00  a fixed clock (saved fixtures; nothing ticks, nothing is stored)
 *   open=none | <conversation id>      what is open at load (default: the first buyer, 糖糖妈咪)
 *   layout=renamed                     the message wrapper's qa id renamed (as if the console fixed its typo)
 *   shop=<digits>                      the shop id in the header (two tabs, two shops)
 */

export type Kind = 'buyer' | 'shop' | 'robot' | 'system';

export interface Message {
  id: string;
  kind: Kind;
  text: string;
  at: number;
}

export interface Conversation {
  id: string;
  /** A number of its own, for its message ids. */
  no: number;
  buyer: string;
  messages: Message[];
  unread: number;
  orderNumber?: string;
}

export interface State {
  shopId: string;
  shopName: string;
  agentName: string;
  conversations: Conversation[];
  openId: string | null;
  sent: string[];
  arrivals: number;
}

const params = new URLSearchParams(location.search);
const fixedNow = params.get('now') ? Date.parse(params.get('now')!) : null;
export const layout = params.get('layout') === 'renamed' ? 'renamed' : 'standard';
export const clockIsFixed = fixedNow !== null;
export const clock = (): number => fixedNow ?? Date.now();

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Douyin's ids are 19-digit numbers; these grow with each message of a conversation, as the server's do. */
export const conversationId = (no: number) => `7412093847561${String(no).padStart(6, '0')}`;
const messageId = (no: number, seq: number) => `7413${String(no).padStart(3, '0')}${String(seq).padStart(12, '0')}`;

function conversation(no: number, buyer: string, rows: [Kind, number, string][], extra: Partial<Conversation> = {}): Conversation {
  return { id: conversationId(no), no, buyer, unread: 0, ...extra, messages: rows.map(([kind, at, text], seq) => ({ id: messageId(no, seq + 1), kind, at, text })) };
}

const ROBOT_GREETING = '您好，欢迎光临小鹿家居～我是智能客服，人工客服马上为您服务';
const LONG_BUYER = ['这个柜子还有货吗？', '能开发票吗？', '快递到哪里了？', '可以便宜点吗？', '安装需要自己装吗？', '尺寸是多少的？', '有没有赠品呀', '门板有点划痕怎么办', '能改地址吗？', '好的谢谢'];
const LONG_SHOP = ['亲，有现货的哦', '可以开电子发票，下单备注抬头即可', '已经在派送中了，今天能到', '亲，现在有满减活动很划算哦', '包安装的，师傅会联系您', '宽80高180深40厘米', '送一套收纳盒哦', '亲，麻烦拍照发我们，给您补发门板', '发货前可以改的，已帮您改好', '不客气，祝您生活愉快～'];

/** The first load: five buyers, one open and waiting, two more waiting in the list, one with 320 messages of history. */
function initial(now: number): State {
  const T = now;
  // 320 rows over 30 days, 8 to a visit: the shop's agent joins, the buyer asks, the robot greets, the agent answers.
  const longRows: [Kind, number, string][] = [];
  for (let visit = 0; visit < 40; visit++) {
    const start = T - 12 * MINUTE - 7 * MINUTE - (39 - visit) * 18 * HOUR;
    const b = (i: number) => LONG_BUYER[(visit + i) % LONG_BUYER.length]!;
    const s = (i: number) => LONG_SHOP[(visit + i) % LONG_SHOP.length]!;
    const visitRows: [Kind, string][] = [['system', '客服 小鹿-老周 已接入'], ['buyer', b(0)], ['robot', ROBOT_GREETING], ['shop', s(0)], ['buyer', b(1)], ['shop', s(1)], ['buyer', b(2)], ['shop', s(2)]];
    visitRows.forEach(([kind, text], j) => longRows.push([kind, start + j * MINUTE + (visit % 7) * SECOND, text]));
  }
  const conversations = [
    conversation(1, '糖糖妈咪', [
      ['buyer', T - 3 * DAY - 2 * HOUR - 13 * MINUTE - 27 * SECOND, '请问这款收纳柜有优惠券吗？'],
      ['shop', T - 3 * DAY - 2 * HOUR - 12 * MINUTE - 15 * SECOND, '亲，店铺首页可以领满199减20的券哦'],
      ['buyer', T - 15 * HOUR - 37 * MINUTE - 12 * SECOND, '这款有白色的吗？'],
      ['robot', T - 15 * HOUR - 37 * MINUTE - 8 * SECOND, ROBOT_GREETING],
      ['shop', T - 15 * HOUR - 35 * MINUTE - 7 * SECOND, '亲，白色有现货的哦'],
      ['system', T - 20 * MINUTE, '用户已下单，订单号：6921834756102938475'],
      ['buyer', T - 18 * MINUTE - 10 * SECOND, '已经拍了，今天能发货吗？'],
      ['system', T - 18 * MINUTE, '客服 小鹿-阿青 已接入'],
      ['shop', T - 17 * MINUTE - 32 * SECOND, '亲，下午四点前付款当天发货哦～'],
      ['buyer', T - 40 * SECOND, '好的，能帮我备注送货上门吗？'],
      ['robot', T - 38 * SECOND, '您的消息已收到，客服正在快马加鞭赶来～'],
    ], { orderNumber: '6921834756102938475' }),
    conversation(2, '阿杰不吃香菜', [
      ['buyer', T - 5 * SECOND, '在吗？这个柜子能承重多少斤'],
      ['robot', T - 4 * SECOND, ROBOT_GREETING],
    ], { unread: 1 }),
    conversation(3, 'Lily_08', [
      ['buyer', T - 2 * MINUTE - 15 * SECOND, '地址填错了，能帮我改一下吗'],
      ['buyer', T - 1 * MINUTE - 50 * SECOND, '急，还没发货吧？'],
    ], { unread: 2 }),
    conversation(4, '老王的小卖部', longRows),
    conversation(5, 'momo', [
      ['buyer', T - 20 * HOUR, '发什么快递？'],
      ['shop', T - 20 * HOUR + 1 * MINUTE, '默认中通哦亲，需要顺丰可以补运费'],
    ]),
  ];
  const open = params.get('open');
  return {
    shopId: /^\d+$/.test(params.get('shop') ?? '') ? params.get('shop')! : '71284530',
    shopName: '小鹿家居旗舰店',
    agentName: '小鹿-阿青',
    conversations,
    openId: open === 'none' ? null : conversations.some((c) => c.id === open) ? open : conversations[0]!.id,
    sent: [],
    arrivals: 0,
  };
}

const STORAGE_KEY = `kefu-fixture-douyin:${params.get('shop') ?? ''}`;

function load(): State {
  if (!clockIsFixed) {
    try {
      const saved = sessionStorage.getItem(STORAGE_KEY);
      if (saved) return JSON.parse(saved) as State;
    } catch {
      // A page without storage starts afresh.
    }
  }
  return initial(clock());
}

let state = load();
const listeners = new Set<() => void>();

export const store = {
  get: (): State => state,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

function update(next: State) {
  state = next;
  if (!clockIsFixed) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  listeners.forEach((l) => l());
}

function append(id: string, kind: Kind, text: string, unread: boolean) {
  update({
    ...state,
    conversations: state.conversations.map((c) =>
      c.id === id ? { ...c, unread: c.unread + (unread && state.openId !== id ? 1 : 0), messages: [...c.messages, { id: messageId(c.no, c.messages.length + 1), kind, text, at: clock() }] } : c,
    ),
  });
}

export const actions = {
  open(id: string) {
    update({ ...state, openId: id, conversations: state.conversations.map((c) => (c.id === id ? { ...c, unread: 0 } : c)) });
  },
  /** The console's own Send: what the agent typed, as the open conversation's manual shop message. */
  send(text: string) {
    if (!state.openId || !text.trim()) return false;
    append(state.openId, 'shop', text, false);
    update({ ...state, sent: [...state.sent, text] });
    return true;
  },
  buyerWrites(text: string) {
    if (!state.openId) throw new Error('no conversation is open');
    append(state.openId, 'buyer', text, true);
  },
  /** A new buyer writes in a new conversation (not opened); the robot greets them a second later. */
  arrive(): string {
    const names = ['小鱼干', '橘子汽水', '晴天', '大白兔', 'Kevin', '一只羊'];
    const questions = ['你好，请问这款还有货吗？', '能发顺丰吗？', '这个颜色会不会掉色', '下单后多久能到？'];
    const n = state.arrivals;
    const c = conversation(10 + n, names[n % names.length]!, [['buyer', clock(), questions[n % questions.length]!]], { unread: 1 });
    update({ ...state, arrivals: n + 1, conversations: [c, ...state.conversations] });
    setTimeout(() => append(c.id, 'robot', ROBOT_GREETING, false), 1_000);
    return c.id;
  },
};

/** Since when the buyer waits for a manual reply (robot replies do not count), or null. */
export function waitingSince(c: Conversation): number | null {
  let since: number | null = null;
  for (const m of c.messages) {
    if (m.kind === 'shop') since = null;
    else if (m.kind === 'buyer' && since === null) since = m.at;
  }
  return since;
}

/** Wall-clock parts in Beijing time (no daylight saving there), whatever the browser's zone. */
function beijing(at: number) {
  const d = new Date(at + 8 * HOUR);
  const p = (n: number) => String(n).padStart(2, '0');
  return { y: d.getUTCFullYear(), md: `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`, hm: `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`, s: p(d.getUTCSeconds()), day: Math.floor((at + 8 * HOUR) / DAY) };
}

/** A message's time as the thread prints it: "17:30:17", "昨天 17:30:17", "09-05 17:30:17", "2025-12-30 17:30:17". */
export function chatTime(at: number, now: number): string {
  const t = beijing(at);
  const n = beijing(now);
  const time = `${t.hm}:${t.s}`;
  if (t.day === n.day) return time;
  if (t.day === n.day - 1) return `昨天 ${time}`;
  return t.y === n.y ? `${t.md} ${time}` : `${t.y}-${t.md} ${time}`;
}

/** The list's clock: the wait counted up ("5秒", "2分15秒", "1小时3分") while the buyer waits, else the last message's time. */
export function listClock(c: Conversation, now: number): string {
  const since = waitingSince(c);
  if (since !== null) {
    const s = Math.max(0, Math.floor((now - since) / SECOND));
    if (s < 60) return `${s}秒`;
    if (s < 3600) return `${Math.floor(s / 60)}分${s % 60}秒`;
    return `${Math.floor(s / 3600)}小时${Math.floor((s % 3600) / 60)}分`;
  }
  const last = c.messages.at(-1);
  if (!last) return '';
  const t = beijing(last.at);
  const n = beijing(now);
  return t.day === n.day ? t.hm : t.day === n.day - 1 ? '昨天' : t.md;
}

export const lastActivity = (c: Conversation) => c.messages.at(-1)?.at ?? 0;
