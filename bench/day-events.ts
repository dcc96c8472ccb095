import { autoReplies, buyerNames, buyerScripts, products, type Lang } from '../demo/corpus';
import { nextRandom } from '../demo/random';
import type { ChatEvent } from '../lib/chat-event';
import { defaultSnippets } from '../lib/snippets/defaults';

/**
 * A busy shop's day as the content script would have reported it: several thousand conversations of
 * buyer questions (the demo's corpus), robot greetings, manual replies (the starter snippets) at
 * realistic delays (most within 30 s, some minutes late, a few never), and orders. Seeded, so every run
 * stores the same day.
 *
 * "Today" must be a day whose service window (08:00-23:00) is already behind us, or a benchmark run in
 * the morning would store a day of messages from the future. So the settings' time zone is chosen for
 * the run: the fixed-offset zone (Etc/GMT±h) in which it is now between 22:30 and 23:30.
 */
export interface DayPlan {
  timeZone: string;
  /** Local midnight of today in that zone, epoch ms. */
  dayStart: number;
  windowStart: number;
  windowEnd: number;
  /** Nothing is stored after this (replies may come after the window, never after now). */
  latest: number;
}

const HOUR = 3_600_000;

export function planDay(now = Date.now()): DayPlan {
  for (let offset = -12; offset <= 14; offset++) {
    const local = now + offset * HOUR;
    const sinceMidnight = local - Math.floor(local / (24 * HOUR)) * 24 * HOUR;
    if (sinceMidnight < 22.5 * HOUR || sinceMidnight >= 23.5 * HOUR) continue;
    // IANA's Etc zones count the other way round: Etc/GMT-8 is UTC+8.
    const timeZone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    const dayStart = now - sinceMidnight;
    return { timeZone, dayStart, windowStart: dayStart + 8 * HOUR, windowEnd: Math.min(dayStart + 23 * HOUR, now - 5 * 60_000), latest: now - 60_000 };
  }
  throw new Error('no UTC offset puts now between 22:30 and 23:30');
}

export function generateDay(plan: DayPlan, options: { count: number; site: string; shopId: string; seed?: number }): ChatEvent[] {
  let state = options.seed ?? 20_261_122;
  const random = () => {
    const [value, next] = nextRandom(state);
    state = next;
    return value;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (min: number, max: number) => Math.round(min + random() * (max - min));
  /** Most agents answer within seconds; a long tail of minutes; log-normal around `medianMs`. */
  const replyDelay = (medianMs: number) => {
    const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(2_000, Math.round(medianMs * Math.exp(1.1 * gaussian)));
  };
  /** Arrivals: a morning and an evening peak over a steady background, inside the service window. */
  const arrival = () => {
    const span = plan.windowEnd - plan.windowStart;
    const r = random();
    const peak = r < 0.25 ? plan.dayStart + 10.5 * HOUR : r < 0.5 ? plan.dayStart + 21 * HOUR : null;
    const at = peak === null ? plan.windowStart + random() * span : peak + (random() + random() + random() - 1.5) * 1.5 * HOUR;
    return Math.round(Math.min(plan.windowEnd - 20 * 60_000, Math.max(plan.windowStart, at)));
  };
  const replies = (lang: Lang) => defaultSnippets.filter((s) => s.lang === lang).map((s) => s.body);

  const events: ChatEvent[] = [];
  for (let n = 1; events.length < options.count; n++) {
    const lang: Lang = random() < 0.7 ? 'zh' : 'en';
    const script = pick(buyerScripts.filter((s) => s.lang === lang));
    const product = pick(products);
    const conversationId = `c${String(n).padStart(5, '0')}`;
    const buyerName = `${pick(buyerNames[lang])}${n % 7 === 0 ? n : ''}`;
    const orderNumber = () => `26${String(Math.floor(random() * 1e14)).padStart(14, '0')}`;
    const known = script.needsOrder ? orderNumber() : '';
    let m = 0;
    const base = { site: options.site, shopId: options.shopId, conversationId, buyerName, atSource: 'page' as const };
    const add = (sender: ChatEvent['sender'], auto: boolean, at: number, text: string, type: ChatEvent['type'] = 'message', order?: string) => {
      if (at > plan.latest) return false;
      events.push({ ...base, id: `${options.site}:${options.shopId}:${conversationId}-m${++m}`, type, sender, auto, at, text, ...(order ? { orderNumber: order } : {}) });
      return true;
    };
    const fill = (text: string) => text.replaceAll('{product}', product.title[lang]).replaceAll('{order}', known);

    let at = arrival();
    // One round: the buyer writes one to three messages, the robot may chime in, an agent answers (or not).
    const rounds = Math.min(8, 1 + Math.floor(-Math.log(1 - random()) / 0.45));
    for (let round = 0; round < rounds; round++) {
      const asks = between(1, 3);
      for (let i = 0; i < asks; i++) {
        add('buyer', false, at, fill(script.messages[Math.min(round, script.messages.length - 1)]!));
        if (round === 0 && i === 0) add('shop', true, at + 1_200, autoReplies[lang].greeting);
        at += between(3_000, 25_000);
      }
      // A few buyers are never answered: the last round of 4 % of conversations.
      if (round === rounds - 1 && random() < 0.04) break;
      at += replyDelay(random() < 0.1 ? 120_000 : 14_000);
      const answers = between(1, 2);
      for (let i = 0; i < answers; i++) {
        add('shop', false, at, pick(replies(lang)));
        at += between(2_000, 15_000);
      }
      at += between(20_000, 600_000);
    }
    if (script.placesOrder && random() < 0.45) {
      const number = orderNumber();
      if (add('system', false, at, lang === 'zh' ? `买家已下单，订单号 ${number}` : `Order placed: ${number}`, 'order', number)) add('shop', true, at + 1_000, autoReplies[lang].orderThanks);
    }
  }
  return events.slice(0, options.count);
}
