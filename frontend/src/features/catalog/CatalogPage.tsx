import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Search } from 'lucide-react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useLoad } from '../../lib/useLoad';
import { fieldError } from '../../lib/errors';
import { Button, Empty, ErrorNotice, Loading, PageTitle, SelectField, TextField } from '../../components/ui';
import { ProductGrid } from '../../components/ProductCard';
import { Pagination } from '../../components/Pagination';
import { CATALOG_PAGE_SIZE, SORTS, filtersFromUrl, filtersToUrl } from './catalogFilters';
import type { MessageKey } from '../../i18n/fr';

export function CatalogPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromUrl(params);
  const [draft, setDraft] = useState(filters);
  const key = params.toString();

  useEffect(() => setDraft(filtersFromUrl(new URLSearchParams(key))), [key]);

  const categories = useLoad(() => api.categories(), []);
  const results = useLoad(() => api.products({ ...filters, pageSize: CATALOG_PAGE_SIZE }), [key]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(filtersToUrl({ ...draft, page: 1 }));
  };
  const change = (name: keyof typeof draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value });

  return (
    <div>
      <PageTitle>{t('catalog.title')}</PageTitle>
      <form role="search" onSubmit={apply} className="mb-6 grid gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6">
        <div className="lg:col-span-2">
          <TextField label={t('catalog.search')} type="search" name="q" value={draft.q} onChange={change('q')} placeholder={t('catalog.searchPlaceholder')} />
        </div>
        <SelectField label={t('catalog.category')} name="category" value={draft.category} onChange={change('category')}>
          <option value="">{t('catalog.allCategories')}</option>
          {categories.data?.map((category) => <option key={category.id} value={category.id}>{category.name}</option>)}
        </SelectField>
        <TextField label={t('catalog.minPrice')} type="number" min={0} step="0.01" inputMode="decimal" name="minPrice" value={draft.minPrice} onChange={change('minPrice')}
          error={fieldError(results.error, 'minPrice')} />
        <TextField label={t('catalog.maxPrice')} type="number" min={0} step="0.01" inputMode="decimal" name="maxPrice" value={draft.maxPrice} onChange={change('maxPrice')}
          error={fieldError(results.error, 'maxPrice')} />
        <SelectField label={t('catalog.sort')} name="sort" value={draft.sort} onChange={(event) => setParams(filtersToUrl({ ...draft, sort: event.target.value, page: 1 }))}>
          {SORTS.map((sort) => <option key={sort} value={sort}>{t(`catalog.sort.${sort}` as MessageKey)}</option>)}
        </SelectField>
        <div className="flex items-end sm:col-span-2 lg:col-span-6">
          <Button type="submit"><Search aria-hidden className="size-4" /> {t('catalog.apply')}</Button>
        </div>
      </form>

      {results.error ? <ErrorNotice error={results.error} onRetry={results.reload} />
        : results.loading && !results.data ? <Loading />
        : results.data && (
          <>
            <p className="mb-3 text-sm text-stone-700" aria-live="polite">{t('catalog.count', { count: results.data.total })}</p>
            {results.data.items.length === 0 ? <Empty>{t('catalog.empty')}</Empty> : <ProductGrid products={results.data.items} />}
            <Pagination page={filters.page} pageSize={CATALOG_PAGE_SIZE} total={results.data.total}
              onPage={(page) => { setParams(filtersToUrl({ ...filters, page })); window.scrollTo(0, 0); }} />
          </>
        )}
    </div>
  );
}
