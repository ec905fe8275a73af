import { Link, useParams } from 'react-router-dom';
import { Clock, MapPin, Pencil, Store, Truck } from 'lucide-react';
import { api } from '../../api/client';
import type { Order, Product } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { useLoad } from '../../lib/useLoad';
import { addEuros } from '../../lib/money';
import { ErrorNotice, Loading, focusRing } from '../../components/ui';
import { StatusBadge } from '../../components/StatusBadge';
import { BuyButton } from '../checkout/BuyButton';
import { Gallery } from './Gallery';
import { PriceChart } from './PriceChart';
import { useCategoryNames } from './useCategoryNames';

export function ProductPage() {
  const { id = '' } = useParams();
  const { t, money } = useI18n();
  const { user } = useAuth();
  const categoryName = useCategoryNames();
  const product = useLoad(() => api.product(id), [id]);
  const myHold = useLoad(async () => (user ? (await api.myOrders()).find((order) => order.productId === id && order.status === 'pending') ?? null : null), [id, user?.id]);

  if (product.error) return <ErrorNotice error={product.error} onRetry={product.reload} />;
  if (!product.data) return <Loading />;
  const item = product.data;
  const mine = user?.id === item.sellerId;

  return (
    <article className="grid gap-8 lg:grid-cols-2">
      <Gallery images={item.images} title={item.title} />
      <div className="flex flex-col gap-5">
        <StatusBanner product={item} hold={myHold.data ?? null} />
        <div>
          <p className="text-sm text-stone-600">{categoryName(item.categoryId)}</p>
          <h1 className="text-3xl font-bold tracking-tight">{item.title}</h1>
        </div>
        <dl className="flex flex-col gap-2 rounded-xl border border-stone-200 bg-white p-4 text-sm">
          <div className="flex items-baseline justify-between">
            <dt className="text-stone-700">{t('product.price')}</dt>
            <dd className="text-2xl font-bold text-blue-900" data-testid="product-price">{money(item.price)}</dd>
          </div>
          <div className="flex items-center justify-between">
            <dt className="flex items-center gap-1 text-stone-700"><Truck aria-hidden className="size-4" />{t('product.shipping')}</dt>
            <dd>{item.shipping > 0 ? money(item.shipping) : t('product.freeShipping')}</dd>
          </div>
          <div className="flex items-center justify-between border-t border-stone-200 pt-2 font-semibold">
            <dt>{t('product.total')}</dt>
            <dd>{money(addEuros(item.price, item.shipping))}</dd>
          </div>
        </dl>
        {mine ? (
          <Link to={`/seller/listings/${encodeURIComponent(item.id)}/edit`} className={`inline-flex items-center gap-2 self-start rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-semibold ${focusRing}`}>
            <Pencil aria-hidden className="size-4" /> {t('product.edit')}
          </Link>
        ) : item.status === 'available' && <BuyButton product={item} onRefused={product.reload} />}
        <section aria-labelledby="seller-title" className="flex flex-col gap-1 text-sm">
          <h2 id="seller-title" className="sr-only">{t('product.seller')}</h2>
          <p className="flex items-center gap-2"><Store aria-hidden className="size-4" />{t('product.soldBy', { name: item.sellerName })}</p>
          {item.location && <p className="flex items-center gap-2"><MapPin aria-hidden className="size-4" />{item.location}</p>}
        </section>
        <section aria-labelledby="description-title">
          <h2 id="description-title" className="mb-1 font-semibold">{t('product.description')}</h2>
          <p className="whitespace-pre-line text-stone-800">{item.description}</p>
        </section>
        <PriceChart history={item.priceHistory} />
      </div>
    </article>
  );
}

function StatusBanner({ product, hold }: { product: Product; hold: Order | null }) {
  const { t, dateTime } = useI18n();
  if (product.status === 'available') return null;
  const text = product.status === 'reserved'
    ? hold?.expiresAt ? t('product.reservedForYou', { time: dateTime(hold.expiresAt) }) : t('product.reservedBanner')
    : product.status === 'sold' ? t('product.soldBanner')
    : product.rejectionReason ? t('product.rejectedBanner', { reason: product.rejectionReason })
    : t('product.notPublicBanner');
  return (
    <div role="status" data-testid="status-banner" className="flex items-start gap-3 rounded-lg border border-orange-300 bg-orange-50 p-3 text-sm text-orange-950">
      <Clock aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="flex flex-col items-start gap-1">
        <StatusBadge status={product.status} kind="listing" />
        <span>{text}</span>
        {hold && <Link to="/purchases" className="font-semibold underline">{t('product.goToPurchases')}</Link>}
      </div>
    </div>
  );
}
