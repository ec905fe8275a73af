import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Order } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useLoad } from '../../lib/useLoad';
import { Button, Dialog, ErrorNotice, LoadedList, SelectField } from '../../components/ui';
import { OrderCard } from '../checkout/OrderCard';
import type { MessageKey } from '../../i18n/fr';
import { useAction } from './useAction';

const STATUSES = ['pending', 'paid', 'shipped', 'completed', 'cancelled', 'expired', 'refunded'] as const;

export function OrdersPage() {
  const { t, money } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const orders = useLoad(() => api.admin.orders(status), [status]);
  const action = useAction(orders.reload);
  const [refunding, setRefunding] = useState<Order | null>(null);

  return (
    <section>
      <h2 className="mb-4 text-xl font-semibold">{t('admin.orders')}</h2>
      <div className="mb-4 max-w-xs">
        <SelectField label={t('admin.filterStatus')} value={status} onChange={(event) => setParams(event.target.value ? { status: event.target.value } : {})}>
          <option value="">{t('admin.allStatuses')}</option>
          {STATUSES.map((value) => <option key={value} value={value}>{t(`status.order.${value}` as MessageKey)}</option>)}
        </SelectField>
      </div>
      {action.error !== null && !refunding && <div className="mb-4"><ErrorNotice error={action.error} /></div>}
      <LoadedList loaded={orders} empty={t('admin.noOrders')}>
        {(items) => (
          <ul className="flex flex-col gap-3">
            {items.map((order) => (
              <li key={order.id}>
                <OrderCard order={order} payout="seller">
                  {(order.status === 'paid' || order.status === 'shipped') && (
                    <Button variant="danger" className="self-start" onClick={() => { action.clear(); setRefunding(order); }}>{t('admin.refund')}</Button>
                  )}
                </OrderCard>
              </li>
            ))}
          </ul>
        )}
      </LoadedList>
      <Dialog open={refunding !== null} title={t('admin.refundTitle')} onClose={() => setRefunding(null)}>
        {action.error !== null && <ErrorNotice error={action.error} />}
        <p>{t('admin.refundConfirm', { title: refunding?.product.title ?? '', total: money(refunding?.totalPrice ?? 0) })}</p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setRefunding(null)}>{t('common.cancel')}</Button>
          <Button variant="danger" busy={action.busy === refunding?.id}
            onClick={async () => { if (refunding && await action.run(refunding.id, () => api.admin.refund(refunding.id))) setRefunding(null); }}>
            {t('admin.refund')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
