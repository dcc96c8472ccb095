import { useState } from 'preact/hooks';
import { CASE_STEPS, suggestedResolutions, type AfterSaleCase, type CaseErrorKey, type CaseStep, type Resolution } from '@/lib/after-sale';
import { hardMomentReplies } from '@/lib/after-sale-replies';
import { catalogKey, t } from '@/lib/i18n';
import type { Lang } from '@/lib/postage';

export interface CaseCardActions {
  advance: (id: string, to: CaseStep, note: string, resolution?: Resolution) => Promise<CaseErrorKey | null>;
  platform: (id: string, change: { intervened?: boolean; ruledAgainst?: 'shop' | 'buyer' | null; complaint?: boolean }) => void;
  insert: (text: string) => void;
}

const time = (at: number) => new Date(at).toLocaleString(undefined, { hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/**
 * One case: where it stands (each step reached with its time and note), the next step to move it to, the
 * platform's part, and the hard-moment replies filled in with its facts, one click each.
 */
export function CaseCard({ c, lang, shareLossLimit, library, stale, actions }: { c: AfterSaleCase; lang: Lang; shareLossLimit: number; library?: readonly { id: string; body: string }[]; stale: boolean; actions: CaseCardActions }) {
  const next = CASE_STEPS.slice(CASE_STEPS.indexOf(c.step) + 1);
  const [to, setTo] = useState<CaseStep | ''>(next[0] ?? '');
  const [agreesToRepair, setAgreesToRepair] = useState(false);
  const suggested = suggestedResolutions(c.type, agreesToRepair);
  const [resolution, setResolution] = useState<Resolution | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<CaseErrorKey | null>(null);
  const [showReplies, setShowReplies] = useState(false);
  const target = to || next[0];
  const replies = showReplies ? hardMomentReplies(c, lang, { shareLossLimit: shareLossLimit || undefined }, { buyerAgreesToRepair: agreesToRepair, ...(library ? { library } : {}) }) : [];
  return (
    <article class={`case-card${stale ? ' case-card--stale' : ''}`} data-case-id={c.id} data-step={c.step}>
      <header class="case-head">
        <strong>{t(catalogKey(`afterSale.type.${c.type}`))}</strong>
        <span class="case-step">{t(catalogKey(`afterSale.step.${c.step}`))}</span>
      </header>
      <p class="muted">
        {t('caseLine', c.orderNumber, c.product, `${c.amount} ${c.currency}`)}
        {c.reason && ` · ${c.reason}`}
      </p>
      {stale && <p class="field-error">{t('caseStale')}</p>}
      <ol class="case-steps">
        {CASE_STEPS.filter((s) => c.steps[s]).map((s) => (
          <li key={s}>
            {t(catalogKey(`afterSale.step.${s}`))} · {time(c.steps[s]!.at)}
            {s === 'resolved' && c.resolution && ` · ${t(catalogKey(`afterSale.resolution.${c.resolution}`))}`}
            {c.steps[s]!.note && <span class="muted"> · {c.steps[s]!.note}</span>}
          </li>
        ))}
      </ol>
      {next.length > 0 && (
        <form
          class="case-advance"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!target) return;
            const problem = await actions.advance(c.id, target, note, target === 'resolved' ? resolution || undefined : undefined);
            setError(problem);
            if (!problem) {
              setNote('');
              setTo('');
            }
          }}
        >
          <label class="field field--inline">
            <span>{t('caseMoveTo')}</span>
            <select value={target} onChange={(e) => setTo(e.currentTarget.value as CaseStep)}>
              {next.map((s) => (
                <option key={s} value={s}>
                  {t(catalogKey(`afterSale.step.${s}`))}
                </option>
              ))}
            </select>
          </label>
          {target === 'resolved' && (
            <>
              <label class="check">
                <input type="checkbox" checked={agreesToRepair} onChange={(e) => setAgreesToRepair(e.currentTarget.checked)} />
                {t('caseAgreesToRepair')}
              </label>
              <label class="field field--inline">
                <span>{t('caseResolution')}</span>
                <select value={resolution} onChange={(e) => setResolution(e.currentTarget.value as Resolution)}>
                  <option value="">{t('caseResolutionChoose')}</option>
                  {suggested.map((r, i) => (
                    <option key={r} value={r}>
                      {t(catalogKey(`afterSale.resolution.${r}`))}
                      {i === 0 ? ` ${t('caseSuggested')}` : ''}
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
          <label class="field">
            <span>{t('caseNote')}</span>
            <input value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          {error && (
            <p class="field-error" role="alert">
              {t(catalogKey(error))}
            </p>
          )}
          <button type="submit" class="primary">
            {t('caseMove')}
          </button>
        </form>
      )}
      <div class="case-platform">
        <label class="check">
          <input type="checkbox" checked={c.platformIntervened} disabled={c.platformIntervened} onChange={() => actions.platform(c.id, { intervened: true })} />
          {t('casePlatformIntervened')}
        </label>
        {c.platformIntervened && (
          <label class="field field--inline">
            <span>{t('caseRuledAgainst')}</span>
            <select value={c.ruledAgainst ?? ''} onChange={(e) => actions.platform(c.id, { ruledAgainst: (e.currentTarget.value || null) as 'shop' | 'buyer' | null })}>
              <option value="">{t('caseRulingPending')}</option>
              <option value="shop">{t('caseRuledShop')}</option>
              <option value="buyer">{t('caseRuledBuyer')}</option>
            </select>
          </label>
        )}
        <label class="check">
          <input type="checkbox" checked={c.complaint} disabled={c.complaint} onChange={() => actions.platform(c.id, { complaint: true })} />
          {t('caseComplaint')}
        </label>
      </div>
      <button type="button" class="link-button" aria-expanded={showReplies} onClick={() => setShowReplies(!showReplies)}>
        {t('caseReplies')}
      </button>
      {showReplies && (
        <ul class="case-replies">
          {replies.map((reply) => (
            <li key={reply.id}>
              {reply.result.ok ? (
                <button type="button" class="snippet case-reply" data-reply={reply.id} title={reply.result.text} onClick={() => actions.insert((reply.result as { text: string }).text)}>
                  <span class="snippet-title">{t(catalogKey(reply.titleKey))}</span>
                  <span class="snippet-body">{reply.result.text}</span>
                </button>
              ) : (
                <p class="muted">
                  {t(catalogKey(reply.titleKey))}: {t('caseReplyNeedsLimit')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
