import { useEffect, useState } from 'preact/hooks';
import { CASE_STEPS, CASE_TYPES, type Rate } from '@/lib/after-sale';
import { catalogKey, t } from '@/lib/i18n';
import type { createClient } from '@/lib/messaging';
import type { ResponseOf } from '@/lib/protocol';
import { ProblemChart } from './ProblemChart';
import { ReminderList } from './AfterSalePanel';

type Send = ReturnType<typeof createClient>;
const PERIODS = [7, 30, 90] as const;
const REFRESH_MS = 3_000;

const rateText = (r: Rate) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}% (${r.count}/${r.of})`);
const hours = (ms: number | null) => (ms === null ? '—' : t('hoursValue', (ms / 3_600_000).toFixed(1)));

/**
 * The after-sale figures beside the reply metrics: average refund time (30 days), dispute refund rate,
 * complaint rate, cases by type and by step, and the problem chart, over a period the agent picks.
 */
export function AfterSaleMetrics({ send }: { send: Send }) {
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const [data, setData] = useState<ResponseOf<'cases.summary'> | null>(null);
  const [reminders, setReminders] = useState<ResponseOf<'cases.reminders'>>([]);
  useEffect(() => {
    let live = true;
    const read = () =>
      void Promise.all([send('cases.summary', { days }), send('cases.reminders', {})]).then(
        ([summary, stale]) => live && (setData(summary), setReminders(stale)),
        () => undefined,
      );
    read();
    const timer = setInterval(read, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [send, days]);
  if (!data) return null;
  const { summary } = data;
  return (
    <section class="after-sale-metrics">
      <h2>{t('afterSaleTitle')}</h2>
      <ReminderList reminders={reminders} />
      <label class="field field--inline">
        <span>{t('afterSalePeriod')}</span>
        <select value={days} onChange={(e) => setDays(Number(e.currentTarget.value) as (typeof PERIODS)[number])}>
          {PERIODS.map((d) => (
            <option key={d} value={d}>
              {t('lastDays', String(d))}
            </option>
          ))}
        </select>
      </label>
      <table class="metrics">
        <tbody>
          <tr data-metric="refundTime">
            <th scope="row">{t('afterSaleRefundTime')}</th>
            <td class="metric-value">{hours(summary.averageRefundTime.meanMs)}</td>
          </tr>
          <tr data-metric="disputeRefundRate">
            <th scope="row">{t('afterSaleDisputeRate')}</th>
            <td class="metric-value">{rateText(summary.disputeRefundRate)}</td>
          </tr>
          <tr data-metric="complaintRate">
            <th scope="row">{t('afterSaleComplaintRate')}</th>
            <td class="metric-value">{rateText(summary.complaintRate)}</td>
          </tr>
          {CASE_STEPS.map((s) => (
            <tr key={s} data-metric={`step-${s}`}>
              <th scope="row">{t(catalogKey(`afterSale.step.${s}`))}</th>
              <td class="metric-value">{summary.byStep[s]}</td>
            </tr>
          ))}
          {CASE_TYPES.filter((type) => summary.byType[type] > 0).map((type) => (
            <tr key={type} data-metric={`type-${type}`}>
              <th scope="row">{t(catalogKey(`afterSale.type.${type}`))}</th>
              <td class="metric-value">{summary.byType[type]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ProblemChart products={data.problems} />
    </section>
  );
}
