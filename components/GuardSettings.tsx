import { GUARD_CATEGORIES } from '@/lib/guard/types';
import { t, type MessageKey } from '@/lib/i18n';
import { GUARD_LEVELS, type Settings } from '@/lib/settings';

/** Per kind of risk, what the draft check does: nothing, warn, hold the send for a confirmation, or refuse it. */
export function GuardSettings({ settings, onChange }: { settings: Settings; onChange: (patch: Partial<Settings>) => void }) {
  const { levels } = settings.guard;
  return (
    <section class="guard-settings">
      <h2>{t('guardSection')}</h2>
      <p class="muted">{t('guardSectionHint')}</p>
      {GUARD_CATEGORIES.map((category) => (
        <label key={category} class="field" data-category={category}>
          <span>{t(`guardCategory_${category}` as MessageKey)}</span>
          <select value={levels[category]} onChange={(e) => onChange({ guard: { ...settings.guard, levels: { ...levels, [category]: e.currentTarget.value } } })}>
            {GUARD_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`guardLevel_${level}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      ))}
    </section>
  );
}
