import type { ProductQuery } from '../../api/types';

export const SORTS = ['newest', 'price_asc', 'price_desc'] as const;
export const CATALOG_PAGE_SIZE = 12;

/** Reads the catalogue's filters from the URL so a search can be bookmarked and shared. */
export function filtersFromUrl(params: URLSearchParams): ProductQuery & { page: number } {
  const page = Number(params.get('page'));
  const sort = params.get('sort') ?? '';
  return {
    q: params.get('q') ?? '',
    category: params.get('category') ?? '',
    minPrice: params.get('minPrice') ?? '',
    maxPrice: params.get('maxPrice') ?? '',
    sort: (SORTS as readonly string[]).includes(sort) ? sort : 'newest',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The URL for a set of filters: empty values and the defaults are left out to keep links short. */
export function filtersToUrl(filters: ProductQuery & { page?: number }): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.category) params.set('category', filters.category);
  if (filters.minPrice) params.set('minPrice', filters.minPrice);
  if (filters.maxPrice) params.set('maxPrice', filters.maxPrice);
  if (filters.sort && filters.sort !== 'newest') params.set('sort', filters.sort);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  return params;
}
