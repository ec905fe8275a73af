import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Product } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useLoad } from '../../lib/useLoad';
import { Button, Dialog, ErrorNotice, LoadedList, SelectField, TextArea } from '../../components/ui';
import { StatusBadge } from '../../components/StatusBadge';
import { Pagination } from '../../components/Pagination';
import type { MessageKey } from '../../i18n/fr';
import { useAction } from './useAction';
import { useCategoryNames } from '../catalog/useCategoryNames';

const STATUSES = ['pending', 'available', 'reserved', 'sold', 'rejected', 'withdrawn'] as const;
const PAGE_SIZE = 20;

export function ModerationPage() {
  const { t, money, dateTime } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'pending';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const listings = useLoad(() => api.admin.products({ status, page, pageSize: PAGE_SIZE }), [status, page]);
  const action = useAction(listings.reload);
  const categoryName = useCategoryNames();
  const [viewing, setViewing] = useState<Product | null>(null);
  const [rejecting, setRejecting] = useState<Product | null>(null);
  const [reason, setReason] = useState('');

  const approve = (product: Product) => action.run(product.id, () => api.admin.approveProduct(product.id)).then((done) => done && setViewing(null));

  return (
    <section>
      <h2 className="mb-4 text-xl font-semibold">{t('admin.moderation')}</h2>
      <div className="mb-4 max-w-xs">
        <SelectField label={t('admin.filterStatus')} value={status} onChange={(event) => setParams({ status: event.target.value })}>
          {STATUSES.map((value) => <option key={value} value={value}>{t(`status.listing.${value}` as MessageKey)}</option>)}
        </SelectField>
      </div>
      {action.error !== null && <div className="mb-4"><ErrorNotice error={action.error} /></div>}
      <LoadedList loaded={listings} empty={t('admin.queueEmpty')}>
        {(items) => (
          <ul className="flex flex-col gap-3">
            {items.map((product) => (
              <li key={product.id} data-testid="moderation-item" className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:flex-row sm:items-center">
                <img src={product.image} alt={product.title} className="size-20 shrink-0 rounded-lg object-cover" />
                <div className="flex flex-1 flex-col gap-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold">{product.title}</span>
                    <StatusBadge status={product.status} kind="listing" />
                  </div>
                  <p className="text-sm text-stone-700">{money(product.price)} · {product.sellerName} · {dateTime(product.updatedAt)}</p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <Button variant="secondary" onClick={() => setViewing(product)}>{t('admin.details')}</Button>
                  {product.status === 'pending' && (
                    <>
                      <Button busy={action.busy === product.id} onClick={() => approve(product)}>{t('admin.approve')}</Button>
                      <Button variant="secondary" onClick={() => { setReason(''); setRejecting(product); }}>{t('admin.reject')}</Button>
                    </>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </LoadedList>
      {listings.data && <Pagination page={page} pageSize={PAGE_SIZE} total={listings.data.total} onPage={(next) => setParams({ status, page: String(next) })} />}

      <Dialog open={viewing !== null} title={viewing?.title ?? ''} onClose={() => setViewing(null)}>
        {viewing && (
          <>
            <ul className="flex flex-wrap gap-2">
              {viewing.images.map((image, index) => (
                <li key={image}><img src={image} alt={t('product.photoOf', { title: viewing.title, number: index + 1, count: viewing.images.length })} className="size-24 rounded-lg object-cover" /></li>
              ))}
            </ul>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-stone-700">{t('field.price')}</dt><dd>{money(viewing.price)}</dd>
              <dt className="text-stone-700">{t('field.shipping')}</dt><dd>{money(viewing.shipping)}</dd>
              <dt className="text-stone-700">{t('field.category')}</dt><dd>{categoryName(viewing.categoryId)}</dd>
              <dt className="text-stone-700">{t('product.seller')}</dt><dd>{viewing.sellerName}</dd>
              {viewing.location && <><dt className="text-stone-700">{t('field.location')}</dt><dd>{viewing.location}</dd></>}
            </dl>
            <p className="max-h-48 overflow-auto whitespace-pre-line text-sm text-stone-800">{viewing.description}</p>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setViewing(null)}>{t('common.close')}</Button>
              {viewing.status === 'pending' && <Button busy={action.busy === viewing.id} onClick={() => approve(viewing)}>{t('admin.approve')}</Button>}
            </div>
          </>
        )}
      </Dialog>

      <Dialog open={rejecting !== null} title={t('admin.rejectListingTitle', { title: rejecting?.title ?? '' })} onClose={() => setRejecting(null)}>
        {action.error !== null && <ErrorNotice error={action.error} />}
        <TextArea label={t('admin.rejectReason')} value={reason} onChange={(event) => setReason(event.target.value)} maxLength={1000} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setRejecting(null)}>{t('common.cancel')}</Button>
          <Button variant="danger" busy={action.busy === rejecting?.id}
            onClick={async () => { if (rejecting && await action.run(rejecting.id, () => api.admin.rejectProduct(rejecting.id, reason.trim()))) setRejecting(null); }}>
            {t('admin.reject')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
