import { describe, expect, it } from 'vitest';
import type { Notification } from '../../api/types';
import { translate, type Language } from '../../i18n/translate';
import { wordNotification } from './wording';

const paid: Notification = {
  id: 'event-1',
  type: 'order.paid',
  title: 'Payment received',
  body: 'Your payment of 104.50 € for “Signed tour poster” went through; the seller will ship it.',
  link: '/orders/order-1',
  createdAt: '2026-11-25T10:00:00Z',
  read: false,
  audience: 'buyer',
  productTitle: 'Signed tour poster',
  totalPrice: 104.5,
};

const euros = (locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format;

const inLanguage = (language: Language, notification: Notification) =>
  wordNotification(notification, (key, values) => translate(language, key, values), euros(language === 'fr' ? 'fr-FR' : 'en-GB'));

describe('notification wording', () => {
  it('words a known kind in French, with the item and the total as the shop formats prices', () => {
    expect(inLanguage('fr', paid)).toEqual({
      title: 'Paiement reçu',
      body: `Votre paiement de ${euros('fr-FR')(104.5)} pour « Signed tour poster » est accepté ; le vendeur va l’expédier.`,
    });
  });

  it('words the same kind in English', () => {
    expect(inLanguage('en', paid)).toEqual({
      title: 'Payment received',
      body: 'Your payment of €104.50 for “Signed tour poster” went through; the seller will ship it.',
    });
  });

  it('words the seller’s side of the same event differently', () => {
    expect(inLanguage('fr', { ...paid, audience: 'seller' }).title).toBe('Payé : expédiez-le');
  });

  it('falls back to the server’s wording for an unknown type or a notification without an audience', () => {
    const server = { title: paid.title, body: paid.body };
    expect(inLanguage('fr', { ...paid, type: 'order.lost' })).toEqual(server);
    expect(inLanguage('fr', { ...paid, audience: null, productTitle: null, totalPrice: null })).toEqual(server);
    expect(inLanguage('fr', { ...paid, type: 'order.shipped', audience: 'seller' })).toEqual(server);
  });
});
