import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Notification } from '../../api/types';

const POLL_MS = 20_000;

/** The signed-in user's notifications, refreshed every 20 s and on demand. */
export function useNotifications() {
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
    await api.markRead(id);
    setItems((current) => current.map((item) => (item.id === id ? { ...item, read: true } : item)));
  }, []);

  return { items, error, loading, refresh, markRead, unread: items.filter((item) => !item.read).length };
}
