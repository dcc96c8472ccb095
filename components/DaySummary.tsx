import type { ResponseOf } from '@/lib/protocol';
import { t } from '@/lib/i18n';

export type DaySummaryData = ResponseOf<'day.summary'>;

export function DaySummary({ summary }: { summary: DaySummaryData }) {
  if (summary.events === 0) return <p class="muted">{t('summaryEmpty')}</p>;
  const figures = [
    [t('summaryBuyers'), summary.buyers],
    [t('summaryBuyerMessages'), summary.buyerMessages],
    [t('summaryOrders'), summary.orders],
    [t('summaryEvents'), summary.events],
  ] as const;
  return (
    <>
      <dl class="figures">
        {figures.map(([label, value]) => (
          <div key={label} class="figure">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {summary.lastEventAt !== null && (
        <p class="muted">{t('summaryLastEvent', new Date(summary.lastEventAt).toLocaleTimeString(undefined, { hour12: false }))}</p>
      )}
    </>
  );
}
