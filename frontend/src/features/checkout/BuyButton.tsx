import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { ShoppingBag } from 'lucide-react';
import { api, ApiError } from '../../api/client';
import type { Product } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { Button, ErrorNotice, focusRing } from '../../components/ui';

/** Opens a payment session and leaves for the payment page (Stripe or the development gateway). */
export function BuyButton({ product, onRefused }: { product: Product; onRefused: () => void }) {
  const { user } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (!user) {
    return (
      <Link to={`/login?next=${encodeURIComponent(location.pathname)}`} className={`inline-flex items-center justify-center gap-2 rounded-lg bg-blue-800 px-4 py-3 font-semibold text-white hover:bg-blue-900 ${focusRing}`}>
        {t('product.signInToBuy')}
      </Link>
    );
  }

  const buy = async () => {
    setBusy(true);
    setError(null);
    try {
      const session = await api.checkout(product.id);
      window.location.assign(session.url);
    } catch (reason) {
      setBusy(false);
      setError(reason instanceof ApiError && reason.status === 409 ? new ApiError(409, t('product.noLongerAvailable')) : reason);
      if (reason instanceof ApiError && reason.status === 409) onRefused();
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <Button onClick={buy} busy={busy} className="py-3 text-base">
        <ShoppingBag aria-hidden className="size-5" /> {t('product.buyNow')}
      </Button>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
