import { t } from '@/lib/i18n';
import { HISTOGRAM_EDGES_SEC } from '@/lib/metrics';

function binLabel(i: number): string {
  const edges = HISTOGRAM_EDGES_SEC;
  const fmt = (s: number) => (s < 60 ? `${s}s` : `${s / 60}m`);
  if (i === 0) return `≤${fmt(edges[0]!)}`;
  if (i >= edges.length) return `>${fmt(edges.at(-1)!)}`;
  return `${fmt(edges[i - 1]!)}–${fmt(edges[i]!)}`;
}

/** How long answered buyers waited: one bar per bin, as a plain SVG with its numbers in the labels. */
export function ResponseHistogram({ bins }: { bins: number[] }) {
  const max = Math.max(1, ...bins);
  const width = 320;
  const barWidth = width / bins.length;
  return (
    <figure class="chart">
      <figcaption>{t('histogramTitle')}</figcaption>
      <svg viewBox={`0 0 ${width} 90`} role="img" aria-label={t('histogramTitle')}>
        {bins.map((count, i) => {
          const height = (count / max) * 60;
          const late = i >= 3; // bins from 30 s on
          return (
            <g key={i}>
              <rect x={i * barWidth + 3} y={70 - height} width={barWidth - 6} height={height} class={late ? 'bar bar--late' : 'bar'}>
                <title>{`${binLabel(i)}: ${count}`}</title>
              </rect>
              <text x={i * barWidth + barWidth / 2} y={68 - height} class="bar-count">
                {count || ''}
              </text>
              <text x={i * barWidth + barWidth / 2} y={84} class="bar-label">
                {binLabel(i)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
