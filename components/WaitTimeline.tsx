import type { Counters } from '@/lib/metrics';
import { t } from '@/lib/i18n';

const BIN_MS = 10 * 60_000;

/** Waits over the period, ten minutes a column: how many buyers wrote, and how many waited past 30 s. */
export function WaitTimeline({ bins, start, now, timeZone }: { bins: Counters['timeline']; start: number; now: number; timeZone: string }) {
  const shown = bins.slice(0, Math.max(1, Math.ceil((now - start) / BIN_MS)));
  const max = Math.max(1, ...shown.map((b) => b.count));
  const width = 320;
  const step = width / Math.max(shown.length, 12);
  const hour = (i: number) => new Date(start + i * BIN_MS).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
  return (
    <figure class="chart">
      <figcaption>{t('timelineTitle')}</figcaption>
      <svg viewBox={`0 0 ${width} 80`} role="img" aria-label={t('timelineTitle')}>
        {shown.map((bin, i) => {
          const h = (bin.count / max) * 56;
          const lateH = (bin.late / max) * 56;
          return (
            <g key={i}>
              <rect x={i * step + 1} y={60 - h} width={Math.max(1, step - 2)} height={h} class="bar" />
              <rect x={i * step + 1} y={60 - lateH} width={Math.max(1, step - 2)} height={lateH} class="bar bar--late">
                <title>{t('timelineBin', hour(i), String(bin.count), String(bin.late))}</title>
              </rect>
            </g>
          );
        })}
        <text x={0} y={76} class="bar-label bar-label--start">
          {hour(0)}
        </text>
        <text x={width} y={76} class="bar-label bar-label--end">
          {hour(shown.length)}
        </text>
      </svg>
    </figure>
  );
}
