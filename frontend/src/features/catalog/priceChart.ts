import type { PricePoint } from '../../api/types';

export interface ChartBox {
  width: number;
  height: number;
  padding: number;
  /** Extra room on the left for the price labels. */
  gutter?: number;
}

export interface PlottedPoint {
  x: number;
  y: number;
  price: number;
  date: string;
}

export interface PriceChartGeometry {
  points: PlottedPoint[];
  path: string;
  min: number;
  max: number;
}

/**
 * Places each price on the chart: time runs left to right in proportion to the dates, prices bottom to top
 * between the lowest and the highest. One price (or all equal) sits on a flat line in the middle.
 */
export function plotPrices(history: PricePoint[], box: ChartBox): PriceChartGeometry {
  const sorted = [...history].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  if (sorted.length === 0) return { points: [], path: '', min: 0, max: 0 };

  const prices = sorted.map((point) => point.price);
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  const first = Date.parse(sorted[0].date);
  const last = Date.parse(sorted[sorted.length - 1].date);
  const left = box.padding + (box.gutter ?? 0);
  const innerWidth = box.width - box.padding - left;
  const innerHeight = box.height - 2 * box.padding;

  const points = sorted.map((point, index) => {
    const time = Date.parse(point.date);
    const across = last > first ? (time - first) / (last - first) : sorted.length === 1 ? 0.5 : index / (sorted.length - 1);
    const up = max > min ? (point.price - min) / (max - min) : 0.5;
    return {
      x: round(left + across * innerWidth),
      y: round(box.padding + (1 - up) * innerHeight),
      price: point.price,
      date: point.date,
    };
  });

  const path = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x},${point.y}`).join(' ');
  return { points, path, min, max };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
