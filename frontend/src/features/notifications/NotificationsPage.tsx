import { useI18n } from '../../i18n/I18nProvider';
import { PageTitle } from '../../components/ui';
import { useNotifications } from './useNotifications';
import { NotificationList } from './NotificationList';

export function NotificationsPage() {
  const { t } = useI18n();
  const { items, error, loading, markRead } = useNotifications();
  return (
    <section className="max-w-2xl">
      <PageTitle>{t('notifications.title')}</PageTitle>
      <div className="rounded-xl border border-stone-200 bg-white p-4">
        <NotificationList items={items} error={error} loading={loading} onRead={markRead} />
      </div>
    </section>
  );
}
