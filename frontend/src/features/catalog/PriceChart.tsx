import type { PricePoint } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { plotPrices } from './priceChart';

const BOX = { width: 480, height: 170, padding: 28 };

export function PriceChart({ history }: { history: PricePoint[] }) {
  const { t, money, date } = useI18n();
  const chart = plotPrices(history, BOX);
  if (chart.points.length === 0) return null;
  const first = chart.points[0];
  const last = chart.points[chart.points.length - 1];
  const bottom = BOX.height - BOX.padding;
  const summary = t('product.priceHistorySummary', { count: chart.points.length, min: money(chart.min), max: money(chart.max) });
  return (
    <figure className="rounded-xl border border-stone-200 bg-white p-4">
      <figcaption className="mb-2 text-sm font-semibold text-stone-800">{t('product.priceHistory')}</figcaption>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={summary} className="h-auto w-full" data-testid="price-chart">
        <line x1={BOX.padding} y1={bottom + 8} x2={BOX.width - BOX.padding} y2={bottom + 8} stroke="#d6d3d1" />
        {chart.max > chart.min ? (
          <>
            <line x1={BOX.padding} y1={BOX.padding} x2={BOX.width - BOX.padding} y2={BOX.padding} stroke="#f5f5f4" strokeDasharray="4 4" />
            <text x={BOX.width - BOX.padding} y={BOX.padding - 6} textAnchor="end" className="fill-stone-600 text-[11px]">{money(chart.max)}</text>
            <text x={BOX.width - BOX.padding} y={bottom - 6} textAnchor="end" className="fill-stone-600 text-[11px]">{money(chart.min)}</text>
          </>
        ) : (
          <text x={chart.points.length === 1 ? first.x : BOX.width - BOX.padding} y={first.y - 12} textAnchor={chart.points.length === 1 ? 'middle' : 'end'}
            className="fill-stone-600 text-[11px]">{money(chart.min)}</text>
        )}
        {chart.points.length > 1 && <path d={chart.path} fill="none" stroke="#1e40af" strokeWidth={2.5} strokeLinejoin="round" />}
        {chart.points.map((point) => (
          <circle key={`${point.date}-${point.x}`} cx={point.x} cy={point.y} r={4.5} fill="#1e40af" stroke="#fff" strokeWidth={1.5}>
            <title>{`${date(point.date)} — ${money(point.price)}`}</title>
          </circle>
        ))}
        <text x={first.x} y={BOX.height - 4} textAnchor={chart.points.length > 1 ? 'start' : 'middle'} className="fill-stone-600 text-[11px]">{date(first.date)}</text>
        {chart.points.length > 1 && <text x={last.x} y={BOX.height - 4} textAnchor="end" className="fill-stone-600 text-[11px]">{date(last.date)}</text>}
      </svg>
      <ol className="sr-only">
        {chart.points.map((point) => <li key={`${point.date}-${point.x}`}>{`${date(point.date)}: ${money(point.price)}`}</li>)}
      </ol>
    </figure>
  );
}
