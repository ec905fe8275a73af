import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Order } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useLoad } from '../../lib/useLoad';
import { Button, ErrorNotice, LoadedList, PageTitle } from '../../components/ui';
import { OrderCard } from './OrderCard';

export function PurchasesPage() {
  const { t, dateTime } = useI18n();
  const orders = useLoad(() => api.myOrders(), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const act = async (order: Order, action: (id: string) => Promise<Order>) => {
    setBusy(order.id);
    setError(null);
    try {
      await action(order.id);
      orders.reload();
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section>
      <PageTitle>{t('purchases.title')}</PageTitle>
      {error !== null && <div className="mb-4"><ErrorNotice error={error} /></div>}
      <LoadedList loaded={orders} empty={<>{t('purchases.none')} <Link to="/catalog" className="font-semibold text-blue-800 underline">{t('home.browse')}</Link></>}>
        {(items) => (
          <ul className="flex flex-col gap-3">
            {items.map((order) => (
              <li key={order.id}>
                <OrderCard order={order}>
                  {order.status === 'pending' && order.expiresAt && (
                    <p className="text-sm text-orange-900">{t('purchases.heldUntil', { time: dateTime(order.expiresAt) })}</p>
                  )}
                  <div className="flex flex-wrap gap-2">
                    {order.status === 'pending' && (
                      <Button variant="secondary" busy={busy === order.id} onClick={() => act(order, api.cancelOrder)}>{t('purchases.cancel')}</Button>
                    )}
                    {order.status === 'shipped' && (
                      <Button busy={busy === order.id} onClick={() => act(order, api.confirmReceipt)}>{t('purchases.confirmReceipt')}</Button>
                    )}
                  </div>
                </OrderCard>
              </li>
            ))}
          </ul>
        )}
      </LoadedList>
    </section>
  );
}
