import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Order } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { useLoad } from '../../lib/useLoad';
import { Button, Dialog, ErrorNotice, Loading, PageTitle } from '../../components/ui';
import { ShipForm } from '../seller/SalesPage';
import { OrderCard } from './OrderCard';

/** One order, where notifications link to: what the buyer or the seller can do with it next. */
export function OrderPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const { t, dateTime } = useI18n();
  const order = useLoad(() => api.order(id), [id]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [shipping, setShipping] = useState(false);

  if (order.error) return <ErrorNotice error={order.error} onRetry={order.reload} />;
  if (!order.data) return <Loading />;
  const current = order.data;
  const buying = current.buyerId === user?.id;
  const selling = current.sellerId === user?.id;

  const act = async (action: (orderId: string) => Promise<Order>) => {
    setBusy(true);
    setError(null);
    try {
      await action(current.id);
      order.reload();
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="max-w-3xl">
      <PageTitle>{t('order.title')}</PageTitle>
      {error !== null && <div className="mb-4"><ErrorNotice error={error} /></div>}
      <OrderCard order={current} payout={selling ? 'mine' : undefined}>
        {buying && current.status === 'pending' && current.expiresAt && (
          <p className="text-sm text-orange-900">{t('purchases.heldUntil', { time: dateTime(current.expiresAt) })}</p>
        )}
        <div className="flex flex-wrap gap-2">
          {buying && current.status === 'pending' && <Button variant="secondary" busy={busy} onClick={() => act(api.cancelOrder)}>{t('purchases.cancel')}</Button>}
          {buying && current.status === 'shipped' && <Button busy={busy} onClick={() => act(api.confirmReceipt)}>{t('purchases.confirmReceipt')}</Button>}
          {selling && current.status === 'paid' && <Button onClick={() => setShipping(true)}>{t('sales.ship')}</Button>}
        </div>
      </OrderCard>
      <Link to={selling ? '/seller/sales' : '/purchases'} className="mt-4 inline-block font-semibold text-blue-800 underline">
        {t(selling ? 'order.backToSales' : 'payment.seePurchases')}
      </Link>
      <Dialog open={shipping} title={t('sales.shipTitle')} onClose={() => setShipping(false)}>
        {shipping && <ShipForm order={current} onDone={() => { setShipping(false); order.reload(); }} onCancel={() => setShipping(false)} />}
      </Dialog>
    </section>
  );
}
