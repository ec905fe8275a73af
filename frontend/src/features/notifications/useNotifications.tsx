import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import type { Notification } from '../../api/types';

const POLL_MS = 20_000;

interface Inbox {
  items: Notification[];
  error: unknown;
  loading: boolean;
  unread: number;
  refresh: () => Promise<void>;
  markRead: (id: string) => Promise<void>;
}

const InboxContext = createContext<Inbox | null>(null);

/** One inbox for the bell and the notifications page, refreshed every 20 s and on demand. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<Notification[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      setItems(await api.notifications());
      setError(null);
    } catch (reason) {
      setError(reason);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const markRead = useCallback(async (id: string) => {
    try {
      await api.markRead(id);
      setItems((current) => current.map((item) => (item.id === id ? { ...item, read: true } : item)));
    } catch (reason) {
      setError(reason);
    }
  }, []);

  const value = useMemo(
    () => ({ items, error, loading, refresh, markRead, unread: items.filter((item) => !item.read).length }),
    [items, error, loading, refresh, markRead],
  );
  return <InboxContext.Provider value={value}>{children}</InboxContext.Provider>;
}

export function useNotifications(): Inbox {
  const context = useContext(InboxContext);
  if (!context) throw new Error('useNotifications outside NotificationsProvider');
  return context;
}
