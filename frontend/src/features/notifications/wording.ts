import type { Notification } from '../../api/types';
import { fr, type MessageKey } from '../../i18n/fr';

export interface Wording {
  title: string;
  body: string;
}

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}

/**
 * The notification in the reader's language, from the template for its type and audience;
 * the server's English title and body when there is no template or the notification predates the facts it needs.
 */
export function wordNotification(notification: Notification, t: Translate, money: (amount: number) => string): Wording {
  const { type, audience, productTitle, totalPrice } = notification;
  const title = `notifications.${type}.${audience}.title`;
  const body = `notifications.${type}.${audience}.body`;
  if (!audience || productTitle == null || totalPrice == null || !isMessageKey(title) || !isMessageKey(body)) {
    return { title: notification.title, body: notification.body };
  }
  const values = { item: productTitle, total: money(totalPrice) };
  return { title: t(title, values), body: t(body, values) };
}
