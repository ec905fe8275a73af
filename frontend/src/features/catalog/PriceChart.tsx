import type { PricePoint } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { plotPrices } from './priceChart';

const BOX = { width: 480, height: 180, padding: 24, gutter: 64 };

export function PriceChart({ history }: { history: PricePoint[] }) {
  const { t, money, date, dateTime } = useI18n();
  const chart = plotPrices(history, BOX);
  if (chart.points.length === 0) return null;
  const first = chart.points[0];
  const last = chart.points[chart.points.length - 1];
  const bottom = BOX.height - BOX.padding;
  const left = BOX.padding + BOX.gutter;
  const sameDay = date(first.date) === date(last.date);
  const when = sameDay && chart.points.length > 1 ? dateTime : date;
  const summary = t('product.priceHistorySummary', { count: chart.points.length, min: money(chart.min), max: money(chart.max) });
  return (
    <figure className="rounded-xl border border-stone-200 bg-white p-4">
      <figcaption className="mb-2 text-sm font-semibold text-stone-800">{t('product.priceHistory')}</figcaption>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={summary} className="h-auto w-full" data-testid="price-chart">
        <line x1={left} y1={bottom + 8} x2={BOX.width - BOX.padding} y2={bottom + 8} stroke="#d6d3d1" />
        <line x1={left} y1={BOX.padding - 8} x2={left} y2={bottom + 8} stroke="#d6d3d1" />
        {chart.max > chart.min ? (
          <>
            <text x={left - 6} y={BOX.padding + 4} textAnchor="end" className="fill-stone-600 text-[11px]">{money(chart.max)}</text>
            <text x={left - 6} y={bottom + 4} textAnchor="end" className="fill-stone-600 text-[11px]">{money(chart.min)}</text>
          </>
        ) : (
          <text x={left - 6} y={first.y + 4} textAnchor="end" className="fill-stone-600 text-[11px]">{money(chart.min)}</text>
        )}
        {chart.points.length > 1 && <path d={chart.path} fill="none" stroke="#1e40af" strokeWidth={2.5} strokeLinejoin="round" />}
        {chart.points.map((point) => (
          <circle key={`${point.date}-${point.x}`} cx={point.x} cy={point.y} r={4.5} fill="#1e40af" stroke="#fff" strokeWidth={1.5}>
            <title>{`${dateTime(point.date)} — ${money(point.price)}`}</title>
          </circle>
        ))}
        <text x={first.x} y={BOX.height - 4} textAnchor={chart.points.length > 1 ? 'start' : 'middle'} className="fill-stone-600 text-[11px]">{when(first.date)}</text>
        {chart.points.length > 1 && <text x={last.x} y={BOX.height - 4} textAnchor="end" className="fill-stone-600 text-[11px]">{when(last.date)}</text>}
      </svg>
      <ol className="sr-only">
        {chart.points.map((point) => <li key={`${point.date}-${point.x}`}>{`${dateTime(point.date)}: ${money(point.price)}`}</li>)}
      </ol>
    </figure>
  );
}
