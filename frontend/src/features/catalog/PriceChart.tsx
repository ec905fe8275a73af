import type { PricePoint } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { plotPrices } from './priceChart';

const BOX = { width: 480, height: 160, padding: 24 };

export function PriceChart({ history }: { history: PricePoint[] }) {
  const { t, money, date } = useI18n();
  const chart = plotPrices(history, BOX);
  if (chart.points.length === 0) return null;
  const summary = t('product.priceHistorySummary', { count: chart.points.length, min: money(chart.min), max: money(chart.max) });
  return (
    <figure className="rounded-xl border border-stone-200 bg-white p-4">
      <figcaption className="mb-2 text-sm font-semibold text-stone-800">{t('product.priceHistory')}</figcaption>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={summary} className="h-auto w-full" data-testid="price-chart">
        <line x1={BOX.padding} y1={BOX.height - BOX.padding} x2={BOX.width - BOX.padding} y2={BOX.height - BOX.padding} stroke="#d6d3d1" />
        <text x={4} y={BOX.padding} className="fill-stone-600 text-[10px]">{money(chart.max)}</text>
        <text x={4} y={BOX.height - 4} className="fill-stone-600 text-[10px]">{money(chart.min)}</text>
        {chart.points.length > 1 && <path d={chart.path} fill="none" stroke="#1e40af" strokeWidth={2.5} strokeLinejoin="round" />}
        {chart.points.map((point) => (
          <circle key={`${point.date}-${point.x}`} cx={point.x} cy={point.y} r={4} fill="#1e40af">
            <title>{`${date(point.date)} — ${money(point.price)}`}</title>
          </circle>
        ))}
      </svg>
      <ol className="sr-only">
        {chart.points.map((point) => <li key={`${point.date}-${point.x}`}>{`${date(point.date)}: ${money(point.price)}`}</li>)}
      </ol>
    </figure>
  );
}
