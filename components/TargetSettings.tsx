import { t, type MessageKey } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import type { Targets } from '@/lib/targets';

const RATES: (keyof Targets)[] = ['rate30', 'rate180', 'rate300', 'effectiveReplyRate', 'inquiryConversion'];

/** The agent's targets: rates in percent, the average response in seconds. */
export function TargetSettings({ settings, onChange }: { settings: Settings; onChange: (change: Partial<Settings>) => void }) {
  const { targets } = settings;
  const set = (key: keyof Targets, value: number) => onChange({ targets: { ...targets, [key]: value } });
  return (
    <section>
      <h2>{t('targetsSection')}</h2>
      {RATES.map((key) => (
        <label key={key} class="field">
          <span>{t(`metric_${key}` as MessageKey)} (%)</span>
          <input type="number" min={0} max={100} step={0.1} value={Math.round(targets[key] * 1000) / 10} onChange={(e) => set(key, Math.min(1, Math.max(0, Number(e.currentTarget.value) / 100)))} />
        </label>
      ))}
      <label class="field">
        <span>{t('metric_avgResponse')} ({t('secondsUnit')})</span>
        <input type="number" min={1} max={3600} value={targets.avgResponseSec} onChange={(e) => set('avgResponseSec', Math.max(1, Number(e.currentTarget.value) || 1))} />
      </label>
    </section>
  );
}
