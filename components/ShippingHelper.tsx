import { useState } from 'preact/hooks';
import { catalogKey, t } from '@/lib/i18n';
import { chooseChannel, shippingReply, type Lang, type ParcelField } from '@/lib/shipping';
import { LangChoice } from './LangChoice';

type FieldName = 'valueUsd' | 'weightKg' | 'length' | 'width' | 'height' | 'country';
const FIELD_OF: Record<FieldName, ParcelField> = { valueUsd: 'valueUsd', weightKg: 'weightKg', length: 'dimensionsCm.0', width: 'dimensionsCm.1', height: 'dimensionsCm.2', country: 'country' };
const LABEL: Record<FieldName, 'shipValue' | 'shipWeight' | 'shipLength' | 'shipWidth' | 'shipHeight' | 'shipCountry'> = {
  valueUsd: 'shipValue',
  weightKg: 'shipWeight',
  length: 'shipLength',
  width: 'shipWidth',
  height: 'shipHeight',
  country: 'shipCountry',
};

/** Text typed in a number field: a number, or NaN for anything else (chooseChannel names that field). */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/**
 * Cross-border shipping (DOMAIN.md "Cross-border shipping channel choice"): the parcel in, the channel family
 * out with the reason and its figures, and the delivery promise to quote as a reply.
 */
export function ShippingHelper({ lang: initialLang, volumetricDivisor, onInsert }: { lang: Lang; volumetricDivisor: number; onInsert: (text: string) => void }) {
  const [values, setValues] = useState<Record<FieldName, string>>({ valueUsd: '', weightKg: '', length: '', width: '', height: '', country: '' });
  const [lang, setLang] = useState<Lang>(initialLang);
  const touched = Object.values(values).some((v) => v.trim() !== '');
  const result = touched
    ? chooseChannel(
        { valueUsd: numberOf(values.valueUsd), weightKg: numberOf(values.weightKg), dimensionsCm: [numberOf(values.length), numberOf(values.width), numberOf(values.height)], country: values.country.trim().toUpperCase() },
        { volumetricDivisor },
      )
    : null;
  const errorOf = (name: FieldName) => (result && !result.ok && values[name].trim() !== '' ? result.errors[FIELD_OF[name]] : undefined);
  const reply = result?.ok ? shippingReply(result.decision, lang) : '';
  return (
    <div class="helper shipping-helper">
      <div class="field-grid">
        {(Object.keys(LABEL) as FieldName[]).map((name) => {
          const error = errorOf(name);
          return (
            <div key={name} class="field" data-field={name}>
              <label>
                <span>{t(LABEL[name])}</span>
                <input inputMode={name === 'country' ? 'text' : 'decimal'} value={values[name]} aria-invalid={Boolean(error)} onInput={(e) => setValues({ ...values, [name]: e.currentTarget.value })} />
              </label>
              {error && <span class="field-error" role="alert">{t(catalogKey(error))}</span>}
            </div>
          );
        })}
      </div>
      {result?.ok && (
        <>
          <p class="answer shipping-family">{t(catalogKey(`shipping.family.${result.decision.family}`))}</p>
          <ul class="reasons">
            {result.decision.reasons.map((r) => (
              <li key={r}>{t(catalogKey(r))}</li>
            ))}
          </ul>
          <p class="muted">
            {t('shipFigures', String(result.decision.figures.longestCm), String(result.decision.figures.lengthGirthCm), String(result.decision.figures.volumetricKg), String(result.decision.figures.chargeableKg), String(volumetricDivisor))}
          </p>
          <p class="muted">{t('shipPromise', String(result.decision.promise.minDays), String(result.decision.promise.maxDays), String(result.decision.promise.processingHours))}</p>
          <LangChoice lang={lang} onChange={setLang} />
          <p class="reply-preview">{reply}</p>
          <button type="button" class="primary insert-reply" onClick={() => onInsert(reply)}>
            {t('insertReply')}
          </button>
        </>
      )}
      {result && !result.ok && Object.keys(result.errors).length > 0 && <p class="muted">{t('shipFixFields')}</p>}
    </div>
  );
}
