import { t } from '@/lib/i18n';

const DAYS = 14;

/** Uses per day over the last two weeks, oldest first: a tiny bar chart with the numbers in its tooltip. */
export function UsageSparkline({ usesByDay, today }: { usesByDay: Record<string, number> | undefined; today: number }) {
  const days = [...Array(DAYS).keys()].map((i) => new Date(today - (DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10));
  const counts = days.map((d) => usesByDay?.[d] ?? 0);
  const max = Math.max(1, ...counts);
  const total = counts.reduce((a, b) => a + b, 0);
  return (
    <svg class="sparkline" viewBox={`0 0 ${DAYS * 4} 16`} width={DAYS * 4} height={16} role="img" aria-label={t('usesLastTwoWeeks', String(total))}>
      <title>{days.map((d, i) => `${d}: ${counts[i]}`).join('\n')}</title>
      {counts.map((c, i) => (
        <rect key={days[i]} x={i * 4} y={16 - (c / max) * 16} width={3} height={(c / max) * 16} />
      ))}
    </svg>
  );
}
