import { describe, expect, it } from 'vitest';
import { plotPrices } from './priceChart';

const box = { width: 100, height: 60, padding: 10 };

describe('price chart', () => {
  it('places the oldest price left, the newest right, the highest at the top and the lowest at the bottom', () => {
    const chart = plotPrices([
      { price: 80, date: '2026-01-03T00:00:00Z' },
      { price: 100, date: '2026-01-01T00:00:00Z' },
      { price: 60, date: '2026-01-05T00:00:00Z' },
    ], box);
    expect(chart.points.map(({ x, y }) => [x, y])).toEqual([[10, 10], [50, 30], [90, 50]]);
    expect(chart.path).toBe('M10,10 L50,30 L90,50');
    expect([chart.min, chart.max]).toEqual([60, 100]);
  });

  it('spaces points by elapsed time, not by their index', () => {
    const chart = plotPrices([
      { price: 10, date: '2026-01-01T00:00:00Z' },
      { price: 20, date: '2026-01-02T00:00:00Z' },
      { price: 30, date: '2026-01-11T00:00:00Z' },
    ], box);
    expect(chart.points.map((point) => point.x)).toEqual([10, 18, 90]);
  });

  it('draws a single price as one point in the middle', () => {
    const chart = plotPrices([{ price: 42, date: '2026-01-01T00:00:00Z' }], box);
    expect(chart.points).toEqual([{ x: 50, y: 30, price: 42, date: '2026-01-01T00:00:00Z' }]);
    expect(chart.path).toBe('M50,30');
  });

  it('keeps equal prices on a flat middle line and same-day changes apart', () => {
    const chart = plotPrices([
      { price: 5, date: '2026-01-01T00:00:00Z' },
      { price: 5, date: '2026-01-01T00:00:00Z' },
    ], box);
    expect(chart.points.map(({ x, y }) => [x, y])).toEqual([[10, 30], [90, 30]]);
  });

  it('leaves a gutter on the left for the labels', () => {
    const chart = plotPrices([
      { price: 1, date: '2026-01-01T00:00:00Z' },
      { price: 2, date: '2026-01-02T00:00:00Z' },
    ], { ...box, gutter: 20 });
    expect(chart.points.map((point) => point.x)).toEqual([30, 90]);
  });

  it('draws nothing without history', () => {
    expect(plotPrices([], box)).toEqual({ points: [], path: '', min: 0, max: 0 });
  });
});
