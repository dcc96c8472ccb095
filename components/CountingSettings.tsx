import { t, type MessageKey } from '@/lib/i18n';
import { presetProfile, presetProfiles, type CountingUnit, type MetricProfile } from '@/lib/metric-profiles';
import { activeProfile, type Settings } from '@/lib/settings';
import { clock } from '@/lib/report/format';

type Change = (change: Partial<Settings>) => void;

const UNITS: CountingUnit[] = ['message', 'round', 'buyer', 'session'];
const minutesOf = (value: string) => {
  const [h, m] = value.split(':').map(Number);
  return Math.min(1440, (h ?? 0) * 60 + (m ?? 0));
};

/** The counting profile (per platform, DOMAIN.md), editable over the same stored events; the time zone. */
export function CountingSettings({ settings, onChange }: { settings: Settings; onChange: Change }) {
  const profile = activeProfile(settings);
  const edited = settings.profiles.some((p) => p.id === profile.id);
  const edit = (change: Partial<MetricProfile>) => onChange({ profiles: [...settings.profiles.filter((p) => p.id !== profile.id), { ...profile, ...change }] });
  return (
    <section>
      <h2>{t('countingSection')}</h2>
      <p class="muted">{t('countingHelp')}</p>
      <label class="field">
        <span>{t('profileLabel')}</span>
        <select value={settings.profileId} onChange={(e) => onChange({ profileId: e.currentTarget.value })}>
          {presetProfiles.map((p) => (
            <option key={p.id} value={p.id}>
              {t(`profileName_${p.id}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('unitLabel')}</span>
        <select value={profile.unit} onChange={(e) => edit({ unit: e.currentTarget.value as CountingUnit })}>
          {UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`profile_${u}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('windowStart')}</span>
        <input type="time" value={clock(profile.window.start)} onChange={(e) => edit({ window: { ...profile.window, start: minutesOf(e.currentTarget.value) } })} />
      </label>
      <label class="field">
        <span>{t('windowEnd')}</span>
        <input type="time" value={clock(profile.window.end % 1440)} onChange={(e) => edit({ window: { ...profile.window, end: minutesOf(e.currentTarget.value) || 1440 } })} />
      </label>
      <label class="check">
        <input type="checkbox" checked={profile.botRepliesCount} onChange={(e) => edit({ botRepliesCount: e.currentTarget.checked })} />
        <span>{t('botsCount')}</span>
      </label>
      {edited && presetProfile(profile.id) && (
        <button type="button" class="button" onClick={() => onChange({ profiles: settings.profiles.filter((p) => p.id !== profile.id) })}>
          {t('resetProfile')}
        </button>
      )}
      <label class="field">
        <span>{t('timeZoneLabel')}</span>
        <input type="text" value={settings.timeZone} onChange={(e) => onChange({ timeZone: e.currentTarget.value.trim() })} />
      </label>
    </section>
  );
}
