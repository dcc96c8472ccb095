import type { MessageKey } from '@/lib/i18n';
import { t } from '@/lib/i18n';

export function SiteSettings({ siteIds, disabled, onToggle }: { siteIds: string[]; disabled: string[]; onToggle: (siteId: string, enabled: boolean) => void }) {
  return (
    <section>
      <h2>{t('sitesTitle')}</h2>
      <p class="muted">{t('sitesHelp')}</p>
      <ul class="site-list">
        {siteIds.map((id) => (
          <li key={id}>
            <label>
              <input type="checkbox" checked={!disabled.includes(id)} onChange={(e) => onToggle(id, e.currentTarget.checked)} />
              <span>{t(`siteName_${id}` as MessageKey)}</span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
