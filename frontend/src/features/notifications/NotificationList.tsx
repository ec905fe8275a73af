import { Link } from 'react-router-dom';
import type { Notification } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { Button, ErrorNotice, Loading } from '../../components/ui';

export function NotificationList({ items, error, loading, onRead }: {
  items: Notification[];
  error: unknown;
  loading: boolean;
  onRead: (id: string) => void;
}) {
  const { t, dateTime } = useI18n();
  if (loading && items.length === 0) return <Loading />;
  if (error && items.length === 0) return <ErrorNotice error={error} />;
  if (items.length === 0) return <p className="p-3 text-sm text-stone-600">{t('notifications.none')}</p>;
  return (
    <ul className="flex flex-col divide-y divide-stone-100" data-testid="notification-list">
      {items.map((item) => (
        <li key={item.id} className={`flex items-start gap-3 py-2 ${item.read ? '' : 'font-medium'}`}>
          {!item.read && <span aria-hidden className="mt-1.5 size-2 shrink-0 rounded-full bg-blue-700" />}
          <div className="flex-1">
            <p className="text-sm text-stone-900">
              {item.link ? <Link to={item.link} className="underline">{item.title}</Link> : item.title}
            </p>
            <p className="text-xs text-stone-700">{item.body}</p>
            <p className="text-xs text-stone-600">{dateTime(item.createdAt)}</p>
          </div>
          {!item.read && (
            <Button variant="ghost" className="shrink-0 !px-2 !py-1 text-xs" onClick={() => onRead(item.id)} aria-label={t('notifications.markReadOf', { title: item.title })}>
              {t('notifications.markRead')}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
