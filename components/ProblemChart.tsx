import type { ProductProblems } from '@/lib/after-sale';
import { catalogKey, t } from '@/lib/i18n';

/** Products shown: the ones with the most cases; the rest would not fit the popup. */
const PRODUCTS = 6;
/** Reasons shown per product, most frequent first. */
const ROWS = 3;

/**
 * Problem mining as a chart: per product, one bar per frequent case type and reason, as long as its count,
 * so a product with many "colour differs from the photos" returns stands out. Text is data, drawn as text.
 */
export function ProblemChart({ products }: { products: ProductProblems[] }) {
  const shown = products.slice(0, PRODUCTS);
  const max = Math.max(1, ...shown.flatMap((p) => p.problems.map((row) => row.count)));
  return (
    <figure class="chart problem-chart">
      <figcaption>{t('problemChartTitle')}</figcaption>
      {shown.length === 0 && <p class="muted">{t('problemChartEmpty')}</p>}
      {shown.map((p) => (
        <div key={p.product} class="problem-product" data-product={p.product}>
          <div class="problem-product-name">
            {p.product} <span class="muted">({p.total})</span>
          </div>
          {p.problems.slice(0, ROWS).map((row) => (
            <div key={`${row.type}|${row.reason}`} class="problem-row" data-count={row.count}>
              <span class="problem-label">
                {t(catalogKey(`afterSale.type.${row.type}`))}
                {row.reason && ` · ${row.reason}`}
              </span>
              <span class="problem-bar" style={{ width: `${Math.round((row.count / max) * 100)}%` }} />
              <span class="problem-count">{row.count}</span>
            </div>
          ))}
        </div>
      ))}
    </figure>
  );
}
