import type { DraftFinding } from '@/lib/draft-guard';
import { t, type MessageKey } from '@/lib/i18n';

/**
 * What the conduct guard found in the draft being typed: each finding's words as typed (marked), why, and
 * its safer wording one click away; and, when a send was held, the choice to send anyway or edit. Page text
 * is drawn as text.
 */
export function DraftCheck({ findings, held, onSuggestion, onSendAnyway, onEdit }: { findings: DraftFinding[]; held: 'confirm' | 'block' | null; onSuggestion: (index: number) => void; onSendAnyway: () => void; onEdit: () => void }) {
  return (
    <section class={`draft-check${held ? ' draft-check--held' : ''}`} aria-label={t('guardFindingsTitle')}>
      {held && (
        <div class="draft-held" role="alert">
          <strong>{t(held === 'block' ? 'guardBlocked' : 'guardHeldTitle')}</strong>
          <div class="draft-held-actions">
            {held === 'confirm' && (
              <button type="button" class="danger" onClick={onSendAnyway}>
                {t('guardSendAnyway')}
              </button>
            )}
            <button type="button" class="primary" onClick={onEdit}>
              {t('guardEdit')}
            </button>
          </div>
        </div>
      )}
      <h3>{t('guardFindingsTitle')}</h3>
      <ul class="draft-findings">
        {findings.map((f, i) => (
          <li key={`${f.start}-${f.category}`} class={`draft-finding draft-finding--${f.level}`} data-category={f.category}>
            <span class="draft-finding-head">
              {t(`guardCategory_${f.category}` as MessageKey)}: <mark>{f.text}</mark>
            </span>
            <span class="muted">{t(`guard_reason_${f.reason}` as MessageKey)}</span>
            {f.suggestion !== undefined && (
              <button type="button" class="link-button draft-suggestion" onClick={() => onSuggestion(i)}>
                {t('guardUseSuggestion', f.suggestion)}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
