import { autoReplies, buyerNames, buyerScripts, products, type BuyerScript, type Lang, type Product } from './corpus';
import { nextRandom } from './random';

/**
 * The simulated marketplace behind the demo console: buyers arrive, ask, wait, order.
 * Pure and seeded: the same options and the same agent actions at the same times give the same chat.
 */
export interface DemoOptions {
  seed: number;
  /** New buyers per minute after the first ones; 0 = only the first ones. */
  pace: number;
  /** Buyers already waiting when the page opens. */
  buyers: number;
  lang: Lang | 'mix';
  /** Multiplies every buyer delay (reading, typing); tests use small values. */
  delayScale: number;
  /** The shop's id in the page: two tabs with two ids are two shops. */
  shopId: string;
  /** Extra buyer messages per minute spread over the conversations (load tests); 0 = none. */
  flood: number;
}

export type DemoSender = 'buyer' | 'shop' | 'robot' | 'system';
export interface DemoMessage {
  id: string;
  sender: DemoSender;
  text: string;
  at: number;
}
export interface DemoConversation {
  id: string;
  buyerName: string;
  lang: Lang;
  scriptId: string;
  productId: string;
  /** Index of the next buyer message of the script. */
  step: number;
  orderNumber: string | null;
  unread: number;
  messages: DemoMessage[];
}
type Scheduled =
  | { at: number; kind: 'arrive' }
  | { at: number; kind: 'flood' }
  | { at: number; kind: 'buyer-next' | 'robot-greet' | 'order' | 'nudge'; convId: string };

export interface DemoState {
  options: DemoOptions;
  rng: number;
  nextBuyer: number;
  conversations: DemoConversation[];
  queue: Scheduled[];
  activeId: string | null;
  /** Every text the shop sent by hand, in order: what the console's server received. */
  sent: string[];
}

const NUDGE_AFTER_MS = 90_000;
const FLOOD_TEXTS = { zh: ['在吗', '亲？', '发货了吗', '怎么不回复'], en: ['hello?', 'any update?', 'is it shipped?', 'please answer'] } as const;

export function parseOptions(search: string): DemoOptions {
  const params = new URLSearchParams(search);
  const num = (name: string, fallback: number, min: number, max: number) => {
    const value = Number(params.get(name));
    return params.has(name) && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
  };
  const lang = params.get('lang');
  return {
    seed: Math.floor(num('seed', Date.now() % 100_000, 0, 2 ** 31)),
    pace: num('pace', 4, 0, 600),
    buyers: Math.floor(num('buyers', 3, 0, 50)),
    lang: lang === 'zh' || lang === 'en' ? lang : 'mix',
    delayScale: num('delay', 1, 0, 10),
    shopId: /^[\w-]{1,40}$/.test(params.get('shop') ?? '') ? params.get('shop')! : 'demo-shop-001',
    flood: num('flood', 0, 0, 60_000),
  };
}

export class Simulation {
  state: DemoState;

  constructor(options: DemoOptions, now: number, saved?: DemoState) {
    if (saved && JSON.stringify(saved.options) === JSON.stringify(options)) {
      this.state = saved;
      return;
    }
    this.state = { options, rng: options.seed, nextBuyer: 1, conversations: [], queue: [], activeId: null, sent: [] };
    for (let i = 0; i < options.buyers; i++) this.arrive(now - (options.buyers - i) * 4_000);
    const first = this.state.conversations[0];
    if (first) this.open(first.id);
    if (options.pace > 0) this.schedule({ at: now + this.arrivalGap(), kind: 'arrive' });
    if (options.flood > 0) this.schedule({ at: now + 60_000 / options.flood, kind: 'flood' });
  }

  /** Runs everything due by `now`; returns whether anything changed. */
  tick(now: number): boolean {
    let changed = false;
    for (;;) {
      const due = this.state.queue.filter((s) => s.at <= now).sort((a, b) => a.at - b.at)[0];
      if (!due) return changed;
      this.state.queue.splice(this.state.queue.indexOf(due), 1);
      this.run(due);
      changed = true;
    }
  }

  /** A new buyer writes now (for tests and demos: `window.__kefuDemo.arrive()`). */
  arriveNow(now: number): string {
    this.arrive(now);
    return this.state.conversations[0]!.id;
  }

  /** `count` buyer messages at once over the conversations, as a flood would spread them (memory tests). */
  burst(count: number, now: number): void {
    for (let i = 0; i < count; i++) this.floodMessage(now);
  }

  /** The open conversation's buyer writes `text` now (tests: odd messages, such as one of 12,000 characters). */
  buyerWrites(text: string, now: number): void {
    const conv = this.conversation(this.state.activeId);
    if (conv) this.post(conv, 'buyer', text, now);
  }

  /** The agent pressed Send. */
  shopSend(convId: string, text: string, now: number): void {
    const conv = this.conversation(convId);
    if (!conv || !text.trim()) return;
    this.state.sent.push(text);
    this.post(conv, 'shop', text, now);
    this.state.queue = this.state.queue.filter((s) => !('convId' in s) || s.convId !== convId || s.kind === 'order');
    const script = scriptOf(conv);
    if (conv.step < script.messages.length) {
      this.schedule({ at: now + this.delay(4_000, 9_000), kind: 'buyer-next', convId });
    } else if (script.placesOrder && !conv.orderNumber) {
      this.schedule({ at: now + this.delay(5_000, 12_000), kind: 'order', convId });
    }
  }

  open(convId: string): void {
    const conv = this.conversation(convId);
    if (!conv) return;
    this.state.activeId = convId;
    conv.unread = 0;
  }

  conversation(convId: string | null): DemoConversation | undefined {
    return this.state.conversations.find((c) => c.id === convId);
  }

  /** Since when the buyer has waited for a manual reply, or null when answered. */
  static waitingSince(conv: DemoConversation): number | null {
    let since: number | null = null;
    for (const m of conv.messages) {
      if (m.sender === 'buyer') since ??= m.at;
      else if (m.sender === 'shop') since = null;
    }
    return since;
  }

  private run(item: Scheduled): void {
    if (item.kind === 'arrive') {
      this.arrive(item.at);
      if (this.state.options.pace > 0) this.schedule({ at: item.at + this.arrivalGap(), kind: 'arrive' });
      return;
    }
    if (item.kind === 'flood') {
      this.floodMessage(item.at);
      this.schedule({ at: item.at + 60_000 / this.state.options.flood, kind: 'flood' });
      return;
    }
    const conv = this.conversation(item.convId);
    if (!conv) return;
    const replies = autoReplies[conv.lang];
    switch (item.kind) {
      case 'robot-greet':
        this.post(conv, 'robot', replies.greeting, item.at);
        break;
      case 'buyer-next':
        this.buyerSays(conv, item.at);
        break;
      case 'order':
        conv.orderNumber = this.orderNumber();
        this.post(conv, 'system', conv.lang === 'zh' ? `买家已下单，订单号 ${conv.orderNumber}` : `Order placed: ${conv.orderNumber}`, item.at);
        this.post(conv, 'robot', replies.orderThanks, item.at + 1_000);
        break;
      case 'nudge':
        this.post(conv, 'buyer', conv.lang === 'zh' ? '在吗？' : 'Hello? Anyone there?', item.at);
        break;
    }
  }

  private floodMessage(at: number): void {
    const convs = this.state.conversations;
    // A third of the flood goes to the open conversation, so the thread the extension reads grows too.
    const conv = this.random() < 0.34 ? this.conversation(this.state.activeId) : convs[Math.floor(this.random() * convs.length)];
    if (conv) this.post(conv, 'buyer', FLOOD_TEXTS[conv.lang][Math.floor(this.random() * 4)]!, at);
  }

  private arrive(at: number): void {
    const { options } = this.state;
    const lang: Lang = options.lang === 'mix' ? (this.random() < 0.7 ? 'zh' : 'en') : options.lang;
    const scripts = buyerScripts.filter((s) => s.lang === lang);
    const script = scripts[Math.floor(this.random() * scripts.length)]!;
    const names = buyerNames[lang];
    const product = products[Math.floor(this.random() * products.length)]!;
    const conv: DemoConversation = {
      id: `b${String(this.state.nextBuyer++).padStart(4, '0')}`,
      buyerName: names[Math.floor(this.random() * names.length)]!,
      lang,
      scriptId: script.id,
      productId: product.id,
      step: 0,
      orderNumber: script.needsOrder ? this.orderNumber() : null,
      unread: 0,
      messages: [],
    };
    this.state.conversations.unshift(conv);
    this.buyerSays(conv, at);
    this.schedule({ at: at + 1_200, kind: 'robot-greet', convId: conv.id });
  }

  private buyerSays(conv: DemoConversation, at: number): void {
    const script = scriptOf(conv);
    const template = script.messages[conv.step++];
    if (template === undefined) return;
    this.post(conv, 'buyer', fill(template, productOf(conv), conv), at);
    this.schedule({ at: at + NUDGE_AFTER_MS, kind: 'nudge', convId: conv.id });
  }

  private post(conv: DemoConversation, sender: DemoSender, text: string, at: number): void {
    conv.messages.push({ id: `${conv.id}-m${conv.messages.length + 1}`, sender, text, at });
    if (sender === 'buyer' && conv.id !== this.state.activeId) conv.unread++;
  }

  private schedule(item: Scheduled): void {
    this.state.queue.push(item);
  }

  private random(): number {
    const [value, next] = nextRandom(this.state.rng);
    this.state.rng = next;
    return value;
  }

  private delay(min: number, max: number): number {
    return Math.round((min + this.random() * (max - min)) * this.state.options.delayScale);
  }

  private arrivalGap(): number {
    return Math.round((60_000 / this.state.options.pace) * (0.5 + this.random()));
  }

  private orderNumber(): string {
    let digits = '';
    for (let i = 0; i < 14; i++) digits += Math.floor(this.random() * 10);
    return `26${digits}`;
  }
}

function scriptOf(conv: DemoConversation): BuyerScript {
  return buyerScripts.find((s) => s.id === conv.scriptId)!;
}

export function productOf(conv: DemoConversation): Product {
  return products.find((p) => p.id === conv.productId)!;
}

function fill(template: string, product: Product, conv: DemoConversation): string {
  return template.replaceAll('{product}', product.title[conv.lang]).replaceAll('{order}', conv.orderNumber ?? '');
}
