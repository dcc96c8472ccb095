/**
 * The conduct guard: reads a chat message and says what in it could get the shop punished (docs/DOMAIN.md, "The
 * four pitfalls"): abuse, trade or contact off the platform, over-promises, threats to report or block the buyer,
 * blame-shifting and sarcasm about the price. On the buyer's side it finds abuse (→ de-escalation snippets),
 * requests to pay or talk off the platform (→ the reply that points to the platform's own tools) and threats of a
 * complaint or a bad rating (→ a more urgent conversation).
 *
 * Each finding names its category, a severity, the exact span in the text as typed, a reason key
 * (GUARD_REASON_TEXT holds the zh/en one-liners) and a safer wording or snippet.
 *
 * How: normalize.ts folds the usual disguises into one compact text with a map back to the original indices;
 * terms.ts matches every rule's words in one pass over a trie (trie.ts); rules.ts says which context makes a word
 * risky or harmless; numbers.ts reads phone, QQ and card numbers (digits in Chinese too), links and e-mail
 * addresses; obscenity catches English swearing. Then the learned checker (classifier.ts, features.ts, trained by
 * scripts/train-guard.ts into model.json) decides, clause by clause, from the characters and from what the rules
 * found; the rules precise enough on the corpus flag on their own. custom-rules.ts adds the shop's own words,
 * patterns and allowed words, which always count. Pure: no browser globals, nothing stored. Measured against
 * test/fixtures/guard-corpus.json (test/unit/guard-corpus.test.ts prints recall per category and the
 * false-alarm rate, for the rules alone and for the whole guard).
 */
export { checkMessage, checkSnippet, MAX_CHECKED_LENGTH, type GuardOptions } from './check';
export {
  compileCustomRules,
  CustomGuardRuleSchema,
  exportGuardRules,
  GUARD_RULES_FORMAT,
  GUARD_RULES_VERSION,
  GuardRulesFileSchema,
  parseGuardRulesFile,
  validatePattern,
  type CompiledCustomRules,
  type CustomGuardRule,
  type GuardRulesFile,
  type GuardRulesProblem,
  type PatternProblem,
} from './custom-rules';
export { GUARD_CATEGORIES, GUARD_REASON_TEXT, GUARD_REASONS, GUARD_SEVERITIES, type GuardCategory, type GuardFinding, type GuardReason, type GuardSeverity, type GuardSide } from './types';
