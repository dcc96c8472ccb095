import { describe, expect, it } from 'vitest';
import { presetProfile, presetProfiles, type MetricProfile } from '@/lib/metric-profiles';
import {
  HISTOGRAM_EDGES_SEC,
  addCounters,
  computeCounters,
  computeMetrics,
  conversationCounters,
  emptyCounters,
  finalizeMetrics,
  subtractCounters,
  type Counters,
  type MetricEvent,
  type Period,
} from '@/lib/metrics';

// Every rule of DOMAIN.md "How this project counts", on small hand-made conversations with exact numbers.
// Times are local Shanghai times (UTC+8, no daylight saving) on 2026-11-22 unless a date is given.
const TZ = 'Asia/Shanghai';
const t = (hms: string, date = '2026-11-22') => Date.parse(`${date}T${hms}+08:00`);
const DAY: Period = { start: t('00:00:00'), end: t('00:00:00', '2026-11-23') };
const TWO_DAYS: Period = { start: DAY.start, end: t('00:00:00', '2026-11-24') };
const NOW = TWO_DAYS.end + 86_400_000;

type Opts = { conv?: string; shop?: string; site?: string; date?: string };
const base = (o: Opts) => ({ site: o.site ?? 'pinduoduo', shopId: o.shop ?? 'shop-1', conversationId: o.conv ?? 'c1' });
const buyer = (hms: string, o: Opts = {}): MetricEvent => ({ ...base(o), type: 'message', sender: 'buyer', auto: false, at: t(hms, o.date) });
const shop = (hms: string, o: Opts = {}): MetricEvent => ({ ...base(o), type: 'message', sender: 'shop', auto: false, at: t(hms, o.date) });
const bot = (hms: string, o: Opts = {}): MetricEvent => ({ ...base(o), type: 'message', sender: 'shop', auto: true, at: t(hms, o.date) });
const system = (hms: string, o: Opts = {}): MetricEvent => ({ ...base(o), type: 'message', sender: 'system', auto: false, at: t(hms, o.date) });
const order = (hms: string, o: Opts = {}): MetricEvent => ({ ...base(o), type: 'order', sender: 'buyer', auto: false, at: t(hms, o.date) });

const preset = (id: string) => presetProfile(id)!;
const DEFAULT = preset('default');
const metrics = (events: MetricEvent[], profile: MetricProfile = DEFAULT, period: Period = DAY, timeZone = TZ) => computeMetrics(events, profile, period, timeZone, NOW);

describe('the service window (default 08:00-23:00, local time)', () => {
  it('counts 08:00:00 and 22:59:59, not 07:59:59 or 23:00:00', () => {
    const m = metrics([
      buyer('07:59:59', { conv: 'a' }),
      shop('08:00:09', { conv: 'a' }),
      buyer('08:00:00', { conv: 'b' }),
      shop('08:00:10', { conv: 'b' }),
      buyer('22:59:59', { conv: 'c' }),
      shop('23:00:09', { conv: 'c' }),
      buyer('23:00:00', { conv: 'd' }),
      shop('23:00:10', { conv: 'd' }),
    ]);
    expect(m.counted).toBe(2);
    expect(m.answered).toBe(2);
    expect(m.unanswered).toBe(0);
    expect(m.consultingBuyers).toBe(2);
    // 22:59:59 is answered at 23:00:09, after the window: the reply still counts (10 s).
    expect(m.avgResponseMs).toBe(10_000);
    expect(m.rates['30']).toBe(1);
  });

  it('follows the profile: Taobao counts until midnight, JD from 09:00', () => {
    const events = [buyer('08:30:00', { conv: 'a' }), shop('08:30:05', { conv: 'a' }), buyer('23:59:59', { conv: 'b' }), shop('23:59:59', { conv: 'b' })];
    expect(metrics(events, preset('taobao')).counted).toBe(2);
    expect(metrics(events, preset('jd')).counted).toBe(0);
    expect(metrics(events, preset('douyin')).counted).toBe(1);
  });

  it('supports a window over midnight', () => {
    const night: MetricProfile = { ...DEFAULT, id: 'night', window: { start: 22 * 60, end: 2 * 60 } };
    const m = metrics([buyer('01:59:59', { conv: 'a' }), buyer('02:00:00', { conv: 'b' }), buyer('21:59:59', { conv: 'c' }), buyer('22:00:00', { conv: 'd' })], night);
    expect(m.counted).toBe(2);
    expect(m.unanswered).toBe(2);
  });

  it('counts only buyer messages inside the period; their replies may come after it', () => {
    const shift: Period = { start: t('14:00:00'), end: t('18:00:00') };
    const m = metrics([buyer('13:59:59'), shop('14:00:05'), buyer('14:00:00', { conv: 'b' }), buyer('17:59:50', { conv: 'c' }), shop('18:00:10', { conv: 'c' })], DEFAULT, shift);
    expect(m.counted).toBe(2);
    expect(m.answered).toBe(1);
    expect(m.unanswered).toBe(1);
    expect(m.avgResponseMs).toBe(20_000);
  });
});

describe('what stops the clock', () => {
  const events = [buyer('09:00:00'), bot('09:00:02'), shop('09:01:00')];

  it('an automatic reply does not stop the clock by default', () => {
    const m = metrics(events);
    expect(m.avgResponseMs).toBe(60_000);
    expect(m.rates).toEqual({ '30': 0, '180': 1, '300': 1 });
  });

  it('an automatic reply stops it when the profile says bots count (Taobao)', () => {
    const m = metrics(events, preset('taobao'));
    expect(m.avgResponseMs).toBe(2_000);
    expect(m.rates['30']).toBe(1);
    expect(metrics(events, { ...DEFAULT, botRepliesCount: true }).avgResponseMs).toBe(2_000);
  });

  it('a bot reply alone leaves the message unanswered by default', () => {
    const m = metrics([buyer('09:00:00'), bot('09:00:01')]);
    expect(m).toMatchObject({ counted: 1, answered: 0, unanswered: 1, avgResponseMs: null, rates: { '30': 0, '180': 0, '300': 0 } });
  });

  it('Pinduoduo: AI replies count for the 5-minute rate only', () => {
    const m = metrics([buyer('09:00:00'), bot('09:00:05'), shop('09:10:00')], preset('pinduoduo'));
    expect(m.rates).toEqual({ '30': 0, '180': 0, '300': 1 });
    // The average and the histogram follow the manual reply.
    expect(m.avgResponseMs).toBe(600_000);
    expect(m.histogram).toEqual([0, 0, 0, 0, 0, 0, 1, 0]);
    // With only the bot's reply the buyer is unanswered, yet within 5 minutes.
    const botOnly = metrics([buyer('09:00:00'), bot('09:00:05')], preset('pinduoduo'));
    expect(botOnly).toMatchObject({ counted: 1, answered: 0, unanswered: 1, rates: { '30': 0, '180': 0, '300': 1 } });
  });

  it('system messages are ignored, and the reply is the NEXT shop message', () => {
    const m = metrics([shop('08:59:00'), buyer('09:00:00'), system('09:00:01'), shop('09:00:40'), shop('09:00:45')]);
    expect(m).toMatchObject({ counted: 1, answered: 1, avgResponseMs: 40_000 });
  });

  it('a reply stamped with the same time as the question answers it (wait 0)', () => {
    const m = metrics([shop('09:00:00'), buyer('09:00:00')]);
    expect(m).toMatchObject({ counted: 1, answered: 1, avgResponseMs: 0 });
  });

  it('takes events in any order', () => {
    const events = [buyer('09:00:00'), bot('09:00:02'), shop('09:01:00'), buyer('09:02:00'), shop('09:02:20')];
    expect(metrics([...events].reverse())).toEqual(metrics(events));
  });
});

describe('several buyer messages before one reply', () => {
  const events = [buyer('09:00:00'), buyer('09:00:20'), buyer('09:00:50'), shop('09:01:00'), buyer('09:02:00'), bot('09:02:01'), buyer('09:02:30'), shop('09:02:40')];

  it('per message (default): each waits from its own time', () => {
    const m = metrics(events);
    // Waits: 60, 40, 10, then 40, 10 s.
    expect(m.counted).toBe(5);
    expect(m.avgResponseMs).toBe(32_000);
    expect(m.rates['30']).toBe(2 / 5);
    expect(m.rates['180']).toBe(1);
  });

  it('per round (Douyin): only the first message of each run counts; a bot reply does not end the run', () => {
    const m = metrics(events, preset('douyin'));
    // Rounds from 09:00:00 (60 s) and 09:02:00 (40 s).
    expect(m.counted).toBe(2);
    expect(m.avgResponseMs).toBe(50_000);
    expect(m.rates['30']).toBe(0);
  });

  it('per round (Taobao): a bot reply ends the run and answers it', () => {
    const m = metrics(events, preset('taobao'));
    // Rounds from 09:00:00 (60 s), 09:02:00 (bot, 1 s), 09:02:30 (10 s).
    expect(m.counted).toBe(3);
    expect(m.avgResponseMs).toBe(71_000 / 3);
  });

  it('a round is judged by its first message: a run started before the window or the period does not count', () => {
    const douyin = preset('douyin');
    expect(metrics([buyer('07:59:00'), buyer('08:01:00'), shop('08:02:00')], douyin).counted).toBe(0);
    const shift: Period = { start: t('14:00:00'), end: t('18:00:00') };
    expect(metrics([buyer('13:59:00'), buyer('14:01:00'), shop('14:02:00')], douyin, shift).counted).toBe(0);
    expect(metrics([buyer('13:59:00'), buyer('14:01:00'), shop('14:02:00')], DEFAULT, shift).counted).toBe(1);
  });
});

describe('messages never answered', () => {
  it('count in the denominator only, are reported, and stay out of the average', () => {
    const m = metrics([buyer('09:00:00'), shop('09:00:10'), buyer('10:00:00'), buyer('10:05:00', { conv: 'b' })]);
    expect(m).toMatchObject({ counted: 3, answered: 1, unanswered: 2, avgResponseMs: 10_000 });
    expect(m.rates).toEqual({ '30': 1 / 3, '180': 1 / 3, '300': 1 / 3 });
    expect(m.histogram.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('leave the average null when nothing was answered, and every rate null when nothing was counted', () => {
    expect(metrics([buyer('10:00:00')])).toMatchObject({ avgResponseMs: null, rates: { '30': 0, '180': 0, '300': 0 }, unanswered: 1 });
    expect(metrics([buyer('07:00:00'), shop('07:00:05')])).toMatchObject({
      counted: 0,
      rates: { '30': null, '180': null, '300': null },
      avgResponseMs: null,
      effectiveReplyRate: null,
      inquiryConversion: null,
    });
  });
});

describe('the N-second limits are inclusive', () => {
  it('30 s is within 30 s; 30.001 s and 31 s are not', () => {
    const m = metrics([
      buyer('09:00:00', { conv: 'a' }),
      shop('09:00:30', { conv: 'a' }),
      buyer('09:00:00', { conv: 'b' }),
      { ...shop('09:00:30', { conv: 'b' }), at: t('09:00:30') + 1 },
      buyer('09:00:00', { conv: 'c' }),
      shop('09:00:31', { conv: 'c' }),
      buyer('09:00:00', { conv: 'd' }),
      shop('09:03:00', { conv: 'd' }),
      buyer('09:00:00', { conv: 'e' }),
      shop('09:05:01', { conv: 'e' }),
    ]);
    expect(m.rates).toEqual({ '30': 1 / 5, '180': 4 / 5, '300': 4 / 5 });
  });

  it('the histogram bins include their upper edge, like the rates', () => {
    const waits = [0, 10, 11, 20, 30, 31, 60, 180, 181, 300, 600, 601];
    const events = waits.flatMap((w, i) => [buyer('09:00:00', { conv: `c${i}` }), { ...shop('09:00:00', { conv: `c${i}` }), at: t('09:00:00') + w * 1000 }]);
    const m = metrics(events);
    expect(HISTOGRAM_EDGES_SEC).toEqual([10, 20, 30, 60, 180, 300, 600]);
    expect(m.histogram).toEqual([2, 2, 1, 2, 1, 2, 1, 1]);
    // The first three bins are exactly the replies within 30 s.
    expect(m.histogram.slice(0, 3).reduce((a, b) => a + b)).toBe(computeCounters(events, DEFAULT, DAY, TZ, NOW).within[0]);
  });
});

describe('consulting buyers, effective replies and inquiry conversion', () => {
  it('are counted per conversation and local day', () => {
    const m = metrics(
      [
        // a: consulted, answered, ordered afterwards: effective and converted.
        buyer('09:00:00', { conv: 'a' }),
        shop('09:05:00', { conv: 'a' }),
        order('10:00:00', { conv: 'a' }),
        order('11:00:00', { conv: 'a' }),
        // b: consulted at 22:50, answered only after midnight: no effective reply the same day.
        buyer('22:50:00', { conv: 'b' }),
        bot('22:50:01', { conv: 'b' }),
        shop('00:10:00', { conv: 'b', date: '2026-11-23' }),
        // c: ordered before consulting: not converted.
        order('08:30:00', { conv: 'c' }),
        buyer('09:00:00', { conv: 'c' }),
        shop('09:00:10', { conv: 'c' }),
        // d: wrote only outside the window: not a consulting buyer, even with an answer and an order.
        buyer('07:00:00', { conv: 'd' }),
        shop('07:00:10', { conv: 'd' }),
        order('07:30:00', { conv: 'd' }),
        // e: an order by a buyer who never wrote.
        order('12:00:00', { conv: 'e' }),
      ],
      DEFAULT,
      TWO_DAYS,
    );
    expect(m.consultingBuyers).toBe(3);
    expect(m.effectiveReplyRate).toBe(2 / 3);
    expect(m.inquiryConversion).toBe(1 / 3);
  });

  it('count a conversation once per day, and an order converts only its own day', () => {
    const events = [
      buyer('09:00:00'),
      buyer('15:00:00'),
      shop('15:01:00'),
      order('09:00:00', { date: '2026-11-23' }),
      buyer('10:00:00', { date: '2026-11-23' }),
      order('10:30:00', { date: '2026-11-23' }),
    ];
    const m = metrics(events, DEFAULT, TWO_DAYS);
    expect(m.consultingBuyers).toBe(2);
    // Day 1 answered the same day; day 2 never answered.
    expect(m.effectiveReplyRate).toBe(1 / 2);
    // Day 2's order at 10:30 follows its first message; day 1's buyer ordered only the next day.
    expect(m.inquiryConversion).toBe(1 / 2);
    expect(metrics(events, DEFAULT, DAY)).toMatchObject({ consultingBuyers: 1, effectiveReplyRate: 1, inquiryConversion: 0 });
  });

  it('Pinduoduo: one unit per buyer and day; answered after 1 hour (or never) is no effective reply', () => {
    const m = metrics(
      [
        // a: three messages, first reply 1 h 0 min 1 s after the first: one unit, not effective.
        buyer('09:00:00', { conv: 'a' }),
        buyer('09:10:00', { conv: 'a' }),
        shop('10:00:01', { conv: 'a' }),
        buyer('12:00:00', { conv: 'a' }),
        shop('12:00:05', { conv: 'a' }),
        // b: answered exactly 1 h later: effective.
        buyer('09:00:00', { conv: 'b' }),
        shop('10:00:00', { conv: 'b' }),
        // c: never answered.
        buyer('11:00:00', { conv: 'c' }),
        // d: answered in 20 s on two days: one unit per day.
        buyer('13:00:00', { conv: 'd' }),
        shop('13:00:20', { conv: 'd' }),
        buyer('13:00:00', { conv: 'd', date: '2026-11-23' }),
        shop('13:00:20', { conv: 'd', date: '2026-11-23' }),
      ],
      preset('pinduoduo'),
      TWO_DAYS,
    );
    expect(m.counted).toBe(5);
    expect(m.answered).toBe(4);
    expect(m.unanswered).toBe(1);
    expect(m.avgResponseMs).toBe((3_601_000 + 3_600_000 + 20_000 + 20_000) / 4);
    expect(m.rates['30']).toBe(2 / 5);
    expect(m.consultingBuyers).toBe(5);
    expect(m.effectiveReplyRate).toBe(3 / 5);
  });

  it('a buyer unit waits from the first COUNTED message of the day', () => {
    const m = metrics([buyer('07:30:00'), buyer('08:10:00'), shop('08:12:00')], preset('pinduoduo'));
    expect(m).toMatchObject({ counted: 1, avgResponseMs: 120_000, effectiveReplyRate: 1 });
  });
});

describe('JD sessions', () => {
  const jd = preset('jd');

  it('are judged by when they started: a session started at 23:30 is excluded', () => {
    const m = metrics([buyer('23:30:00'), shop('23:30:20'), buyer('23:40:00'), shop('23:45:00')], jd);
    expect(m.counted).toBe(0);
    expect(m.consultingBuyers).toBe(0);
  });

  it('a session started before 09:00 is excluded even when the buyer writes on after 09:00', () => {
    expect(metrics([buyer('08:50:00'), shop('08:55:00'), buyer('09:05:00'), shop('09:05:10')], jd).counted).toBe(0);
  });

  it('a buyer message after 30 minutes of silence starts a new session; only its first message waits', () => {
    const m = metrics(
      [
        buyer('10:00:00'),
        shop('10:00:40'), // session 1: 40 s
        buyer('10:05:00'),
        shop('10:05:05'), // same session, not a unit
        buyer('10:35:05'), // 30 min after the last message: session 2
        shop('10:35:15'), // 10 s
        shop('12:00:00'), // a care message while no session is open opens none
        buyer('12:01:00'), // session 3
        shop('12:01:25'), // 25 s
        shop('12:20:00'), // the shop's messages keep the session open...
        buyer('12:45:00'), // ...so this is still session 3
        shop('12:45:30'),
      ],
      jd,
    );
    expect(m.counted).toBe(3);
    expect(m.avgResponseMs).toBe(25_000);
    expect(m.rates['30']).toBe(2 / 3);
    expect(m.consultingBuyers).toBe(1);
  });

  it('the next morning after a night session, a new session counts', () => {
    const m = metrics([buyer('23:30:00'), shop('23:30:20'), buyer('09:10:00', { date: '2026-11-23' }), shop('09:10:20', { date: '2026-11-23' })], jd, TWO_DAYS);
    expect(m).toMatchObject({ counted: 1, avgResponseMs: 20_000, consultingBuyers: 1 });
  });
});

describe('now', () => {
  it('does not change the counters: a message without a reply among the events is unanswered', () => {
    const events = [buyer('09:00:00'), shop('09:00:10'), buyer('10:00:00')];
    expect(computeMetrics(events, DEFAULT, DAY, TZ, t('10:00:01'))).toEqual(computeMetrics(events, DEFAULT, DAY, TZ, NOW));
  });
});

describe('conversations', () => {
  it('two shops (or sites) with the same conversation id are kept apart', () => {
    const m = metrics([
      buyer('09:00:00', { shop: 'shop-1' }),
      shop('09:00:10', { shop: 'shop-2' }),
      buyer('09:00:00', { shop: 'shop-3', site: 'jd' }),
      shop('09:00:10', { shop: 'shop-3', site: 'douyin' }),
    ]);
    expect(m).toMatchObject({ counted: 2, answered: 0, unanswered: 2, consultingBuyers: 2 });
    const together = metrics([buyer('09:00:00', { shop: 'shop-1' }), shop('09:00:10', { shop: 'shop-1' })]);
    expect(together).toMatchObject({ counted: 1, answered: 1 });
  });
});

describe('time zones', () => {
  // 2026-11-22T01:00Z is 09:00 in Shanghai and 01:00 in UTC.
  const events: MetricEvent[] = [
    { site: 's', shopId: 'x', conversationId: 'c', type: 'message', sender: 'buyer', auto: false, at: Date.parse('2026-11-22T01:00:00Z') },
    { site: 's', shopId: 'x', conversationId: 'c', type: 'message', sender: 'shop', auto: false, at: Date.parse('2026-11-22T01:00:20Z') },
  ];
  const utcDay: Period = { start: Date.parse('2026-11-22T00:00:00Z'), end: Date.parse('2026-11-23T00:00:00Z') };

  it('the window is read in the given time zone', () => {
    expect(computeMetrics(events, DEFAULT, utcDay, 'Asia/Shanghai', NOW).counted).toBe(1);
    expect(computeMetrics(events, DEFAULT, utcDay, 'UTC', NOW).counted).toBe(0);
    // 01:00Z is 20:00 the day before in New York (EST, UTC-5): inside the window.
    expect(computeMetrics(events, DEFAULT, utcDay, 'America/New_York', NOW).counted).toBe(1);
  });

  it('days (consulting, effective reply) are local days', () => {
    // 15:30Z and 16:30Z: the same UTC day, two Shanghai days (23:30 and 00:30 local).
    const ev = (iso: string, sender: 'buyer' | 'shop'): MetricEvent => ({ site: 's', shopId: 'x', conversationId: 'c', type: 'message', sender, auto: false, at: Date.parse(iso) });
    const all: MetricProfile = { ...DEFAULT, window: { start: 0, end: 1440 } };
    const list = [ev('2026-11-22T15:30:00Z', 'buyer'), ev('2026-11-22T16:30:00Z', 'buyer'), ev('2026-11-22T16:31:00Z', 'shop')];
    expect(computeMetrics(list, all, utcDay, 'UTC', NOW)).toMatchObject({ consultingBuyers: 1, effectiveReplyRate: 1 });
    expect(computeMetrics(list, all, utcDay, 'Asia/Shanghai', NOW)).toMatchObject({ consultingBuyers: 2, effectiveReplyRate: 1 / 2 });
  });
});

describe('timeline', () => {
  it('bins units by the time the buyer wrote, 10 minutes a bin from the period start', () => {
    const m = metrics([buyer('09:00:00'), shop('09:00:40'), buyer('09:09:59', { conv: 'b' }), shop('09:10:05', { conv: 'b' }), buyer('09:10:00', { conv: 'c' })]);
    expect(m.timeline).toHaveLength(144);
    expect(m.timeline[54]).toEqual({ count: 2, waitSumMs: 46_000, late: 1 });
    expect(m.timeline[55]).toEqual({ count: 1, waitSumMs: 0, late: 1 });
    expect(m.timeline.reduce((a, b) => a + b.count, 0)).toBe(m.counted);
  });

  it('a day with a daylight-saving change has 23 or 25 hours of bins', () => {
    const springDay: Period = { start: Date.parse('2026-03-08T05:00:00Z'), end: Date.parse('2026-03-09T04:00:00Z') };
    expect(emptyCounters(springDay).timeline).toHaveLength(138);
    expect(emptyCounters(DAY).histogram).toHaveLength(8);
  });
});

/** Deterministic pseudo-random conversations: several sites, shops, bots, orders and system messages over two days. */
function randomEvents(seed: number, count: number): MetricEvent[] {
  let s = seed;
  const rnd = () => {
    s = (s + 0x6d2b79f5) | 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  const events: MetricEvent[] = [];
  while (events.length < count) {
    const c = Math.floor(rnd() * 40);
    let at = TWO_DAYS.start - 3_600_000 + Math.floor(rnd() * (TWO_DAYS.end - TWO_DAYS.start));
    for (let k = 0; k < 8; k++) {
      const r = rnd();
      const sender = r < 0.5 ? 'buyer' : r < 0.95 ? 'shop' : 'system';
      events.push({ site: c % 2 ? 'jd' : 'pinduoduo', shopId: `shop-${c % 3}`, conversationId: `c${c % 20}`, type: rnd() < 0.05 ? 'order' : 'message', sender, auto: sender === 'shop' && rnd() < 0.3, at });
      at += Math.floor(rnd() * rnd() * 3_000_000);
    }
  }
  return events;
}

function byConversation(events: readonly MetricEvent[]): MetricEvent[][] {
  const groups = new Map<string, MetricEvent[]>();
  for (const e of events) {
    const key = JSON.stringify([e.site, e.shopId, e.conversationId]);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()];
}

describe('additivity', () => {
  const events = randomEvents(7, 2_000);
  const custom: MetricProfile = { ...DEFAULT, id: 'custom', unit: 'round', botRepliesCountFor: [180, 300], effectiveReplyWithinSec: 600 };

  it.each([...presetProfiles, custom].map((p) => [p.id, p] as const))('the sum of conversationCounters equals computeMetrics (%s)', (_id, profile) => {
    let sum: Counters = emptyCounters(TWO_DAYS);
    for (const group of byConversation(events)) sum = addCounters(sum, conversationCounters(group, profile, TWO_DAYS, TZ, NOW));
    expect(sum).toEqual(computeCounters(events, profile, TWO_DAYS, TZ, NOW));
    expect(finalizeMetrics(sum)).toEqual(computeMetrics(events, profile, TWO_DAYS, TZ, NOW));
    // Sanity: the random data exercises every counter.
    expect(sum.counted).toBeGreaterThan(0);
    expect(sum.unanswered).toBeGreaterThan(0);
    expect(sum.converted).toBeGreaterThan(0);
    expect(sum.timeline.reduce((a, b) => a + b.late, 0)).toBe(sum.counted - sum.within[0]!);
    expect(sum.histogram.reduce((a, b) => a + b, 0)).toBe(sum.answered);
    expect(sum.answered + sum.unanswered).toBe(sum.counted);
  });

  it('subtractCounters(addCounters(a, b), b) equals a', () => {
    const [g1, g2] = byConversation(events);
    const a = conversationCounters(g1!, DEFAULT, TWO_DAYS, TZ, NOW);
    const b = conversationCounters(g2!, DEFAULT, TWO_DAYS, TZ, NOW);
    expect(a.counted).toBeGreaterThan(0);
    expect(subtractCounters(addCounters(a, b), b)).toEqual(a);
    expect(subtractCounters(a, a)).toEqual(emptyCounters(TWO_DAYS));
  });

  it('adds timelines of different lengths (a shift whose end moved)', () => {
    const short = emptyCounters({ start: 0, end: 20 * 60_000 });
    short.timeline[1]!.count = 2;
    const long = emptyCounters({ start: 0, end: 40 * 60_000 });
    long.timeline[3]!.count = 1;
    expect(addCounters(short, long).timeline.map((b) => b.count)).toEqual([0, 2, 0, 1]);
  });

  it('adjacent shifts sum to the period that joins them (units judged by their start)', () => {
    // Not so for the buyer unit, nor consulting buyers: "once a day" is once per period and day.
    const noon = t('12:00:00');
    for (const profile of presetProfiles.filter((p) => p.unit !== 'buyer')) {
      const whole = computeCounters(events, profile, DAY, TZ, NOW);
      const am = computeCounters(events, profile, { start: DAY.start, end: noon }, TZ, NOW);
      const pm = computeCounters(events, profile, { start: noon, end: DAY.end }, TZ, NOW);
      expect([am.counted + pm.counted, am.answered + pm.answered, am.waitSumMs + pm.waitSumMs]).toEqual([whole.counted, whole.answered, whole.waitSumMs]);
    }
  });
});
