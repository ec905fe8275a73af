import { describe, expect, it } from 'vitest';
import { filtersFromUrl, filtersToUrl } from './catalogFilters';

describe('catalogue URL', () => {
  it('round-trips a search so it can be shared', () => {
    const url = filtersToUrl({ q: ' nike dunk ', category: 'sneakers', minPrice: '50', maxPrice: '300', sort: 'price_asc', page: 2 });
    expect(url.toString()).toBe('q=nike+dunk&category=sneakers&minPrice=50&maxPrice=300&sort=price_asc&page=2');
    expect(filtersFromUrl(url)).toEqual({ q: 'nike dunk', category: 'sneakers', minPrice: '50', maxPrice: '300', sort: 'price_asc', page: 2 });
  });

  it('leaves defaults out of the URL', () => {
    expect(filtersToUrl({ q: '', sort: 'newest', page: 1 }).toString()).toBe('');
  });

  it('ignores an unknown sort and a nonsense page', () => {
    const filters = filtersFromUrl(new URLSearchParams('sort=cheapest&page=-3'));
    expect([filters.sort, filters.page]).toEqual(['newest', 1]);
  });
});
