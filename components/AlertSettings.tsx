import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';

type Change = (change: Partial<Settings>) => void;

/** Warning and breach thresholds, desktop notification and sound. */
export function AlertSettings({ settings, onChange, onNotifyChange }: { settings: Settings; onChange: Change; onNotifyChange: (on: boolean) => void }) {
  const { thresholds } = settings;
  const seconds = (value: string) => Math.max(1, Math.round(Number(value)) || 1);
  return (
    <section>
      <h2>{t('alertsSection')}</h2>
      <label class="field">
        <span>{t('warnAfter')}</span>
        <input type="number" min={1} max={3600} value={thresholds.warnSec} onChange={(e) => onChange({ thresholds: { ...thresholds, warnSec: seconds(e.currentTarget.value) } })} />
      </label>
      <label class="field">
        <span>{t('breachAfter')}</span>
        <input type="number" min={1} max={3600} value={thresholds.breachSec} onChange={(e) => onChange({ thresholds: { ...thresholds, breachSec: seconds(e.currentTarget.value) } })} />
      </label>
      <label class="field">
        <span>{t('marksAfter')}</span>
        <input
          type="text"
          value={thresholds.marksSec.join(', ')}
          onChange={(e) => onChange({ thresholds: { ...thresholds, marksSec: e.currentTarget.value.split(/[,，\s]+/).filter(Boolean).map(seconds) } })}
        />
      </label>
      <label class="check">
        <input type="checkbox" checked={settings.notifyOnBreach} onChange={(e) => onNotifyChange(e.currentTarget.checked)} />
        <span>{t('notifyOnBreach')}</span>
      </label>
      <label class="check">
        <input type="checkbox" checked={settings.soundOnBreach} onChange={(e) => onChange({ soundOnBreach: e.currentTarget.checked })} />
        <span>{t('soundOnBreach')}</span>
      </label>
    </section>
  );
}
