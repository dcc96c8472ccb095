import { useMemo, useState } from 'preact/hooks';
import type { GuardFinding } from '@/lib/guard';
import { t, type MessageKey } from '@/lib/i18n';
import { formatCount, MAX_BODY_LENGTH } from '@/lib/limits';
import { SnippetDraftSchema, type SnippetDraft } from '@/lib/snippet';
import { riskSummary, snippetFindings } from '@/lib/snippet-guard';
import { explainZodError } from '@/lib/json-file';

const PHASES = ['presale', 'insale', 'aftersale', 'care'] as const;
const list = (text: string) => text.split(/[,，;；]/).map((v) => v.trim()).filter(Boolean);

/**
 * Why the conduct guard finds a snippet risky, as one warning line (the options page's rows, the editor). No role
 * of its own: a table of 2,000 rows must not announce each; the editor puts it in a status region.
 */
export function GuardWarning({ findings }: { findings: readonly GuardFinding[] }) {
  const reasons = riskSummary(findings).map((r) => t(`guard_reason_${r}` as MessageKey));
  return (
    <p class="notice notice--warning guard-warning" style={{ margin: '4px 0 0' }}>
      <span aria-hidden="true">⚠ </span>
      {t('guardSnippetRisky', reasons.join('、'))}
    </p>
  );
}

/**
 * Creates or edits one snippet; refuses to save what would not parse (an unclosed {{ fill-in, an empty body).
 * While the agent types, the body's length is counted (red past the limit) and the conduct guard reads it, warning
 * under it without blocking the save: the agent decides. The fill-ins are parsed on save; the guard stops at its
 * MAX_CHECKED_LENGTH, so a pasted megabyte costs a keystroke little more than its length.
 */
export function SnippetEditor({ draft, siteIds, onSave, onCancel }: { draft: SnippetDraft; siteIds: string[]; onSave: (s: SnippetDraft) => void; onCancel: () => void }) {
  const [value, setValue] = useState(draft);
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<SnippetDraft>) => setValue({ ...value, ...change });
  // Not a maxLength: that would cut a pasted text silently; the agent sees how much is over and shortens it.
  const tooLong = value.body.length > MAX_BODY_LENGTH;
  const findings = useMemo(() => snippetFindings(value.body), [value.body]);
  return (
    <form
      class="snippet-editor"
      onSubmit={(e) => {
        e.preventDefault();
        const checked = SnippetDraftSchema.safeParse({ ...value, shortcut: value.shortcut?.trim() || undefined, folder: value.folder?.trim() || undefined });
        if (!checked.success) return setError(explainZodError(checked.error, value));
        onSave(checked.data);
      }}
    >
      {error && (
        <p class="notice notice--error" role="alert">
          {t('settingsError', error)}
        </p>
      )}
      <label class="field">
        <span>{t('snippetTitleField')}</span>
        <input value={value.title} onInput={(e) => set({ title: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span>{t('snippetBodyField')}</span>
        <textarea rows={4} value={value.body} aria-invalid={tooLong} aria-describedby="snippet-body-length" onInput={(e) => set({ body: e.currentTarget.value })} />
      </label>
      {/* Outside the label, so the field's name stays the same while the count and the warning change. */}
      <div class="field">
        <span />
        <div>
          <span id="snippet-body-length" class={tooLong ? 'notice notice--error' : 'muted'} style={{ margin: 0 }}>
            {tooLong ? t('bodyTooLong', formatCount(MAX_BODY_LENGTH), formatCount(value.body.length)) : t('bodyLength', formatCount(value.body.length), formatCount(MAX_BODY_LENGTH))}
          </span>
          {/* Always there, so that the warning is announced when it appears; it never blocks saving. */}
          <div role="status">{findings.length > 0 && <GuardWarning findings={findings} />}</div>
        </div>
      </div>
      <label class="field">
        <span>{t('snippetShortcutField')}</span>
        <input value={value.shortcut ?? ''} onInput={(e) => set({ shortcut: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span>{t('snippetLangField')}</span>
        <select value={value.lang} onChange={(e) => set({ lang: e.currentTarget.value as SnippetDraft['lang'] })}>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <label class="field">
        <span>{t('snippetPhaseField')}</span>
        <select value={value.phase} onChange={(e) => set({ phase: e.currentTarget.value as SnippetDraft['phase'] })}>
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {t(`phase_${p}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('snippetTagsField')}</span>
        <input value={value.tags.join(', ')} onInput={(e) => set({ tags: list(e.currentTarget.value) })} />
      </label>
      <label class="field">
        <span>{t('snippetFolderField')}</span>
        <input value={value.folder ?? ''} onInput={(e) => set({ folder: e.currentTarget.value })} />
      </label>
      <fieldset class="field">
        <span>{t('snippetSitesField')}</span>
        <span>
          {siteIds.map((id) => (
            <label key={id} class="check">
              <input
                type="checkbox"
                checked={!value.sites?.length || value.sites.includes(id)}
                onChange={(e) => {
                  const current = value.sites?.length ? value.sites : siteIds;
                  const next = e.currentTarget.checked ? [...new Set([...current, id])] : current.filter((s) => s !== id);
                  set({ sites: next.length === siteIds.length ? undefined : next });
                }}
              />
              {t(`siteName_${id}` as MessageKey)}
            </label>
          ))}
        </span>
      </fieldset>
      <div class="actions">
        <button type="submit" class="button button--primary">
          {t('saveSnippet')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('fillInCancel')}
        </button>
      </div>
    </form>
  );
}
