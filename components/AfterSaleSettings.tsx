import { useState } from 'preact/hooks';
import { casesToCsv, casesToJson, parseCasesFile } from '@/lib/after-sale';
import { catalogKey, t } from '@/lib/i18n';
import type { createClient } from '@/lib/messaging';
import type { AfterSaleSettings as Values, Settings } from '@/lib/settings';
import { download } from './download';
import { Notice } from './Notice';

type Send = ReturnType<typeof createClient>;
const STEPS = ['firstContact', 'goodsReceived', 'problemConfirmed'] as const;
const stamp = () => new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');

/** A positive number typed, or null (the field keeps its stored value and says nothing is saved). */
const positive = (text: string): number | null => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : null;
};

/**
 * The shop's after-sale choices (how long a case may sit in each step, goodwill and loss-share limits, the
 * carriers' volumetric divisor), and the case log's export and import: all or nothing, the row and field
 * named when a file is refused.
 */
export function AfterSaleSettings({ settings, onChange, send }: { settings: Settings; onChange: (patch: Partial<Settings>) => void; send: Send }) {
  const values = settings.afterSale;
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const set = (patch: Partial<Values>) => onChange({ afterSale: { ...values, ...patch } });
  const exportCases = async (kind: 'json' | 'csv') => {
    const cases = await send('cases.list', {});
    if (kind === 'json') download(`kefu-cases-${stamp()}.json`, 'application/json', casesToJson(cases));
    else download(`kefu-cases-${stamp()}.csv`, 'text/csv', casesToCsv(cases));
    setStatus({ kind: 'info', text: t('casesExported', String(cases.length)) });
  };
  const importCases = async (file: File) => {
    // The bytes, not file.text(): a spreadsheet's CSV may not be UTF-8.
    const result = parseCasesFile(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) {
      const { row, field, message } = result.problem;
      const text = message.startsWith('afterSale.') ? t(catalogKey(message)) : message;
      return setStatus({ kind: 'error', text: row === null ? t('importFileError', field, text) : t('importRowError', String(row), field, text) });
    }
    try {
      const { added, replaced } = await send('cases.import', { cases: result.cases });
      setStatus({ kind: 'info', text: t('casesImported', String(added), String(replaced)) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('settingsError', error instanceof Error ? error.message : String(error)) });
    }
  };
  return (
    <section class="after-sale-settings">
      <h2>{t('afterSaleTitle')}</h2>
      {STEPS.map((step) => (
        <label key={step} class="field" data-limit={step}>
          <span>{t('stepLimit', t(catalogKey(`afterSale.step.${step}`)))}</span>
          <input
            type="number"
            min={0.01}
            step="any"
            value={values.stepLimitsMinutes[step]}
            onChange={(e) => {
              const n = positive(e.currentTarget.value);
              if (n && n > 0) set({ stepLimitsMinutes: { ...values.stepLimitsMinutes, [step]: n } });
            }}
          />
        </label>
      ))}
      <label class="field">
        <span>{t('goodwillLimit')}</span>
        <input type="number" min={0} step="any" value={values.goodwillLimit} onChange={(e) => set({ goodwillLimit: positive(e.currentTarget.value) ?? values.goodwillLimit })} />
      </label>
      <label class="field">
        <span>{t('shareLossLimit')}</span>
        <input type="number" min={0} step="any" value={values.shareLossLimit} onChange={(e) => set({ shareLossLimit: positive(e.currentTarget.value) ?? values.shareLossLimit })} />
      </label>
      <label class="field">
        <span>{t('volumetricDivisor')}</span>
        <select value={values.volumetricDivisor} onChange={(e) => set({ volumetricDivisor: Number(e.currentTarget.value) })}>
          {[5000, 6000, 8000].map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      {status && <Notice kind={status.kind} text={status.text} />}
      <div class="exports">
        <button type="button" class="button" onClick={() => void exportCases('json')}>
          {t('casesExportJson')}
        </button>
        <button type="button" class="button" onClick={() => void exportCases('csv')}>
          {t('casesExportCsv')}
        </button>
        <label class="button">
          {t('casesImport')}
          <input
            type="file"
            class="cases-import"
            accept=".json,.csv,application/json,text/csv"
            hidden
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void importCases(file);
            }}
          />
        </label>
      </div>
    </section>
  );
}
