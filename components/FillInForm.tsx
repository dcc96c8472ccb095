import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import type { Snippet } from '@/lib/snippet';

const KNOWN = new Set(['buyerName', 'orderNumber', 'shopName', 'agentName', 'date', 'time', 'amount', 'days', 'holiday', 'product', 'trackingNumber', 'material', 'resumeDate', 'solution']);

export function fillInLabel(key: string): string {
  return KNOWN.has(key) ? t(`fill_${key}` as MessageKey) : key;
}

/** Asks for the fill-ins the page could not supply; the snippet goes in only when every one has a value. */
export function FillInForm({ snippet, missing, onSubmit, onCancel }: { snippet: Snippet; missing: string[]; onSubmit: (values: Record<string, string>) => void; onCancel: () => void }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), [snippet.id]);
  const complete = missing.every((key) => values[key]?.trim());
  return (
    <form
      class="fill-in"
      aria-label={t('fillInTitle', snippet.title)}
      onSubmit={(e) => {
        e.preventDefault();
        if (complete) onSubmit(values);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h3>{t('fillInTitle', snippet.title)}</h3>
      {missing.map((key, i) => (
        <label key={key} class="fill-in-field">
          <span>{fillInLabel(key)}</span>
          <input ref={i === 0 ? first : undefined} value={values[key] ?? ''} onInput={(e) => setValues({ ...values, [key]: e.currentTarget.value })} />
        </label>
      ))}
      <div class="fill-in-actions">
        <button type="submit" class="primary" disabled={!complete}>
          {t('fillInInsert')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('fillInCancel')}
        </button>
      </div>
    </form>
  );
}
