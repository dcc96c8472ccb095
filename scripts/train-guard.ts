/**
 * Trains the guard's learned checker (lib/guard/classifier.ts) on the labelled corpus and writes
 * lib/guard/model.json: `npm run train-guard [-- --cv K] [--corpus FILE]`.
 *
 * Trains on every set of test/fixtures/guard-corpus.json except those named `test-*`: those were written for
 * the measure only, and the model never sees them (test/unit/guard-corpus.test.ts measures them).
 * One logistic regression per category, all over the same features (lib/guard/features.ts), fitted by
 * full-batch Adam on the mean log-loss with an L2 penalty; a buyer's message trains only the categories a buyer's
 * message can have, and the extension's own texts (default snippets, the guard's safer wordings) train as harmless
 * at ten times the weight. Features seen in fewer than two messages are left out, and so are weights that round
 * to nothing, to keep the shipped file small. The rules precise enough on the corpus, per side, are named in
 * the file and flag on their own.
 *
 * Each category's two thresholds (a window without a rule's finding of it, a window with one) are chosen on
 * out-of-fold scores (K-fold cross-validation on the training sets, windows read as the guard reads them): the
 * pair that finds the most while flagging at most a share of the harmless messages the trusted rules leave
 * alone. `--cv K` only prints those figures and writes nothing.
 *
 * Deterministic: the same corpus gives the same file (seeded folds, full-batch steps).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CLAUSE_END, GuardModel, trustKey, WEIGHT_STEPS, WEIGHT_ZERO, type GuardModelData } from '../lib/guard/classifier';
import { featureCounts, featureText, ruleFeatures, type ExtraFeature } from '../lib/guard/features';
import { normalize } from '../lib/guard/normalize';
import { checkMessage } from '../lib/guard/check';
import { ADVICE } from '../lib/guard/rules';
import { GUARD_CATEGORIES, type GuardCategory, type GuardFinding, type GuardSide } from '../lib/guard/types';
import { defaultSnippets } from '../lib/snippets/defaults';

interface Entry {
  text: string;
  side: GuardSide;
  lang: 'zh' | 'en';
  categories: GuardCategory[];
  set: string;
}

const BUYER_CATEGORIES = new Set<GuardCategory>(['abuse', 'offPlatform', 'threat']);
const EPOCHS = 300;
const RATE = 0.05;
const L2 = 1e-3;
const MIN_MESSAGES = 2;
/** A category's threshold may add false alarms on at most this share of the harmless messages (out of fold). */
const ALARM_SHARE = 0.0025;
const LOWEST_THRESHOLD = -2;
const WIDTH = GUARD_CATEGORIES.length;
const MIN_TRUSTED = 4;
const OWN_TEXTS = 'own-texts';
const OWN_TEXT_WEIGHT = 10;
const TRUSTED_PRECISION = 0.985;

/** A seeded pseudo-random sequence (mulberry32), so that training is repeatable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Example {
  entry: Entry;
  features: Map<string, number>;
}

/** What the rules alone find in a message; asked for each message in every fold, so kept by text and side. */
const ruleFindings = new Map<string, GuardFinding[]>();
function rulesFound(entry: Entry): GuardFinding[] {
  const key = `${entry.side}\u0000${entry.text}`;
  let found = ruleFindings.get(key);
  if (!found) ruleFindings.set(key, (found = checkMessage(entry.text, { side: entry.side, learned: false })));
  return found;
}

/** What the rules alone find in a message, as the model reads it. */
function ruleExtras(entry: Entry): ExtraFeature[] {
  return ruleFeatures(rulesFound(entry));
}

/**
 * The training examples: each message, and each clause of a harmless message on its own. The guard reads clause
 * by clause; a clause of a harmless message is harmless, while which clause of a risky one is risky is not known.
 */
function examplesOf(entries: readonly Entry[]): Example[] {
  const whole = (entry: Entry): Example => {
    const features = featureCounts(featureText(normalize(entry.text)).text, entry.side);
    for (const { feature } of ruleExtras(entry)) features.set(feature, (features.get(feature) ?? 0) + 1);
    return { entry, features };
  };
  return entries.flatMap((entry) => {
    const clauses = entry.categories.length ? [] : entry.text.split(CLAUSE_END).filter((c) => c.trim().length > 1);
    return [whole(entry), ...(clauses.length > 1 ? clauses.map((text) => whole({ ...entry, text })) : [])];
  });
}

/** Fits the weights on `train`; returns the model data with thresholds at 0 (set later). */
function fit(train: readonly Example[]): GuardModelData {
  const seen = new Map<string, number>();
  for (const ex of train) for (const f of ex.features.keys()) seen.set(f, (seen.get(f) ?? 0) + 1);
  const vocabulary = [...seen].filter(([, n]) => n >= MIN_MESSAGES).map(([f]) => f).sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const rows = train.map((ex) => {
    const at: number[] = [];
    const values: number[] = [];
    for (const [f, count] of ex.features) {
      const i = index.get(f);
      if (i !== undefined) {
        at.push(i);
        values.push(count);
      }
    }
    const labels = GUARD_CATEGORIES.map((c) => (ex.entry.side === 'buyer' && !BUYER_CATEGORIES.has(c) ? -1 : ex.entry.categories.includes(c) ? 1 : 0));
    // The extension's own texts weigh more: a guard that flags its own advice would be useless.
    return { at, values, labels, weight: ex.entry.set === OWN_TEXTS ? OWN_TEXT_WEIGHT : 1 };
  });
  // Full-batch Adam on the mean log-loss plus an L2 penalty: every feature is held back by the same penalty
  // however often it occurs, so the rules' features (in hundreds of messages) keep their weight.
  const size = vocabulary.length * WIDTH;
  const w = new Float64Array(size);
  const bias = new Float64Array(WIDTH);
  const m = new Float64Array(size + WIDTH);
  const v = new Float64Array(size + WIDTH);
  const grad = new Float64Array(size + WIDTH);
  const counted = GUARD_CATEGORIES.map((_, c) => rows.reduce((sum, r) => sum + (r.labels[c]! >= 0 ? r.weight : 0), 0));
  for (let step = 1; step <= EPOCHS; step++) {
    grad.fill(0);
    for (const row of rows) {
      for (let c = 0; c < WIDTH; c++) {
        const y = row.labels[c]!;
        if (y < 0) continue;
        let z = bias[c]!;
        for (let k = 0; k < row.at.length; k++) z += w[row.at[k]! * WIDTH + c]! * row.values[k]!;
        const err = ((1 / (1 + Math.exp(-z)) - y) * row.weight) / counted[c]!;
        grad[size + c]! += err;
        for (let k = 0; k < row.at.length; k++) grad[row.at[k]! * WIDTH + c]! += err * row.values[k]!;
      }
    }
    for (let i = 0; i < size + WIDTH; i++) {
      const g = i < size ? grad[i]! + L2 * w[i]! : grad[i]!;
      m[i] = 0.9 * m[i]! + 0.1 * g;
      v[i] = 0.999 * v[i]! + 0.001 * g * g;
      const step_ = (RATE * (m[i]! / (1 - 0.9 ** step))) / (Math.sqrt(v[i]! / (1 - 0.999 ** step)) + 1e-8);
      if (i < size) w[i]! -= step_;
      else bias[i - size]! -= step_;
    }
  }
  let max = 0;
  for (const x of w) max = Math.max(max, Math.abs(x));
  const scale = max / WEIGHT_STEPS || 1;
  const features: string[] = [];
  let weights = '';
  vocabulary.forEach((f, i) => {
    const q = Array.from({ length: WIDTH }, (_, c) => Math.max(-WEIGHT_STEPS, Math.min(WEIGHT_STEPS - 1, Math.round(w[i * WIDTH + c]! / scale))));
    if (q.every((x) => x === 0)) return;
    features.push(f);
    weights += String.fromCharCode(...q.map((x) => WEIGHT_ZERO + x));
  });
  return {
    version: 1,
    categories: [...GUARD_CATEGORIES],
    features: features.join('\n'),
    weights,
    scale,
    bias: [...bias],
    thresholds: GUARD_CATEGORIES.map(() => 0),
    ruledThresholds: GUARD_CATEGORIES.map(() => 0),
    trustedRules: [],
    trainedOn: { messages: train.length, sets: [...new Set(train.map((ex) => ex.entry.set))].sort() },
  };
}

/**
 * Each message's best window logits per category, as the guard reads it: width values for the windows where no
 * rule found the category, then width for those where one did (-Infinity where there is none).
 */
function windowLogits(data: GuardModelData, entries: readonly Entry[]): Float64Array[] {
  const model = new GuardModel(data);
  return entries.map((e) => {
    const out = new Float64Array(2 * WIDTH).fill(-Infinity);
    const only = new Set(e.side === 'buyer' ? GUARD_CATEGORIES.filter((c) => BUYER_CATEGORIES.has(c)) : GUARD_CATEGORIES);
    for (const hit of model.check(e.text, normalize(e.text), e.side, only, ruleExtras(e), true)) {
      const c = GUARD_CATEGORIES.indexOf(hit.category);
      out[c] = hit.logit;
      out[WIDTH + c] = hit.ruledLogit;
    }
    return out;
  });
}

/**
 * Per category, the two thresholds (no rule in the window, a rule in it) that find the most of the category's
 * messages while flagging at most ALARM_SHARE of the harmless ones, counting only the harmless messages the
 * trusted rules leave alone (what they flag is flagged anyway).
 */
function chooseThresholds(entries: readonly Entry[], logits: readonly Float64Array[], trusted: readonly Set<GuardCategory>[]): { free: number[]; ruled: number[] } {
  const harmless = entries.map((e, i) => (e.categories.length === 0 ? i : -1)).filter((i) => i >= 0);
  const allowed = Math.floor(ALARM_SHARE * harmless.length);
  const open = harmless.filter((i) => trusted[i]!.size === 0);
  const free: number[] = [];
  const ruled: number[] = [];
  GUARD_CATEGORIES.forEach((category, c) => {
    const positives = entries.map((e, i) => (e.categories.includes(category) && !trusted[i]!.has(category) ? i : -1)).filter((i) => i >= 0);
    // Candidates for the ruled threshold: just above each of the highest harmless ruled scores, or above all.
    const ruledScores = open.map((i) => logits[i]![WIDTH + c]!).filter(Number.isFinite).sort((a, b) => b - a);
    let best = { found: -1, free: Infinity, ruled: Infinity };
    for (let k = 0; k <= Math.min(allowed, ruledScores.length); k++) {
      const ruledBar = k < ruledScores.length ? ruledScores[k]! + 1e-6 : -Infinity;
      // The harmless messages the ruled threshold lets through count against the same allowance.
      const stillOpen = open.filter((i) => !(Number.isFinite(logits[i]![WIDTH + c]!) && logits[i]![WIDTH + c]! >= ruledBar));
      const used = open.length - stillOpen.length;
      if (used > allowed) continue;
      const freeScores = stillOpen.map((i) => logits[i]![c]!).filter(Number.isFinite).sort((a, b) => b - a);
      const freeBar = allowed - used < freeScores.length ? freeScores[allowed - used]! + 1e-6 : -Infinity;
      const over = (x: number, bar: number) => Number.isFinite(x) && x >= bar;
      const found = positives.filter((i) => over(logits[i]![WIDTH + c]!, ruledBar) || over(logits[i]![c]!, freeBar)).length;
      if (found > best.found) best = { found, free: freeBar, ruled: ruledBar };
    }
    // Where no harmless message scored at all, a floor: a model that has seen nothing like it is no evidence.
    free.push(Math.max(best.free, LOWEST_THRESHOLD));
    ruled.push(Math.max(best.ruled, LOWEST_THRESHOLD));
  });
  return { free, ruled };
}

/**
 * The rules precise enough to flag on their own, per side (a phone number from the shop is an invitation, from
 * the buyer mostly an address for the courier): at least MIN_TRUSTED right findings and a share of
 * TRUSTED_PRECISION of all their findings in labelled messages (a finding in a harmless message is a wrong one).
 * The rest only speak through the model.
 */
function trustworthy(entries: readonly Entry[], found: readonly GuardFinding[][]): string[] {
  const right = new Map<string, number>();
  const wrong = new Map<string, number>();
  entries.forEach((e, i) => {
    for (const f of found[i]!) {
      const key = trustKey(e.side, f.ruleId);
      if (e.categories.includes(f.category)) right.set(key, (right.get(key) ?? 0) + 1);
      else if (e.categories.length === 0) wrong.set(key, (wrong.get(key) ?? 0) + 1);
    }
  });
  return [...right]
    .filter(([id, n]) => n >= MIN_TRUSTED && n / (n + (wrong.get(id) ?? 0)) >= TRUSTED_PRECISION)
    .map(([id]) => id)
    .sort();
}

function report(label: string, entries: readonly Entry[], flagged: (i: number, c: GuardCategory) => boolean, anyFlag: (i: number) => boolean): void {
  const rows = GUARD_CATEGORIES.map((c) => {
    const positives = entries.map((e, i) => (e.categories.includes(c) ? i : -1)).filter((i) => i >= 0);
    const found = positives.filter((i) => flagged(i, c)).length;
    return `${c} ${positives.length ? ((100 * found) / positives.length).toFixed(1) : '-'}%`;
  });
  const harmless = entries.map((e, i) => (e.categories.length === 0 ? i : -1)).filter((i) => i >= 0);
  const alarms = harmless.filter((i) => anyFlag(i)).length;
  console.log(`${label}: ${rows.join('  ')}  false alarms ${alarms}/${harmless.length} (${((100 * alarms) / harmless.length).toFixed(1)}%)`);
}

function main(args: string[]): void {
  const cvAt = args.indexOf('--cv');
  const folds = cvAt >= 0 ? Number(args[cvAt + 1]) : 5;
  const corpusAt = args.indexOf('--corpus');
  const corpusFile = resolve(corpusAt >= 0 ? args[corpusAt + 1]! : 'test/fixtures/guard-corpus.json');
  const corpus = JSON.parse(readFileSync(corpusFile, 'utf8')) as Entry[];
  // The texts the extension itself suggests are harmless by definition: the default snippets and the guard's
  // own safer wordings. A guard that flagged its own advice would be useless.
  const ownTexts: Entry[] = [
    ...defaultSnippets.map((s) => s.body),
    ...Object.values(ADVICE).flatMap((a) => [a.shop.zh, a.shop.en, ...(a.buyer ? [a.buyer.zh, a.buyer.en] : [])]),
  ].map((text) => ({ text, side: 'shop', lang: /[\u3400-\u9fff]/.test(text) ? 'zh' : 'en', categories: [], set: OWN_TEXTS }));
  const train = [...corpus.filter((e) => !e.set.startsWith('test-')), ...ownTexts];
  const tests = corpus.filter((e) => e.set.startsWith('test-'));
  const ruleFound = train.map(rulesFound);
  const trainRules = ruleFound.map((found) => new Set(found.map((f) => f.category)));
  const trustedRules = trustworthy(train, ruleFound);
  const trusted = ruleFound.map((found, i) => new Set(found.filter((f) => trustedRules.includes(trustKey(train[i]!.side, f.ruleId))).map((f) => f.category)));

  // Out-of-fold logits: each message scored by a model that did not see it.
  const next = random(7);
  const fold = train.map(() => Math.floor(next() * folds));
  const oof: Float64Array[] = new Array<Float64Array>(train.length);
  for (let k = 0; k < folds; k++) {
    const inFold = train.map((_, i) => i).filter((i) => fold[i] === k);
    const data = fit(examplesOf(train.filter((_, i) => fold[i] !== k)));
    const logits = windowLogits(data, inFold.map((i) => train[i]!));
    inFold.forEach((i, j) => (oof[i] = logits[j]!));
  }
  const { free: thresholds, ruled: ruledThresholds } = chooseThresholds(train, oof, trusted);
  const modelOof = (i: number, c: GuardCategory) => {
    const k = GUARD_CATEGORIES.indexOf(c);
    return trusted[i]!.has(c) || oof[i]![k]! >= thresholds[k]! || oof[i]![WIDTH + k]! >= ruledThresholds[k]!;
  };
  report('rules alone (training sets)', train, (i, c) => trainRules[i]!.has(c), (i) => trainRules[i]!.size > 0);
  report(`trusted rules + model over rules and grams, ${folds}-fold out of fold`, train, modelOof, (i) => GUARD_CATEGORIES.some((c) => modelOof(i, c)));
  console.log(`thresholds (no rule / a rule in the window): ${GUARD_CATEGORIES.map((c, i) => `${c} ${thresholds[i]!.toFixed(2)}/${ruledThresholds[i]!.toFixed(2)}`).join('  ')}`);
  console.log(`rules trusted alone: ${trustedRules.join(', ')}`);
  if (cvAt >= 0) return;

  const data = { ...fit(examplesOf(train)), thresholds, ruledThresholds, trustedRules };
  const out = resolve('lib/guard/model.json');
  writeFileSync(out, `${JSON.stringify(data)}\n`);
  console.log(`wrote ${out}: ${data.features.split('\n').length} features, ${train.length} messages; ${tests.length} test messages left out`);
}

main(process.argv.slice(2));

