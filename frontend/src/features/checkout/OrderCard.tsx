import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Order } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { StatusBadge } from '../../components/StatusBadge';

/** One order as a card: the item as bought, the amounts, the status and the shipping details. */
/** `payout` adds the seller's share: "mine" for the seller reading it, "seller" for an admin. */
export function OrderCard({ order, children, payout }: { order: Order; children?: ReactNode; payout?: 'mine' | 'seller' }) {
  const { t, money, dateTime } = useI18n();
  return (
    <article data-testid="order-card" data-order-id={order.id} className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:flex-row">
      {order.product.image && <img src={order.product.image} alt={order.product.title} className="size-24 shrink-0 rounded-lg object-cover" />}
      <div className="flex flex-1 flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="font-semibold">
            <Link to={`/products/${encodeURIComponent(order.productId)}`} className="underline-offset-2 hover:underline">{order.product.title}</Link>
          </h2>
          <StatusBadge status={order.status} kind="order" />
        </div>
        <p className="text-sm text-stone-700">
          {t('order.summary', { total: money(order.totalPrice), date: dateTime(order.createdAt) })}
          {payout && <> · {t(payout === 'mine' ? 'order.payout' : 'order.sellerPayout', { payout: money(order.sellerPayout), commission: money(order.commission) })}</>}
        </p>
        {order.status === 'shipped' || order.status === 'completed' ? (
          <p className="text-sm text-stone-700">
            {t('order.shippedWith', { carrier: order.carrier ?? '—', tracking: order.trackingNumber ?? '—' })}
          </p>
        ) : null}
        {children}
      </div>
    </article>
  );
}
