import { useState } from 'preact/hooks';
import { CustomGuardRuleSchema, exportGuardRules, MAX_CUSTOM_RULES, parseGuardRulesFile, validatePattern, type CustomGuardRule } from '@/lib/guard/custom-rules';
import { normalize } from '@/lib/guard/normalize';
import { GUARD_CATEGORIES, GUARD_SEVERITIES, type GuardCategory, type GuardSeverity } from '@/lib/guard/types';
import { t, type MessageKey } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { download } from './download';
import { Notice } from './Notice';

type Kind = CustomGuardRule['kind'];
const KINDS: readonly Kind[] = ['word', 'pattern'];
/** The settings schema keeps allowed words to this length. */
const MAX_ALLOW_LENGTH = 100;
const stamp = () => new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');

interface Draft {
  kind: Kind;
  text: string;
  category: GuardCategory;
  severity: GuardSeverity;
  suggestion: string;
}
const emptyDraft: Draft = { kind: 'word', text: '', category: 'offPlatform', severity: 'medium', suggestion: '' };

/** A fresh id; two rules added within the same millisecond must still differ. */
function newRuleId(rules: readonly CustomGuardRule[]): string {
  const base = `rule-${Date.now().toString(36)}`;
  let id = base;
  for (let n = 2; rules.some((r) => r.id === id); n++) id = `${base}-${n}`;
  return id;
}

const sameRule = (a: Pick<CustomGuardRule, 'kind' | 'text'>, b: Pick<CustomGuardRule, 'kind' | 'text'>) => a.kind === b.kind && a.text === b.text;

/**
 * Imported rules join the shop's own: a rule with a known id (or the same kind and text) replaces that one in
 * place, so importing the same file twice changes nothing; other rules are added after.
 */
function mergeRules(current: readonly CustomGuardRule[], incoming: readonly CustomGuardRule[]): CustomGuardRule[] {
  const merged = [...current];
  for (const rule of incoming) {
    let at = merged.findIndex((r) => r.id === rule.id);
    if (at < 0) at = merged.findIndex((r) => sameRule(r, rule));
    if (at < 0) merged.push(rule);
    else merged[at] = rule;
  }
  return merged;
}

/**
 * The shop's own guard rules: words and patterns with a category, severity and suggestion, the words that must
 * never alarm, and their export and import (all or nothing, the entry and field named when a file is refused).
 */
export function GuardRules({ settings, onChange }: { settings: Settings; onChange: (patch: Partial<Settings>) => void }) {
  const { rules, allow } = settings.guard;
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<{ text?: string; suggestion?: string; form?: string }>({});
  const [allowText, setAllowText] = useState('');
  const [allowError, setAllowError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const save = (patch: Partial<Settings['guard']>) => onChange({ guard: { ...settings.guard, ...patch } });

  const addRule = () => {
    const text = draft.text.trim();
    if (!text) return setErrors({ text: t('guardRuleTextRequired') });
    if (draft.kind === 'pattern') {
      const check = validatePattern(text);
      // The reason, not just "invalid": a shop can fix a nested repetition once told that is the trouble.
      if (!check.ok) return setErrors({ text: t(`guardRulePattern_${check.reason}` as MessageKey) });
    }
    if (rules.some((r) => sameRule(r, { kind: draft.kind, text }))) return setErrors({ text: t('guardRuleDuplicate') });
    if (rules.length >= MAX_CUSTOM_RULES) return setErrors({ form: t('guardRuleTooMany', String(MAX_CUSTOM_RULES)) });
    const suggestion = draft.suggestion.trim();
    const parsed = CustomGuardRuleSchema.safeParse({ id: newRuleId(rules), kind: draft.kind, text, category: draft.category, severity: draft.severity, ...(suggestion ? { suggestion } : {}) });
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      if (field === 'suggestion') return setErrors({ suggestion: t('guardRuleSuggestionTooLong') });
      return setErrors({ text: t('guardRuleWordInvalid') });
    }
    setErrors({});
    setDraft({ ...draft, text: '', suggestion: '' });
    save({ rules: [...rules, parsed.data] });
  };

  const addAllowed = () => {
    const word = allowText.trim();
    // A word of punctuation alone could never match (matching ignores punctuation), and the file import refuses it.
    if (!word || word.length > MAX_ALLOW_LENGTH || !normalize(word).text) return setAllowError(t('guardRuleAllowInvalid'));
    if (allow.includes(word)) return setAllowError(t('guardRuleAllowDuplicate'));
    if (allow.length >= MAX_CUSTOM_RULES) return setAllowError(t('guardRuleAllowTooMany', String(MAX_CUSTOM_RULES)));
    setAllowError(null);
    setAllowText('');
    save({ allow: [...allow, word] });
  };

  const exportRules = () => {
    download(`kefu-guard-rules-${stamp()}.json`, 'application/json', exportGuardRules(rules, allow));
    setStatus({ kind: 'info', text: t('guardRuleExported', String(rules.length)) });
  };

  const importRules = async (file: File) => {
    const result = parseGuardRulesFile(await file.text());
    if (!result.ok) {
      const { entry, field = '(file)', message } = result.error;
      return setStatus({ kind: 'error', text: entry === undefined ? t('importFileError', field, message) : t('importRowError', String(entry), field, message) });
    }
    const merged = mergeRules(rules, result.rules);
    if (merged.length > MAX_CUSTOM_RULES) return setStatus({ kind: 'error', text: t('importFileError', 'rules', t('guardRuleTooMany', String(MAX_CUSTOM_RULES))) });
    const allowed = [...new Set([...allow, ...result.allow.map((w) => w.trim())])];
    if (allowed.length > MAX_CUSTOM_RULES) return setStatus({ kind: 'error', text: t('importFileError', 'allow', t('guardRuleAllowTooMany', String(MAX_CUSTOM_RULES))) });
    save({ rules: merged, allow: allowed });
    setStatus({ kind: 'info', text: t('guardRuleImported', String(result.rules.length)) });
  };

  return (
    <section class="guard-rules">
      <h3>{t('guardRuleTitle')}</h3>
      <p class="muted">{t('guardRuleHint')}</p>
      {rules.length === 0 ? (
        <p class="muted">{t('guardRuleEmpty')}</p>
      ) : (
        <ul class="guard-rule-list">
          {rules.map((rule) => (
            <li key={rule.id} class="guard-rule" data-rule={rule.id}>
              <span class="guard-rule-kind">{t(`guardRuleKind_${rule.kind}`)}</span> <code>{rule.text}</code> <span>{t(`guardCategory_${rule.category}` as MessageKey)}</span>{' '}
              <span class={`guard-rule-severity guard-rule-severity--${rule.severity}`}>{t(`guardRuleSeverity_${rule.severity}`)}</span>
              {rule.suggestion && <span class="guard-rule-suggestion">{t('guardUseSuggestion', rule.suggestion)}</span>}{' '}
              <button type="button" class="button" aria-label={t('guardRuleDelete', rule.text)} onClick={() => save({ rules: rules.filter((r) => r.id !== rule.id) })}>
                {t('guardRuleDeleteShort')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <form
        class="guard-rule-form"
        onSubmit={(e) => {
          e.preventDefault();
          addRule();
        }}
      >
        <label class="field">
          <span>{t('guardRuleKind')}</span>
          <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as Kind })}>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`guardRuleKind_${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <div class="field" data-field="text">
          <label>
            <span>{t('guardRuleText')}</span>
            <input value={draft.text} aria-invalid={Boolean(errors.text)} onInput={(e) => setDraft({ ...draft, text: e.currentTarget.value })} />
          </label>
          {errors.text && (
            <span class="field-error" role="alert">
              {errors.text}
            </span>
          )}
        </div>
        <label class="field">
          <span>{t('guardRuleCategory')}</span>
          <select value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.currentTarget.value as GuardCategory })}>
            {GUARD_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`guardCategory_${category}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('guardRuleSeverity')}</span>
          <select value={draft.severity} onChange={(e) => setDraft({ ...draft, severity: e.currentTarget.value as GuardSeverity })}>
            {GUARD_SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {t(`guardRuleSeverity_${severity}`)}
              </option>
            ))}
          </select>
        </label>
        <div class="field" data-field="suggestion">
          <label>
            <span>{t('guardRuleSuggestion')}</span>
            <input value={draft.suggestion} aria-invalid={Boolean(errors.suggestion)} onInput={(e) => setDraft({ ...draft, suggestion: e.currentTarget.value })} />
          </label>
          {errors.suggestion && (
            <span class="field-error" role="alert">
              {errors.suggestion}
            </span>
          )}
        </div>
        {errors.form && <Notice kind="error" text={errors.form} />}
        <button type="submit" class="button">
          {t('guardRuleAdd')}
        </button>
      </form>

      <h3>{t('guardRuleAllowTitle')}</h3>
      <p class="muted">{t('guardRuleAllowHint')}</p>
      <ul class="guard-allow-list">
        {allow.map((word) => (
          <li key={word}>
            <span>{word}</span>{' '}
            <button type="button" class="button" aria-label={t('guardRuleAllowRemove', word)} onClick={() => save({ allow: allow.filter((w) => w !== word) })}>
              {t('guardRuleDeleteShort')}
            </button>
          </li>
        ))}
      </ul>
      <form
        class="guard-allow-form"
        onSubmit={(e) => {
          e.preventDefault();
          addAllowed();
        }}
      >
        <div class="field" data-field="allow">
          <label>
            <span>{t('guardRuleAllowWord')}</span>
            <input value={allowText} aria-invalid={Boolean(allowError)} onInput={(e) => setAllowText(e.currentTarget.value)} />
          </label>
          {allowError && (
            <span class="field-error" role="alert">
              {allowError}
            </span>
          )}
        </div>
        <button type="submit" class="button">
          {t('guardRuleAllowAdd')}
        </button>
      </form>

      {status && <Notice kind={status.kind} text={status.text} />}
      <div class="exports">
        <button type="button" class="button" onClick={exportRules}>
          {t('guardRuleExport')}
        </button>
        <label class="button">
          {t('guardRuleImport')}
          <input
            type="file"
            class="guard-rules-import"
            accept=".json,application/json"
            hidden
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void importRules(file);
            }}
          />
        </label>
      </div>
    </section>
  );
}
