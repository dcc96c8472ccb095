import { t, type MessageKey } from '@/lib/i18n';
import type { HealthSummary } from '@/lib/sites/health';

/** The health notice's sentence for a console partly working: what is missing (or not known) and what is off. */
export function healthSentence(health: HealthSummary): string | null {
  if (health.status !== 'partly') return null;
  const names = (parts: readonly string[]) => parts.map((p) => t(`healthPart_${p}` as MessageKey)).join('、');
  const off = health.off.map((f) => t(`feature_${f}` as MessageKey)).join('、');
  return health.missing.length ? t('healthPartly', names(health.missing), off) : t('healthPartlyUnknown', names(health.unknown), off);
}

const BADGE = { working: 'healthBadgeWorking', partly: 'healthBadgePartly', unrecognised: 'healthBadgeUnrecognised' } as const;

/** Every open console tab with how well the extension understands it (the popup's view of adapter health). */
export function ConsoleHealthList({ consoles }: { consoles: { site: string; shopId: string; health: HealthSummary | null }[] }) {
  const known = consoles.filter((c) => c.health);
  if (!known.length) return null;
  return (
    <ul class="console-health">
      {known.map((c, i) => (
        <li key={i} class={`console-health-item health--${c.health!.status}`}>
          <bdi>{`${t(`siteShort_${c.site}` as MessageKey)} · ${c.shopId}`}</bdi> <strong>{t(BADGE[c.health!.status])}</strong>
          {healthSentence(c.health!) && <div class="muted">{healthSentence(c.health!)}</div>}
        </li>
      ))}
    </ul>
  );
}
