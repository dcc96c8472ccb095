import { useEffect, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { SiteSettings } from '@/components/SiteSettings';
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { loadSettings, updateSettings } from '@/lib/settings-store';
import { siteAdapters } from '@/lib/sites/registry';

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  useEffect(() => void loadSettings().then(setSettings), []);

  const toggleSite = async (siteId: string, enabled: boolean) => {
    if (!settings) return;
    const disabledSites = enabled ? settings.disabledSites.filter((id) => id !== siteId) : [...settings.disabledSites, siteId];
    try {
      setSettings(await updateSettings({ disabledSites }));
      setStatus({ kind: 'info', text: t('settingsSaved') });
    } catch (error) {
      setStatus({ kind: 'error', text: t('settingsError', String(error)) });
    }
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {status && <Notice kind={status.kind} text={status.text} />}
      {settings && <SiteSettings siteIds={siteAdapters.map((a) => a.id)} disabled={settings.disabledSites} onToggle={(id, on) => void toggleSite(id, on)} />}
    </main>
  );
}
