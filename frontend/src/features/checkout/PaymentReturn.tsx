import { Link, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { useLoad } from '../../lib/useLoad';
import { ErrorNotice, Loading } from '../../components/ui';
import { StatusBadge } from '../../components/StatusBadge';

/** The page the payment provider sends the buyer back to: `/?payment=success|cancel&orderId=…`, showing the order's real status. */
export function PaymentReturn() {
  const [params] = useSearchParams();
  const outcome = params.get('payment');
  const orderId = params.get('orderId');
  const { user, restoring } = useAuth();
  const { t, money } = useI18n();
  const order = useLoad(async () => (orderId && user ? api.order(orderId) : null), [orderId, user?.id]);

  if (!outcome || !orderId) return null;
  if (restoring || (order.loading && !order.data)) return <Loading />;
  if (!user) return <ErrorNotice error={new ApiError(401, '')} />;
  if (order.error) return <ErrorNotice error={order.error} onRetry={order.reload} />;
  if (!order.data) return null;
  const paid = order.data.status !== 'pending' && order.data.status !== 'cancelled' && order.data.status !== 'expired';

  return (
    <section aria-labelledby="payment-title" data-testid="payment-return"
      className={`rounded-xl border p-5 ${paid ? 'border-green-300 bg-green-50' : 'border-amber-300 bg-amber-50'}`}>
      <h2 id="payment-title" className="text-lg font-bold">
        {outcome === 'success' ? t('payment.successTitle') : t('payment.cancelTitle')}
      </h2>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
        <span>{order.data.product.title} — {money(order.data.totalPrice)}</span>
        <StatusBadge status={order.data.status} kind="order" />
      </p>
      <p className="mt-1 text-sm">{t(paid ? 'payment.paidText' : order.data.status === 'pending' ? 'payment.pendingText' : 'payment.notPaidText')}</p>
      <div className="mt-3 flex gap-4 text-sm font-semibold">
        <Link to="/purchases" className="underline">{t('payment.seePurchases')}</Link>
        {order.data.status === 'pending' && <button type="button" className="underline" onClick={order.reload}>{t('payment.refresh')}</button>}
      </div>
    </section>
  );
}
