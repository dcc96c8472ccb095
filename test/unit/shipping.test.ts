import { describe, expect, test } from 'vitest';
import { chooseChannel, SHIPPING_TEXTS, shippingReply, type ChannelFamily, type ParcelInput } from '@/lib/shipping';

const parcel = (change: Partial<ParcelInput> = {}): ParcelInput => ({ valueUsd: 20, weightKg: 0.5, dimensionsCm: [20, 15, 10], country: 'US', ...change });
const familyOf = (input: ParcelInput, divisor?: number): ChannelFamily | 'error' => {
  const result = chooseChannel(input, { volumetricDivisor: divisor });
  return result.ok ? result.decision.family : 'error';
};

describe('chooseChannel at every boundary', () => {
  test('order value: exactly 5 USD is registered, just under is economy', () => {
    expect(familyOf(parcel({ valueUsd: 5 }))).toBe('registeredSmallPacket');
    expect(familyOf(parcel({ valueUsd: 4.99 }))).toBe('economyUntracked');
    expect(familyOf(parcel({ valueUsd: 0 }))).toBe('economyUntracked');
  });

  test('weight: exactly 2 kg is a small packet, just over is not', () => {
    expect(familyOf(parcel({ weightKg: 2 }))).toBe('registeredSmallPacket');
    const over = chooseChannel(parcel({ weightKg: 2.001 }));
    expect(over.ok && over.decision).toMatchObject({ family: 'commercialExpress', reasons: ['shipping.reason.over2kg', 'shipping.reason.realWeightDominates'] });
  });

  test('longest side: exactly 60 cm fits (with length+girth exactly 90), 60.1 cm does not', () => {
    const fits = chooseChannel(parcel({ dimensionsCm: [10, 60, 5] }));
    expect(fits.ok && fits.decision).toMatchObject({ family: 'registeredSmallPacket', figures: { longestCm: 60, lengthGirthCm: 90 } });
    const over = chooseChannel(parcel({ dimensionsCm: [60.1, 10, 4.9], weightKg: 0.3 }));
    expect(over.ok && over.decision.reasons).toEqual(['shipping.reason.longestOver60', 'shipping.reason.volumetricDominates']);
  });

  test('length+girth = longest + 2 x the other two: exactly 90 cm fits, 90.2 cm does not', () => {
    expect(familyOf(parcel({ dimensionsCm: [15, 40, 10] }))).toBe('registeredSmallPacket');
    const over = chooseChannel(parcel({ dimensionsCm: [15, 40, 10.1] }));
    expect(over.ok && over.decision.reasons[0]).toBe('shipping.reason.lengthGirthOver90');
    expect(over.ok && over.decision.figures.lengthGirthCm).toBe(90.2);
  });

  test('a cheap parcel over the small-packet limits is never sent untracked', () => {
    expect(familyOf(parcel({ valueUsd: 3, weightKg: 2.5 }))).toBe('commercialExpress');
  });

  test('over the limits, the heavier of real and volumetric weight decides; a tie goes to express postal', () => {
    // 60 x 10 x 10 = 6000 cm^3 = 1 kg volumetric at 6000; length+girth 100 cm
    expect(familyOf(parcel({ dimensionsCm: [60, 10, 10], weightKg: 1 }))).toBe('expressPostal');
    expect(familyOf(parcel({ dimensionsCm: [60, 10, 10], weightKg: 1.001 }))).toBe('commercialExpress');
    expect(familyOf(parcel({ dimensionsCm: [60, 10, 10], weightKg: 0.4 }))).toBe('expressPostal');
  });

  test('the volumetric divisor is configurable: over 2 kg but light for its volume -> express postal', () => {
    // 30 x 15 x 15 = 6750 cm^3: 1.125 kg at 6000, 2.25 kg at 3000
    expect(familyOf(parcel({ dimensionsCm: [30, 15, 15], weightKg: 2.1 }))).toBe('commercialExpress');
    const light = chooseChannel(parcel({ dimensionsCm: [30, 15, 15], weightKg: 2.1 }), { volumetricDivisor: 3000 });
    expect(light.ok && light.decision).toMatchObject({ family: 'expressPostal', figures: { volumetricKg: 2.25, chargeableKg: 2.25 } });
  });
});

describe('bad input', () => {
  test.each([
    ['a negative weight', parcel({ weightKg: -1 }), { weightKg: 'shipping.error.negative' }],
    ['a NaN weight', parcel({ weightKg: Number.NaN }), { weightKg: 'shipping.error.notANumber' }],
    ['a zero side', parcel({ dimensionsCm: [20, 0, 10] }), { 'dimensionsCm.1': 'shipping.error.notPositive' }],
    ['an infinite value', parcel({ valueUsd: Number.POSITIVE_INFINITY }), { valueUsd: 'shipping.error.notANumber' }],
    ['a negative value', parcel({ valueUsd: -5 }), { valueUsd: 'shipping.error.negative' }],
    ['a country name instead of a code', parcel({ country: 'Brazil' }), { country: 'shipping.error.country' }],
  ])('%s returns an error for that field and no channel', (_, input, errors) => {
    expect(chooseChannel(input)).toEqual({ ok: false, errors });
  });

  test('every bad field is named at once', () => {
    const result = chooseChannel(parcel({ weightKg: -1, dimensionsCm: [0, 0, 10] }), { volumetricDivisor: 0 });
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['dimensionsCm.0', 'dimensionsCm.1', 'volumetricDivisor', 'weightKg']);
  });
});

describe('delivery promise and reply', () => {
  test('post 8-25 days, Brazil 20-45, express 3-10, processed within 24 h', () => {
    const promise = (input: ParcelInput) => {
      const result = chooseChannel(input);
      return result.ok ? [result.decision.promise.minDays, result.decision.promise.maxDays, result.decision.promise.processingHours] : null;
    };
    expect(promise(parcel())).toEqual([8, 25, 24]);
    expect(promise(parcel({ country: 'br' }))).toEqual([20, 45, 24]);
    expect(promise(parcel({ country: 'BR', weightKg: 3 }))).toEqual([3, 10, 24]);
  });

  test('the reply quotes the range and the channel, never a date, in zh and en', () => {
    const result = chooseChannel(parcel({ country: 'BR', valueUsd: 3 }));
    if (!result.ok) throw new Error('expected a channel');
    expect(shippingReply(result.decision, 'en')).toMatch(/within 24 hours.*economy small packet \(no tracking\).*no full tracking.*usually takes 20-45 days/);
    expect(shippingReply(result.decision, 'zh')).toMatch(/24小时内.*经济小包.*没有全程物流跟踪.*一般20-45天/);
  });

  test('every reason, family and error key has zh and en text', () => {
    const result = chooseChannel(parcel({ weightKg: 3, dimensionsCm: [70, 20, 20] }));
    for (const key of result.ok ? result.decision.reasons : []) expect(SHIPPING_TEXTS[key].zh && SHIPPING_TEXTS[key].en).toBeTruthy();
    for (const text of Object.values(SHIPPING_TEXTS)) expect(text.zh && text.en).toBeTruthy();
  });
});
