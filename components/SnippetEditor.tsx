import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { formatCount, MAX_BODY_LENGTH } from '@/lib/limits';
import { SnippetDraftSchema, type SnippetDraft } from '@/lib/snippet';
import { explainZodError } from '@/lib/json-file';

const PHASES = ['presale', 'insale', 'aftersale', 'care'] as const;
const list = (text: string) => text.split(/[,，;；]/).map((v) => v.trim()).filter(Boolean);

/**
 * Creates or edits one snippet; refuses to save what would not parse (an unclosed {{ fill-in, an empty body).
 * While the agent types, only the body's length is checked (a counter, red past the limit): the fill-ins are
 * parsed on save, so a pasted megabyte costs a keystroke nothing but its length.
 */
export function SnippetEditor({ draft, siteIds, onSave, onCancel }: { draft: SnippetDraft; siteIds: string[]; onSave: (s: SnippetDraft) => void; onCancel: () => void }) {
  const [value, setValue] = useState(draft);
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<SnippetDraft>) => setValue({ ...value, ...change });
  // Not a maxLength: that would cut a pasted text silently; the agent sees how much is over and shortens it.
  const tooLong = value.body.length > MAX_BODY_LENGTH;
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
      {/* Outside the label, so the field's name stays the same while the count changes. */}
      <div class="field">
        <span />
        <span id="snippet-body-length" class={tooLong ? 'notice notice--error' : 'muted'} style={{ margin: 0 }}>
          {tooLong ? t('bodyTooLong', formatCount(MAX_BODY_LENGTH), formatCount(value.body.length)) : t('bodyLength', formatCount(value.body.length), formatCount(MAX_BODY_LENGTH))}
        </span>
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
