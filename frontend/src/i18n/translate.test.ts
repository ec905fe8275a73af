import { describe, expect, it } from 'vitest';
import { fr, type MessageKey } from './fr';
import { en } from './en';
import { translate, translateWith } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('translation', () => {
  it('speaks French by default and English when asked', () => {
    expect(translate('fr', 'nav.purchases')).toBe('Mes achats');
    expect(translate('en', 'nav.purchases')).toBe('My purchases');
  });

  it('falls back to French for a key the English dictionary lacks', () => {
    const partialEnglish = { 'nav.catalog': 'Catalog' };
    expect(translateWith(partialEnglish, 'nav.catalog')).toBe('Catalog');
    expect(translateWith(partialEnglish, 'nav.purchases')).toBe('Mes achats');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'pagination.position', { page: 2, pages: 5 })).toBe('Page 2 of 5');
    expect(translate('fr', 'pagination.position', { page: 2 })).toBe('Page 2 sur {pages}');
  });

  it('translates every French message into English with the same placeholders', () => {
    const keys = Object.keys(fr) as MessageKey[];
    expect(keys.filter((key) => en[key] === undefined)).toEqual([]);
    for (const key of keys) expect([key, placeholders(en[key]!)]).toEqual([key, placeholders(fr[key])]);
  });
});
