import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Plus } from 'lucide-react';
import { api } from '../../api/client';
import type { Product } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useLoad } from '../../lib/useLoad';
import { Button, Dialog, ErrorNotice, focusRing, LoadedList, PageTitle, SuccessNotice } from '../../components/ui';
import { StatusBadge } from '../../components/StatusBadge';
import { Pagination } from '../../components/Pagination';

const PAGE_SIZE = 20;
const EDITABLE = ['pending', 'available', 'rejected'];

export function MyListingsPage() {
  const { t, money, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const listings = useLoad(() => api.products({ sellerId: 'me', page, pageSize: PAGE_SIZE }), [page]);
  const [withdrawing, setWithdrawing] = useState<Product | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const withdraw = async () => {
    if (!withdrawing) return;
    setBusy(true);
    setError(null);
    try {
      await api.withdrawProduct(withdrawing.id);
      listings.reload();
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
      setWithdrawing(null);
    }
  };

  return (
    <section>
      <PageTitle action={
        <Link to="/seller/listings/new" className={`inline-flex items-center gap-2 rounded-lg bg-blue-800 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-900 ${focusRing}`}>
          <Plus aria-hidden className="size-4" /> {t('listing.new')}
        </Link>
      }>{t('nav.listings')}</PageTitle>
      {params.get('saved') && <div className="mb-4"><SuccessNotice>{t('listing.saved')}</SuccessNotice></div>}
      {error !== null && <div className="mb-4"><ErrorNotice error={error} /></div>}
      <LoadedList loaded={listings} empty={t('listing.none')}>
        {(items) => (
          <ul className="flex flex-col gap-3">
            {items.map((product) => (
              <li key={product.id} data-testid="my-listing" className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:flex-row sm:items-center">
                <img src={product.image} alt={product.title} className="size-20 shrink-0 rounded-lg object-cover" />
                <div className="flex flex-1 flex-col gap-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link to={`/products/${encodeURIComponent(product.id)}`} className="font-semibold hover:underline">{product.title}</Link>
                    <StatusBadge status={product.status} kind="listing" />
                  </div>
                  <p className="text-sm text-stone-700">{money(product.price)} · {t('listing.updated', { date: date(product.updatedAt) })}</p>
                  {product.status === 'rejected' && (
                    <p className="text-sm text-red-800">{t('listing.rejectedBecause', { reason: product.rejectionReason ?? t('listing.noReason') })}</p>
                  )}
                </div>
                {EDITABLE.includes(product.status) && (
                  <div className="flex gap-2">
                    <Link to={`/seller/listings/${encodeURIComponent(product.id)}/edit`} className={`rounded-lg border border-stone-300 px-3 py-2 text-sm font-semibold hover:bg-stone-100 ${focusRing}`}>
                      {t('listing.edit')}
                    </Link>
                    <Button variant="secondary" onClick={() => setWithdrawing(product)}>{t('listing.withdraw')}</Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </LoadedList>
      {listings.data && <Pagination page={page} pageSize={PAGE_SIZE} total={listings.data.total} onPage={(next) => setParams({ page: String(next) })} />}
      <Dialog open={withdrawing !== null} title={t('listing.withdrawTitle')} onClose={() => setWithdrawing(null)}>
        <p>{t('listing.withdrawConfirm', { title: withdrawing?.title ?? '' })}</p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setWithdrawing(null)}>{t('common.cancel')}</Button>
          <Button variant="danger" busy={busy} onClick={withdraw}>{t('listing.withdraw')}</Button>
        </div>
      </Dialog>
    </section>
  );
}
