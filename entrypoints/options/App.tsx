import { useEffect, useState } from 'preact/hooks';
import { isValidTimeZone } from '@/lib/local-time';
import { browser } from 'wxt/browser';
import { AfterSaleSettings } from '@/components/AfterSaleSettings';
import { AlertSettings } from '@/components/AlertSettings';
import { GuardSettings } from '@/components/GuardSettings';
import { GuardRules } from '@/components/GuardRules';
import { CustomSites } from '@/components/CustomSites';
import { CountingSettings } from '@/components/CountingSettings';
import { DataSettings } from '@/components/DataSettings';
import { Notice } from '@/components/Notice';
import { SiteSettings } from '@/components/SiteSettings';
import { SnippetManager } from '@/components/SnippetManager';
import type { createClient } from '@/lib/messaging';
import { TargetSettings } from '@/components/TargetSettings';
import { t } from '@/lib/i18n';
import { SettingsSchema, type Settings } from '@/lib/settings';
import { loadSettings, updateSettings } from '@/lib/settings-store';
import { siteAdapters } from '@/lib/sites/registry';

export function App({ send }: { send: ReturnType<typeof createClient> }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  useEffect(() => void loadSettings().then(setSettings), []);

  const change = async (patch: Partial<Settings>) => {
    if (!settings) return;
    // Refuse what would be stored broken (a breach before the warning, an unknown time zone), saying why.
    const checked = SettingsSchema.safeParse({ ...settings, ...patch });
    if (!checked.success) return setStatus({ kind: 'error', text: t('settingsError', checked.error.issues.map((i) => i.message).join('; ')) });
    if (patch.timeZone && !isValidTimeZone(patch.timeZone)) return setStatus({ kind: 'error', text: t('settingsError', t('badTimeZone', patch.timeZone)) });
    try {
      setSettings(await updateSettings(patch));
      setStatus({ kind: 'info', text: t('settingsSaved') });
    } catch (error) {
      setStatus({ kind: 'error', text: t('settingsError', String(error)) });
    }
  };

  // The notifications permission is optional: asked for at the moment the agent switches them on.
  const changeNotify = async (on: boolean) => {
    const granted = !on || (await requestNotifications());
    if (!granted) return setStatus({ kind: 'error', text: t('notifyDenied') });
    await change({ notifyOnBreach: on });
  };

  const toggleSite = (siteId: string, enabled: boolean) => {
    if (!settings) return;
    void change({ disabledSites: enabled ? settings.disabledSites.filter((id) => id !== siteId) : [...settings.disabledSites, siteId] });
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {status && <Notice kind={status.kind} text={status.text} />}
      {settings && (
        <>
          <SiteSettings siteIds={siteAdapters.map((a) => a.id)} disabled={settings.disabledSites} onToggle={toggleSite} />
          <CustomSites send={send} />
          <AlertSettings settings={settings} onChange={(p) => void change(p)} onNotifyChange={(on) => void changeNotify(on)} />
          <CountingSettings settings={settings} onChange={(p) => void change(p)} />
          <TargetSettings settings={settings} onChange={(p) => void change(p)} />
          <DataSettings settings={settings} onChange={(p) => void change(p)} />
          <GuardSettings settings={settings} onChange={(p) => void change(p)} />
          <GuardRules settings={settings} onChange={(p) => void change(p)} />
          <AfterSaleSettings settings={settings} onChange={(p) => void change(p)} send={send} />
          <SnippetManager send={send} siteIds={siteAdapters.map((a) => a.id)} />
        </>
      )}
    </main>
  );
}

async function requestNotifications(): Promise<boolean> {
  try {
    return await browser.permissions.request({ permissions: ['notifications'] });
  } catch {
    return false;
  }
}

