import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Order } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useLoad } from '../../lib/useLoad';
import { fieldError } from '../../lib/errors';
import { Button, Dialog, ErrorNotice, LoadedList, PageTitle, TextField } from '../../components/ui';
import { OrderCard } from '../checkout/OrderCard';

export function SalesPage() {
  const { t } = useI18n();
  const sales = useLoad(() => api.mySales(), []);
  const [shipping, setShipping] = useState<Order | null>(null);

  return (
    <section>
      <PageTitle>{t('nav.sales')}</PageTitle>
      <LoadedList loaded={sales} empty={t('sales.none')}>
        {(items) => (
          <ul className="flex flex-col gap-3">
            {items.map((order) => (
              <li key={order.id}>
                <OrderCard order={order} payout="mine">
                  {order.status === 'paid' && <Button className="self-start" onClick={() => setShipping(order)}>{t('sales.ship')}</Button>}
                </OrderCard>
              </li>
            ))}
          </ul>
        )}
      </LoadedList>
      <Dialog open={shipping !== null} title={t('sales.shipTitle')} onClose={() => setShipping(null)}>
        {shipping && <ShipForm order={shipping} onDone={() => { setShipping(null); sales.reload(); }} onCancel={() => setShipping(null)} />}
      </Dialog>
    </section>
  );
}

export function ShipForm({ order, onDone, onCancel }: { order: Order; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.ship(order.id, carrier.trim(), tracking.trim());
      onDone();
    } catch (reason) {
      setError(reason);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <p className="text-sm text-stone-700">{order.product.title}</p>
      {error !== null && <ErrorNotice error={error} />}
      <TextField label={t('field.carrier')} name="carrier" value={carrier} onChange={(event) => setCarrier(event.target.value)} error={fieldError(error, 'carrier')} autoFocus />
      <TextField label={t('field.trackingNumber')} name="trackingNumber" value={tracking} onChange={(event) => setTracking(event.target.value)} error={fieldError(error, 'trackingNumber')} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" busy={busy}>{t('sales.confirmShip')}</Button>
      </div>
    </form>
  );
}
