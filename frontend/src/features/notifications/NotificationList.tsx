import { Link } from 'react-router-dom';
import type { Notification } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { Button, ErrorNotice, Loading } from '../../components/ui';
import { wordNotification } from './wording';

export function NotificationList({ items, error, loading, onRead }: {
  items: Notification[];
  error: unknown;
  loading: boolean;
  onRead: (id: string) => void;
}) {
  const { t } = useI18n();
  if (loading && items.length === 0) return <Loading />;
  if (error && items.length === 0) return <ErrorNotice error={error} />;
  if (items.length === 0) return <p className="p-3 text-sm text-stone-600">{t('notifications.none')}</p>;
  return (
    <ul className="flex flex-col divide-y divide-stone-100" data-testid="notification-list">
      {items.map((item) => <NotificationItem key={item.id} item={item} onRead={onRead} />)}
    </ul>
  );
}

function NotificationItem({ item, onRead }: { item: Notification; onRead: (id: string) => void }) {
  const { t, money, dateTime } = useI18n();
  const { title, body } = wordNotification(item, t, money);
  return (
    <li className={`flex items-start gap-3 py-2 ${item.read ? '' : 'font-medium'}`}>
      {!item.read && <span aria-hidden className="mt-1.5 size-2 shrink-0 rounded-full bg-blue-700" />}
      <div className="flex-1">
        <p className="text-sm text-stone-900">
          {item.link ? <Link to={item.link} className="underline">{title}</Link> : title}
        </p>
        <p className="text-xs text-stone-700">{body}</p>
        <p className="text-xs text-stone-600">{dateTime(item.createdAt)}</p>
      </div>
      {!item.read && (
        <Button variant="ghost" className="shrink-0 !px-2 !py-1 text-xs" onClick={() => onRead(item.id)} aria-label={t('notifications.markReadOf', { title })}>
          {t('notifications.markRead')}
        </Button>
      )}
    </li>
  );
}
