import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';

/** How long message texts are kept (times, ids and senders are kept for the metrics). */
export function DataSettings({ settings, onChange }: { settings: Settings; onChange: (change: Partial<Settings>) => void }) {
  return (
    <section>
      <h2>{t('dataSection')}</h2>
      <p class="muted">{t('dataHelp')}</p>
      <label class="field">
        <span>{t('retentionDays')}</span>
        <input type="number" min={1} max={3650} value={settings.retentionDays} onChange={(e) => onChange({ retentionDays: Math.max(1, Math.round(Number(e.currentTarget.value)) || 30) })} />
      </label>
    </section>
  );
}
