import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Bell } from 'lucide-react';
import { useI18n } from '../../i18n/I18nProvider';
import { focusRing } from '../../components/ui';
import { useNotifications } from './useNotifications';
import { NotificationList } from './NotificationList';

/** A menu button: Escape or a click outside closes it and gives focus back to the bell. */
export function NotificationBell() {
  const { t } = useI18n();
  const { items, unread, error, loading, markRead, refresh } = useNotifications();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();

  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    refresh();
    panel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open, refresh]);

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('notifications.bell', { count: unread })}
        onClick={() => setOpen((value) => !value)}
        className={`relative rounded-md p-2 hover:bg-blue-700 ${focusRing}`}
      >
        <Bell aria-hidden className="size-5" />
        {unread > 0 && (
          <span data-testid="unread-count" className="absolute -right-1 -top-1 min-w-5 rounded-full bg-amber-400 px-1 text-center text-xs font-bold text-stone-900">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          tabIndex={-1}
          role="region"
          aria-label={t('notifications.title')}
          className="absolute right-0 z-40 mt-2 w-96 max-w-[90vw] rounded-xl border border-stone-200 bg-white p-3 text-stone-900 shadow-xl focus:outline-none"
        >
          <NotificationList items={items.slice(0, 6)} error={error} loading={loading} onRead={markRead} />
          <Link to="/notifications" onClick={() => setOpen(false)} className={`mt-2 block text-center text-sm font-semibold text-blue-800 underline ${focusRing}`}>
            {t('notifications.all')}
          </Link>
        </div>
      )}
    </div>
  );
}
