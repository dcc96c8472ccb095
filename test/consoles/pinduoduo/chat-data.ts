/**
 * The fixture console's data, without Vue: the shop's conversations as Pinduoduo's server would hand them to
 * the page, generated deterministically around a "now" (the real time at load, or `?now=` for saved HTML),
 * and the console's own printed formats (../../../../shared/CONSOLES.md, Pinduoduo).
 */

export type Sender = 'buyer' | 'shop' | 'robot' | 'system';

export interface Card {
  kind: 'goods' | 'order';
  title: string;
  /** An order card's order number, as Pinduoduo prints it (`YYMMDD-` and 15 digits). */
  orderSn?: string;
}

export interface Msg {
  /** The `<ms>` of `li.onemsg[id="middlePanel_list_<ms>"]`: unique in the page, fixed once sent. */
  id: number;
  from: Sender;
  at: number;
  text: string;
  card?: Card;
}

export interface Conv {
  uid: string;
  name: string;
  messages: Msg[];
}

export interface ChatState {
  convs: Conv[];
  openUid: string | null;
  /** What the console's own Send sent, oldest first. */
  sent: string[];
  arrivals: number;
  lastId: number;
}

/** The agent's account as Pinduoduo's shop rows name it. */
export const AGENT_NAME = '主账号';
export const MALL_NAME = '多多好物旗舰店';
/** A buyer past this wait moves to the list's timeout group (超时未回复) and gets the over-time mark. */
export const TIMEOUT_MS = 5 * 60_000;

const CHINA_OFFSET_MS = 8 * 3_600_000; // Beijing time has had no daylight saving since 1991.
const pad = (n: number) => String(n).padStart(2, '0');

function wall(ms: number) {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
}

const dayNumber = (ms: number) => Math.floor((ms + CHINA_OFFSET_MS) / 86_400_000);

/** A message's time as the thread prints it: "2026年09月08日 17:30:17". */
export function messageTime(ms: number): string {
  const w = wall(ms);
  return `${w.y}年${pad(w.mo)}月${pad(w.d)}日 ${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}`;
}

/** A conversation's last time as the list prints it: "17:30", "昨天 17:30", "09-06 17:30". */
export function listTime(ms: number, now: number): string {
  const w = wall(ms);
  const clock = `${pad(w.h)}:${pad(w.mi)}`;
  const days = dayNumber(now) - dayNumber(ms);
  if (days <= 0) return clock;
  if (days === 1) return `昨天 ${clock}`;
  return `${pad(w.mo)}-${pad(w.d)} ${clock}`;
}

/** The list's wait mark: "已等待5秒", "已等待2分05秒", "已等待1小时3分". */
export function waitText(elapsed: number): string {
  const s = Math.max(0, Math.floor(elapsed / 1000));
  if (s < 60) return `已等待${s}秒`;
  if (s < 3600) return `已等待${Math.floor(s / 60)}分${pad(s % 60)}秒`;
  return `已等待${Math.floor(s / 3600)}小时${Math.floor((s % 3600) / 60)}分`;
}

/** Since when the buyer waits for a manual reply: their first message after the shop's last manual one. */
export function waitingSince(conv: Conv): number | null {
  let since: number | null = null;
  for (const m of conv.messages) {
    if (m.from === 'shop') since = null;
    else if (m.from === 'buyer' && since === null) since = m.at;
  }
  return since;
}

export function preview(m: Msg | undefined): string {
  if (!m) return '';
  if (m.card) return m.card.kind === 'order' ? '[订单]' : '[商品]';
  return m.text;
}

export type Group = 'unTimeout' | 'unRead' | 'reply';

/** Which list group a conversation sits in, by its buyer's wait (the group is also data-random's last part). */
export function groupOf(conv: Conv, now: number): Group {
  const since = waitingSince(conv);
  if (since === null) return 'reply';
  return now - since >= TIMEOUT_MS ? 'unTimeout' : 'unRead';
}

const QUESTIONS = [
  '在吗？',
  '这款有现货吗',
  '今天下单什么时候发货呀',
  '发什么快递？',
  '能便宜点吗，买两件',
  '尺码偏大还是偏小',
  '160斤穿什么码',
  '有运费险吗',
  '可以改地址吗',
  '我的快递到哪了',
  '颜色和图片一样吗',
  '质量怎么样，会不会起球',
];
const ANSWERS = [
  '亲，在的，请问有什么可以帮您？',
  '亲，有现货的哦，放心拍～',
  '亲，今天16点前下单当天发货哦',
  '默认中通快递，偏远地区发邮政哦',
  '亲，两件可以领店铺满减券，更划算哦',
  '亲，尺码是标准码，按平时穿的拍就可以',
  '亲，160斤建议拍XL码哦',
  '亲，每单都送运费险的，放心购买',
  '亲，还没发货的可以改，把新地址发我一下～',
  '亲，帮您查了，包裹已经到您所在城市，今天会派送的',
  '亲，都是实物拍摄，颜色和图片一致的',
  '亲，面料是精梳棉的，不起球不掉色哦',
];
const ROBOT_GREETING = '您好，欢迎光临多多好物旗舰店，请问有什么可以帮您？';
const ROBOT_BUSY = '亲，客服正在快马加鞭赶来，请稍等片刻哦～';
const SYSTEM_TEXT = '您接待过此消费者，为避免插嘴、抢答，机器人已暂停接待，点此【立即恢复接待】';
const ARRIVING = ['阳光**', 'L*y', '小熊饼干', '不吃香菜', 'j***9', '桃子汽水'];

/** The open buyer's long history: 300+ rows over two days, every kind of row, last one a manual reply. */
function longThread(end: number): Omit<Msg, 'id'>[] {
  const rows: Omit<Msg, 'id'>[] = [];
  let t = 0;
  const add = (from: Sender, text: string, gap: number, card?: Card) => {
    t += gap;
    rows.push({ from, at: t, text, ...(card ? { card } : {}) });
  };
  for (let i = 0; i < 140; i++) {
    const q = i % QUESTIONS.length;
    add('buyer', QUESTIONS[q]!, 240 + ((i * 97) % 420));
    if (i % 10 === 0) add('robot', i % 20 === 0 ? ROBOT_GREETING : ROBOT_BUSY, 2);
    if (i % 35 === 5) add('system', SYSTEM_TEXT, 1);
    add('shop', ANSWERS[q]!, 20 + ((i * 31) % 70));
  }
  add('buyer', '', 180, { kind: 'goods', title: '纯棉短袖T恤女夏季宽松百搭 白色 XL' });
  add('buyer', '这件还有白色XL吗', 5);
  add('shop', '亲，白色XL有货的，今天拍今天发哦', 40);
  add('buyer', '', 600, { kind: 'order', title: '我要咨询这笔订单', orderSn: '260908-481526093370144' });
  add('buyer', '我刚拍了，麻烦备注一下不要发错颜色', 4);
  add('robot', ROBOT_BUSY, 2);
  add('shop', '好的亲，已经给您备注白色XL了，请放心', 35);
  // Shift so the last row is two minutes before now.
  const shift = end - 120_000 - t * 1000;
  return rows.map((r) => ({ ...r, at: shift + r.at * 1000 }));
}

/** The shop's conversations at `now`: one long history (open), two buyers waiting, two answered. */
export function initialState(now: number, open: boolean): ChatState {
  let n = 0;
  const taken = new Set<number>();
  const uniqueId = (id: number): number => (taken.has(id) ? uniqueId(id + 1) : (taken.add(id), id));
  const withIds = (rows: Omit<Msg, 'id'>[]): Msg[] => rows.map((r) => ({ ...r, id: uniqueId(Math.floor(r.at) + ((n++ * 37) % 1000)) }));
  const ago = (s: number) => now - s * 1000;
  const convs: Conv[] = [
    { uid: '1875210170836', name: '小鱼儿', messages: withIds(longThread(now)) },
    {
      uid: '1875210171204',
      name: 't**7好运',
      messages: withIds([
        { from: 'buyer', at: ago(95), text: '请问这个杯子能装开水吗' },
        { from: 'shop', at: ago(40), text: '亲，可以的，耐热120度哦' },
        { from: 'buyer', at: ago(5), text: '那能用洗碗机洗吗？' },
      ]),
    },
    {
      uid: '1875210169412',
      name: '张***',
      messages: withIds([
        { from: 'buyer', at: ago(430), text: '我的快递三天没动了' },
        { from: 'robot', at: ago(428), text: ROBOT_BUSY },
        { from: 'buyer', at: ago(370), text: '有人吗？？' },
      ]),
    },
    {
      uid: '1875210165530',
      name: '乐乐妈',
      messages: withIds([
        { from: 'buyer', at: now - 26 * 3_600_000, text: '宝宝穿90码合适吗' },
        { from: 'shop', at: now - 26 * 3_600_000 + 48_000, text: '亲，一岁半左右的宝宝穿90码刚好哦' },
      ]),
    },
    {
      uid: '1875210168077',
      name: 'w***n',
      messages: withIds([
        { from: 'buyer', at: ago(3000), text: '已经收到了，很喜欢' },
        { from: 'shop', at: ago(2950), text: '感谢亲的支持，有问题随时联系我们哦～' },
      ]),
    },
  ];
  const lastId = Math.max(...convs.flatMap((c) => c.messages.map((m) => m.id)));
  return { convs, openUid: open ? convs[0]!.uid : null, sent: [], arrivals: 0, lastId };
}

/** The next message id: the moment in ms, kept unique as Pinduoduo's row ids are. */
export function nextId(state: ChatState, at: number): number {
  state.lastId = Math.max(Math.floor(at), state.lastId + 1);
  return state.lastId;
}

/** A new buyer's conversation, with their first message at `at`; the caller adds it to the list. */
export function newArrival(state: ChatState, at: number): Conv {
  const k = state.arrivals++;
  const first: Msg = Object.freeze({ id: nextId(state, at), from: 'buyer', at, text: '你好，这个还有货吗？' });
  return { uid: String(1875210180001 + k * 7), name: ARRIVING[k % ARRIVING.length]!, messages: [first] };
}
