import { useState } from 'preact/hooks';
import { catalogKey, t } from '@/lib/i18n';
import { decidePostage, formatMoney, postageOptionReply, postageReply, RETURN_REASONS, type Lang, type ReturnReason, type ShopPostagePolicy } from '@/lib/postage';
import { LangChoice } from './LangChoice';

/**
 * Who pays the postage of a return (DOMAIN.md "Return postage: who pays"): three questions, the rule in one
 * sentence, the floor the shop must not go below, and the reply to insert. What the shop may do beyond the
 * floor (goodwill, sharing the postage) is offered apart, with its cost, never as the floor.
 */
export function PostageHelper({ lang: initialLang, policy, onInsert }: { lang: Lang; policy: ShopPostagePolicy; onInsert: (text: string) => void }) {
  const [sevenDay, setSevenDay] = useState(true);
  const [reason, setReason] = useState<ReturnReason>('changedMind');
  const [freeShipping, setFreeShipping] = useState(true);
  const [costText, setCostText] = useState('');
  const [lang, setLang] = useState<Lang>(initialLang);
  const cost = costText.trim() === '' ? undefined : Number(costText);
  const costError = cost !== undefined && (!Number.isFinite(cost) || cost < 0);
  const decision = decidePostage({ sevenDayNoReason: sevenDay, reason, freeShippingListed: freeShipping, ...(cost !== undefined && !costError ? { returnPostageCost: cost } : {}) }, policy);
  const reply = postageReply(decision, lang);
  const payer = (p: 'seller' | 'buyer') => t(p === 'seller' ? 'postagePayerSeller' : 'postagePayerBuyer');
  return (
    <div class="helper postage-helper">
      <label class="field">
        <span>{t('postageReason')}</span>
        <select value={reason} onChange={(e) => setReason(e.currentTarget.value as ReturnReason)}>
          {RETURN_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(catalogKey(`postage.reason.${r}`))}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={sevenDay} onChange={(e) => setSevenDay(e.currentTarget.checked)} />
        {t('postageSevenDay')}
      </label>
      <label class="check">
        <input type="checkbox" checked={freeShipping} onChange={(e) => setFreeShipping(e.currentTarget.checked)} />
        {t('postageFreeShipping')}
      </label>
      <div class="field">
        <label>
          <span>{t('postageReturnCost')}</span>
          <input inputMode="decimal" value={costText} onInput={(e) => setCostText(e.currentTarget.value)} aria-invalid={costError} />
        </label>
        {costError && <span class="field-error" role="alert">{t('fieldNotAmount')}</span>}
      </div>
      <dl class="answer">
        <dt>{t('postageOutbound')}</dt>
        <dd class="postage-outbound">{payer(decision.outbound)}</dd>
        <dt>{t('postageReturn')}</dt>
        <dd class="postage-return">{payer(decision.returnPostage)}</dd>
      </dl>
      <p class="rule">{t(catalogKey(`postage.rule.${decision.rule}`))}</p>
      <p class="floor">{t(catalogKey(decision.floor))}</p>
      <LangChoice lang={lang} onChange={setLang} />
      <p class="reply-preview">{reply}</p>
      <button type="button" class="primary insert-reply" onClick={() => onInsert(reply)}>
        {t('insertReply')}
      </button>
      {decision.options.length > 0 && (
        <div class="beyond">
          <h4>{t('postageBeyond')}</h4>
          <ul>
            {decision.options.map((option) => (
              <li key={option.kind} class="postage-option">
                <span>
                  {t(catalogKey(`postage.option.${option.kind}`))} · {t(option.upTo ? 'postageCostUpTo' : 'postageCost', formatMoney(option.cost))}
                </span>
                <button type="button" onClick={() => onInsert(postageOptionReply(option, lang))}>
                  {t('insertReply')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
