import { describe, expect, test } from 'vitest';
import { buyerScripts } from '@/demo/corpus';
import { Simulation, parseOptions, type DemoOptions } from '@/demo/sim';

const T0 = Date.parse('2026-11-23T02:00:00Z');
const options = (change: Partial<DemoOptions> = {}): DemoOptions => ({ ...parseOptions('seed=5&pace=0&buyers=3'), ...change });

describe('demo simulation', () => {
  test('the same seed gives the same buyers and questions; another seed does not', () => {
    const texts = (seed: number) => new Simulation(options({ seed }), T0).state.conversations.map((c) => [c.buyerName, c.messages[0]!.text]);
    expect(texts(5)).toEqual(texts(5));
    expect(texts(5)).not.toEqual(texts(6));
  });

  test('URL parameters are read with bounds and defaults', () => {
    expect(parseOptions('seed=9&pace=12&buyers=2&lang=en&delay=0.1')).toEqual({ seed: 9, pace: 12, buyers: 2, lang: 'en', delayScale: 0.1, shopId: 'demo-shop-001', flood: 0 });
    expect(parseOptions('shop=shop-b').shopId).toBe('shop-b');
    expect(parseOptions('shop=<b>').shopId).toBe('demo-shop-001');
    expect(parseOptions('pace=-4&buyers=999&lang=fr')).toMatchObject({ pace: 0, buyers: 50, lang: 'mix', delayScale: 1 });
  });

  test('the robot greets each new buyer; the buyer follows up only after a manual reply', () => {
    const sim = new Simulation(options({ buyers: 1, lang: 'zh' }), T0);
    const conv = sim.state.conversations[0]!;
    sim.tick(T0 + 2_000);
    expect(conv.messages.map((m) => m.sender)).toEqual(['buyer', 'robot']);
    sim.tick(T0 + 60_000);
    expect(conv.messages).toHaveLength(2);
    sim.shopSend(conv.id, '亲，在的', T0 + 61_000);
    sim.tick(T0 + 80_000);
    expect(conv.messages.map((m) => m.sender)).toEqual(['buyer', 'robot', 'shop', 'buyer']);
    expect(sim.state.sent).toEqual(['亲，在的']);
    expect(Simulation.waitingSince(conv)).toBe(conv.messages[3]!.at);
  });

  test('a buyer left waiting asks again; new buyers arrive at the set pace', () => {
    const sim = new Simulation(options({ buyers: 1, pace: 6, lang: 'en' }), T0);
    sim.tick(T0 + 100_000);
    expect(sim.state.conversations.at(-1)!.messages.some((m) => m.text === 'Hello? Anyone there?')).toBe(true);
    // 6 a minute for 10 minutes: about 60 new buyers (gaps are 5-15 s).
    const busy = new Simulation(options({ buyers: 0, pace: 6 }), T0);
    busy.tick(T0 + 600_000);
    expect(busy.state.conversations.length).toBeGreaterThan(40);
    expect(busy.state.conversations.length).toBeLessThan(80);
  });

  test('a flood spreads the set number of buyer messages a minute over the conversations', () => {
    const sim = new Simulation(options({ buyers: 5, flood: 1_000 }), T0);
    const before = sim.state.conversations.reduce((n, c) => n + c.messages.length, 0);
    sim.tick(T0 + 60_000);
    const buyerMessages = sim.state.conversations.reduce((n, c) => n + c.messages.filter((m) => m.sender === 'buyer').length, 0);
    expect(buyerMessages - 5).toBeGreaterThanOrEqual(999);
    expect(buyerMessages - 5).toBeLessThanOrEqual(1_001);
    expect(sim.conversation(sim.state.activeId)!.messages.length).toBeGreaterThan(250);
    expect(before).toBe(5);
  });

  test('a pre-sale buyer who got every answer places an order', () => {
    const script = buyerScripts.find((s) => s.placesOrder && s.lang === 'zh')!;
    const sim = new Simulation(options({ buyers: 1, lang: 'zh' }), T0);
    const conv = sim.state.conversations[0]!;
    conv.scriptId = script.id;
    conv.orderNumber = null;
    let now = T0;
    for (let i = 0; i < script.messages.length; i++) {
      now += 20_000;
      sim.shopSend(conv.id, '好的', now);
      sim.tick(now + 15_000);
    }
    sim.tick(now + 60_000);
    expect(conv.orderNumber).toMatch(/^26\d{14}$/);
    expect(conv.messages.some((m) => m.sender === 'system' && m.text.includes(conv.orderNumber!))).toBe(true);
  });

  test('the corpus covers every phase in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const phase of ['presale', 'insale', 'aftersale', 'care'] as const) {
        expect(buyerScripts.filter((s) => s.lang === lang && s.phase === phase).length).toBeGreaterThanOrEqual(5);
      }
    }
    expect(new Set(buyerScripts.map((s) => s.id)).size).toBe(buyerScripts.length);
  });
});
