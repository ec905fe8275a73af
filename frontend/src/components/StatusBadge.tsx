import type { ListingStatus, OrderStatus, SellerRequestStatus } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/fr';

type Status = ListingStatus | OrderStatus | SellerRequestStatus;

const tones: Record<Status, string> = {
  pending: 'bg-amber-100 text-amber-900',
  available: 'bg-green-100 text-green-900',
  reserved: 'bg-orange-100 text-orange-900',
  sold: 'bg-stone-200 text-stone-800',
  rejected: 'bg-red-100 text-red-900',
  withdrawn: 'bg-stone-200 text-stone-800',
  paid: 'bg-blue-100 text-blue-900',
  shipped: 'bg-indigo-100 text-indigo-900',
  completed: 'bg-green-100 text-green-900',
  cancelled: 'bg-stone-200 text-stone-800',
  expired: 'bg-stone-200 text-stone-800',
  refunded: 'bg-purple-100 text-purple-900',
  approved: 'bg-green-100 text-green-900',
};

export function StatusBadge({ status, kind }: { status: Status; kind: 'listing' | 'order' | 'request' }) {
  const { t } = useI18n();
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${tones[status]}`}>
      {t(`status.${kind}.${status}` as MessageKey)}
    </span>
  );
}
