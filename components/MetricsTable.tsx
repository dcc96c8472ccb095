import { t, type MessageKey } from '@/lib/i18n';
import type { MetricRow } from '@/lib/targets';

export function formatMetric(kind: MetricRow['kind'], value: number | null): string {
  if (value === null) return '—';
  if (kind === 'rate') return `${(value * 100).toFixed(1)}%`;
  if (kind === 'seconds') return t('secondsValue', value.toFixed(1));
  return String(value);
}

/** The shift at a glance: each metric against the agent's target, green / amber / red. */
export function MetricsTable({ rows }: { rows: MetricRow[] }) {
  return (
    <table class="metrics">
      <thead>
        <tr>
          <th>{t('metricColumn')}</th>
          <th>{t('valueColumn')}</th>
          <th>{t('targetColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} class={`grade--${row.grade}`} data-metric={row.id}>
            <th scope="row">{t(`metric_${row.id}` as MessageKey)}</th>
            <td class="metric-value">{formatMetric(row.kind, row.value)}</td>
            <td class="metric-target">{row.target === null ? '' : `${row.kind === 'seconds' ? '≤' : '≥'} ${formatMetric(row.kind, row.target)}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
