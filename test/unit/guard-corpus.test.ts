import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkMessage, GUARD_CATEGORIES, type GuardCategory } from '@/lib/guard';

/**
 * The guard's measured quality on the labelled corpus (test/fixtures/guard-corpus.json): recall per category (of
 * the messages labelled with it, the share where the guard finds it) and the false-alarm rate (of the harmless
 * messages, many written to look risky, the share with any finding), for every set, next to the same figures
 * for the words alone (the rules without the learned checker).
 *
 * The targets are recall >= 95% in every category and false alarms < 2%. They are printed, not asserted:
 * they are not met (see the figures). What is asserted is what the learned checker is for: on the sets it never
 * saw (`test-*`), it raises fewer false alarms than the words alone and finds at least as much on average.
 *
 * Sets: `held-out`, `tuning*`, `held-out-7`: written with the rules, which were tuned on them. `train-*`: written
 * by fourteen writers for the learned checker, each on one kind of shop, `train-14` on disguises. `test-A` to
 * `test-D`: written by four more writers who saw neither the rules nor the data; the model never trains on them
 * (scripts/train-guard.ts leaves `test-*` out), and `test-D` was written after its last change and measured
 * once.
 */
interface Entry {
  text: string;
  side: 'shop' | 'buyer';
  lang: 'zh' | 'en';
  categories: GuardCategory[];
  set: string;
}

const corpus = JSON.parse(readFileSync(resolve(process.cwd(), 'test/fixtures/guard-corpus.json'), 'utf8')) as Entry[];
const sets = [...new Set(corpus.map((e) => e.set))];
const testSets = sets.filter((s) => s.startsWith('test-'));

interface Score {
  recall: Record<GuardCategory, { found: number; total: number }>;
  harmless: number;
  falseAlarms: number;
  misses: string[];
  alarms: string[];
}

function score(entries: Entry[], learned: boolean): Score {
  const recall = Object.fromEntries(GUARD_CATEGORIES.map((c) => [c, { found: 0, total: 0 }])) as Score['recall'];
  const s: Score = { recall, harmless: 0, falseAlarms: 0, misses: [], alarms: [] };
  for (const e of entries) {
    const found = new Set(checkMessage(e.text, { side: e.side, learned }).map((f) => f.category));
    if (e.categories.length === 0) {
      s.harmless++;
      if (found.size) {
        s.falseAlarms++;
        s.alarms.push(`${e.side}: ${e.text} -> ${[...found].join(',')}`);
      }
    }
    for (const c of e.categories) {
      recall[c].total++;
      if (found.has(c)) recall[c].found++;
      else s.misses.push(`${c} (${e.side}): ${e.text}`);
    }
  }
  return s;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');
/** The mean of the categories' recall, over the categories the set has. */
const meanRecall = (s: Score) => {
  const rates = GUARD_CATEGORIES.filter((c) => s.recall[c].total > 0).map((c) => s.recall[c].found / s.recall[c].total);
  return rates.reduce((a, b) => a + b, 0) / rates.length;
};

describe('the corpus', () => {
  test('is big enough: 400+ messages, 40+ per category, 100+ harmless, both languages and sides', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    for (const c of GUARD_CATEGORIES) expect(corpus.filter((e) => e.categories.includes(c)).length, c).toBeGreaterThanOrEqual(40);
    expect(corpus.filter((e) => e.categories.length === 0).length).toBeGreaterThanOrEqual(100);
    for (const lang of ['zh', 'en']) for (const side of ['shop', 'buyer']) expect(corpus.some((e) => e.lang === lang && e.side === side)).toBe(true);
  });

  test('no message is in two sets, and the never-trained sets have every category and 100+ harmless messages', () => {
    const texts = corpus.map((e) => e.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(testSets.length).toBeGreaterThan(0);
    for (const set of testSets) {
      const entries = corpus.filter((e) => e.set === set);
      for (const c of GUARD_CATEGORIES) expect(entries.filter((e) => e.categories.includes(c)).length, `${set} ${c}`).toBeGreaterThanOrEqual(20);
      expect(entries.filter((e) => e.categories.length === 0).length).toBeGreaterThanOrEqual(100);
    }
  });
});

describe.each(sets)('set %s', (set) => {
  const entries = corpus.filter((e) => e.set === set);
  const guard = score(entries, true);
  const words = score(entries, false);

  test('prints recall per category and the false-alarm rate, against the words alone', () => {
    const rows = GUARD_CATEGORIES.map(
      (c) =>
        `  ${c.padEnd(12)} ${pct(guard.recall[c].found, guard.recall[c].total).padStart(7)}  (${guard.recall[c].found}/${guard.recall[c].total})   words alone ${pct(words.recall[c].found, words.recall[c].total).padStart(7)}`,
    );
    const lines = [
      `guard corpus, set ${set}${set.startsWith('test-') ? ' (never trained on)' : ''}; targets: recall >= 95%, false alarms < 2%`,
      '  category      recall',
      ...rows,
      `  false alarms ${pct(guard.falseAlarms, guard.harmless).padStart(7)}  (${guard.falseAlarms}/${guard.harmless} harmless)   words alone ${pct(words.falseAlarms, words.harmless).padStart(7)}`,
    ];
    if (set.startsWith('test-')) {
      if (guard.misses.length) lines.push('  missed:', ...guard.misses.map((m) => `    ${m}`));
      if (guard.alarms.length) lines.push('  false alarms:', ...guard.alarms.map((m) => `    ${m}`));
    }
    console.log(lines.join('\n'));
    // A false-alarm rate needs harmless messages to be measured on.
    expect(guard.harmless).toBeGreaterThan(0);
  });
});

describe.each(testSets)('never-trained set %s', (set) => {
  const entries = corpus.filter((e) => e.set === set);

  test('the guard alarms less than the words alone, and finds as much', () => {
    const guard = score(entries, true);
    const words = score(entries, false);
    expect(guard.falseAlarms).toBeLessThan(words.falseAlarms);
    expect(meanRecall(guard)).toBeGreaterThanOrEqual(meanRecall(words));
  });
});
