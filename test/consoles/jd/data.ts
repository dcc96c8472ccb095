/**
 * The fixture's conversations, generated from the page's clock at load (no randomness): the same ids and
 * texts every time, times relative to "now", so the live page always shows buyers waiting now.
 */

export type MessageKind = 'buyer' | 'card' | 'shop' | 'robot' | 'system' | 'divider';

export interface Message {
  /** The console's message id, printed on the row's side node as `s_<id>`. */
  id: string;
  kind: MessageKind;
  /** Epoch ms, whole seconds (the console prints seconds). */
  at: number;
  text: string;
  /** A product card's price line. */
  price?: string;
}

export interface Conversation {
  pin: string;
  name: string;
  /** The pane of the list it shows in: 正在咨询 or 历史咨询. */
  pane: 'current' | 'history';
  product: string;
  messages: Message[];
  /** Next message sequence number: message ids derive from the pin and it. */
  seq: number;
  unread: number;
  /** The editor's text when the agent left the conversation. */
  draft: string;
}

/** The shop's venderId, as the list's row ids carry it (`u_<pin>imcustomer<venderId>`). */
export const VENDER_ID = '728491';
export const SHOP_NAME = '北辰户外旗舰店';
export const WAITER = '北辰户外-小夏';

const S = 1000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A message id like the console's: 32 hex digits, derived from the conversation and a sequence. */
export function messageId(pin: string, seq: number): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const parts: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of `${pin}#${seq}#${round}`) {
      a = Math.imul(a ^ ch.charCodeAt(0), 0x01000193);
      b = Math.imul(b ^ ch.charCodeAt(0), 0x5bd1e995) ^ (b >>> 13);
    }
    parts.push(((a ^ b) >>> 0).toString(16).padStart(8, '0'));
  }
  return `s_${parts.join('')}`;
}

export function addMessage(conv: Conversation, kind: MessageKind, at: number, text: string, price?: string): Message {
  const message: Message = { id: messageId(conv.pin, conv.seq++), kind, at: Math.floor(at / S) * S, text, ...(price ? { price } : {}) };
  conv.messages.push(message);
  return message;
}

const QA: readonly (readonly [string, string])[] = [
  ['你好，这款冲锋衣有XL码吗？', '亲，XL码有现货的，今天下单今天发货哦～'],
  ['身高175体重70公斤穿什么码？', '建议您选L码，版型偏宽松，里面可以加抓绒衣。'],
  ['防水等级是多少？', '面料静水压10000mm，日常雨雪天气都没问题的。'],
  ['可以开发票吗？', '可以的亲，下单时选择电子普通发票，填写抬头即可。'],
  ['什么时候发货？', '16点前付款当天发货，16点后次日发货，默认京东物流。'],
  ['有没有赠品？', '现在下单送防水收纳袋一个，数量有限送完为止。'],
  ['颜色和图片一样吗？', '都是实物拍摄，屏幕不同可能有轻微色差，请以实物为准。'],
  ['能便宜点吗？', '亲，已经是活动价了，领券还能再减20元哦。'],
  ['可以七天无理由退换吗？', '支持的亲，吊牌完好不影响二次销售都可以退换。'],
  ['内胆可以拆吗？', '这款是三合一设计，内胆可拆卸，单穿外层也可以。'],
  ['洗的时候要注意什么？', '建议30度以下冷水手洗，不要用漂白剂，自然晾干。'],
  ['帽子能拆吗？', '帽子是可拆卸的，领口有拉链连接。'],
  ['发什么快递？', '默认京东快递，偏远地区可能会转邮政。'],
  ['有女款吗？', '有的亲，店铺首页第二个链接就是同款女款。'],
  ['尺码表在哪里看？', '商品详情页往下拉就有尺码表，按平时穿的码数选就好。'],
  ['好的，那我拍了', '好的亲，感谢支持，有问题随时找我们哦～'],
];

const ROBOT_GREETING = `您好，欢迎光临${SHOP_NAME}！我是智能客服，人工客服马上为您服务，请稍候～`;

/** One chat session: the robot greets the buyer's first message, then `exchanges` questions and answers. */
function session(conv: Conversation, start: number, exchanges: number, from: number): number {
  let at = start;
  for (let i = 0; i < exchanges; i++) {
    const [question, answer] = QA[(from + i) % QA.length]!;
    addMessage(conv, 'buyer', at, question);
    if (i === 0) addMessage(conv, 'robot', at + 2 * S, ROBOT_GREETING);
    // Deterministic, uneven gaps: an agent answers in 15 to 55 s, the buyer asks again 10 to 40 s later.
    at += (15 + ((i * 17 + from) % 41)) * S;
    addMessage(conv, 'shop', at, answer);
    at += (10 + ((i * 13 + from) % 31)) * S;
  }
  return at;
}

/** The conversations at load, `now` being the page's clock. The first is open unless `open` says otherwise. */
export function initialConversations(now: number): Conversation[] {
  const conv = (pin: string, name: string, product: string, pane: Conversation['pane'] = 'current'): Conversation => ({
    pin,
    name,
    pane,
    product,
    messages: [],
    seq: 1,
    unread: 0,
    draft: '',
  });

  // The long one: three sessions over three days (300+ rows), the buyer waiting now.
  const orange = conv('jd_6f1e2a9c04b7', '橙子不酸', '北辰 三合一冲锋衣 男款 防水透气 藏青 L');
  let end = session(orange, now - 2 * DAY - 2 * HOUR, 52, 0);
  addMessage(orange, 'card', end, '北辰 三合一冲锋衣 男款 防水透气', '¥599.00');
  addMessage(orange, 'shop', end + 30 * S, '亲，这款就是我们的主推款，性价比很高的。');
  addMessage(orange, 'system', end + 40 * S, '本次会话已结束');
  end = session(orange, now - DAY - 90 * MIN, 53, 5);
  addMessage(orange, 'system', end, `顾客已下单，订单号：312845690217`);
  addMessage(orange, 'shop', end + 20 * S, '亲，订单已收到，今天下午就给您安排发货～');
  addMessage(orange, 'system', end + 30 * S, '本次会话已结束');
  addMessage(orange, 'divider', end + 40 * S, '以上为历史消息');
  session(orange, now - 60 * MIN, 44, 9);
  addMessage(orange, 'buyer', now - 45 * S, '你好，我昨天下的单什么时候发货？');
  addMessage(orange, 'robot', now - 44 * S, ROBOT_GREETING);
  addMessage(orange, 'buyer', now - 5 * S, '麻烦帮我看一下物流，谢谢');

  const lin = conv('jd_52b8c3d1e0aa', '小林同学', '北辰 轻量徒步鞋 女款 黑色 37');
  addMessage(lin, 'buyer', now - 40 * S, '这款有没有黑色的37码？');
  addMessage(lin, 'robot', now - 38 * S, ROBOT_GREETING);
  addMessage(lin, 'buyer', now - 12 * S, '在吗');
  lin.unread = 2;

  const cat = conv('jd_c07d9e4f1a26', '海边的猫', '北辰 速干T恤 男款 灰色 XL');
  addMessage(cat, 'buyer', now - 14 * MIN, '速干T恤会起球吗？');
  addMessage(cat, 'robot', now - 14 * MIN + 2 * S, ROBOT_GREETING);
  addMessage(cat, 'shop', now - 12 * MIN, '亲，这款是涤纶速干面料，正常穿着不会起球的。');
  addMessage(cat, 'buyer', now - 130 * S, '发票怎么开？公司报销要用');
  cat.unread = 1;

  const mia = conv('jd_9a0c7f1b2e33', 'Mia王', '北辰 户外双肩包 30L 绿色');
  addMessage(mia, 'buyer', now - 8 * MIN, '背包能装15寸电脑吗？');
  addMessage(mia, 'robot', now - 8 * MIN + 2 * S, ROBOT_GREETING);
  addMessage(mia, 'shop', now - 7 * MIN, '可以的亲，背部有独立电脑仓，15.6寸都能放。');
  addMessage(mia, 'buyer', now - 5 * MIN, '好的谢谢');
  addMessage(mia, 'shop', now - 3 * MIN, '不客气，祝您生活愉快～');

  const qiang = conv('jd_3d4e5f6a7b8c', '老顾客阿强', '北辰 登山杖 碳纤维 两支装', 'history');
  addMessage(qiang, 'buyer', now - DAY - 3 * HOUR, '登山杖到了，质量不错');
  addMessage(qiang, 'shop', now - DAY - 3 * HOUR + 50 * S, '感谢亲的认可，欢迎下次光临～');

  return [orange, lin, cat, mia, qiang];
}

/** The buyers `arrive()` brings, in order (then numbered). */
const ARRIVALS: readonly (readonly [string, string, string])[] = [
  ['jd_71e0b5c2d9f4', '星河漫步', '请问这个帐篷能睡几个人？'],
  ['jd_08f3a6d4c1b9', '阿木木', '睡袋零下5度够用吗？'],
  ['jd_e4c9b2a7f015', '周末去爬山', '登山包有没有防雨罩？'],
];

export function arrival(index: number, now: number): Conversation {
  const [pin, name, first] = ARRIVALS[index % ARRIVALS.length]!;
  const round = Math.floor(index / ARRIVALS.length);
  const conv: Conversation = {
    pin: round ? `${pin}${round}` : pin,
    name: round ? `${name}${round + 1}` : name,
    pane: 'current',
    product: '北辰 户外装备',
    messages: [],
    seq: 1,
    unread: 1,
    draft: '',
  };
  addMessage(conv, 'buyer', now, first);
  return conv;
}

/** When the buyer started waiting for a manual reply: their first message after the shop's last manual one. */
export function waitingSince(conv: Conversation): number | null {
  let since: number | null = null;
  for (const m of conv.messages) {
    if (m.kind === 'shop') since = null;
    else if ((m.kind === 'buyer' || m.kind === 'card') && since === null) since = m.at;
  }
  return since;
}

/**
 * A time as the fixture prints it, in Beijing time whatever the browser's zone: "09:59:55" today,
 * "昨天 17:30:17" yesterday, "2026-09-06 17:30:17" before. (JD's own format is not in the public evidence;
 * these are formats the console family prints.)
 */
export function printTime(at: number, now: number): string {
  const BEIJING = 8 * HOUR;
  const day = (t: number) => Math.floor((t + BEIJING) / DAY);
  const d = new Date(at + BEIJING);
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  const back = day(now) - day(at);
  if (back <= 0) return clock;
  if (back === 1) return `昨天 ${clock}`;
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${clock}`;
}
