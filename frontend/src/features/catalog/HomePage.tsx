import { Link } from 'react-router-dom';
import { ArrowRight, ShieldCheck } from 'lucide-react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useLoad, type Loaded } from '../../lib/useLoad';
import type { Paged, Product } from '../../api/types';
import { ErrorNotice, Loading, focusRing } from '../../components/ui';
import { ProductGrid } from '../../components/ProductCard';
import { PaymentReturn } from '../checkout/PaymentReturn';

export function HomePage() {
  const { t } = useI18n();
  const recent = useLoad(() => api.products({ status: 'available', sort: 'newest', pageSize: 8 }), []);
  const featured = useLoad(() => api.products({ status: 'available', sort: 'price_desc', pageSize: 4 }), []);
  const categories = useLoad(() => api.categories(), []);

  return (
    <div className="flex flex-col gap-10">
      <PaymentReturn />
      <section className="rounded-2xl bg-gradient-to-br from-blue-900 to-blue-700 px-6 py-10 text-white">
        <h1 className="text-3xl font-bold sm:text-4xl">{t('home.title')}</h1>
        <p className="mt-3 max-w-2xl text-blue-50">{t('home.subtitle')}</p>
        <p className="mt-3 flex items-center gap-2 text-sm text-blue-50"><ShieldCheck aria-hidden className="size-5 text-amber-300" />{t('home.trust')}</p>
        <Link to="/catalog" className={`mt-6 inline-flex items-center gap-2 rounded-lg bg-amber-400 px-5 py-3 font-semibold text-stone-900 hover:bg-amber-300 ${focusRing}`}>
          {t('home.browse')} <ArrowRight aria-hidden className="size-4" />
        </Link>
      </section>

      <section aria-labelledby="categories-title">
        <h2 id="categories-title" className="mb-4 text-xl font-bold">{t('home.categories')}</h2>
        {categories.error ? <ErrorNotice error={categories.error} onRetry={categories.reload} /> : categories.loading ? <Loading />
          : categories.data?.length === 0 ? <p className="text-stone-600">{t('home.noCategories')}</p> : (
          <ul className="flex flex-wrap gap-2">
            {categories.data?.map((category) => (
              <li key={category.id}>
                <Link to={`/catalog?category=${encodeURIComponent(category.id)}`} className={`inline-block rounded-full border border-stone-300 bg-white px-4 py-2 text-sm hover:border-blue-700 ${focusRing}`}>
                  {category.name} <span className="text-stone-600">({category.productCount})</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <HomeShelf title={t('home.featured')} id="featured" shelf={featured} />
      <HomeShelf title={t('home.recent')} id="recent" shelf={recent} />
    </div>
  );
}

function HomeShelf({ title, id, shelf }: { title: string; id: string; shelf: Loaded<Paged<Product>> }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mb-4 text-xl font-bold">{title}</h2>
      {shelf.error ? <ErrorNotice error={shelf.error} onRetry={shelf.reload} />
        : shelf.loading && !shelf.data ? <Loading />
        : shelf.data && shelf.data.items.length > 0 ? <ProductGrid products={shelf.data.items} />
        : <p className="text-stone-600">{t('home.empty')}</p>}
    </section>
  );
}
