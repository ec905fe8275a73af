import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/fr';
import { describeError, fieldError } from './errors';

const t = (key: MessageKey, values?: Record<string, string | number>) => translate('fr', key, values);

describe('error messages', () => {
  it('tells a person what 401, 403 and 429 mean', () => {
    expect(describeError(new ApiError(401, 'Sign in to do this.'), t)).toBe('Votre session a expiré : veuillez vous reconnecter.');
    expect(describeError(new ApiError(403, 'Your account awaits validation.'), t)).toBe('Accès refusé. Your account awaits validation.');
    expect(describeError(new ApiError(429, 'Too many attempts.', {}, 600), t)).toBe('Trop de tentatives. Réessayez dans 10 min.');
    expect(describeError(new ApiError(429, 'Too many attempts.'), t)).toBe('Trop de tentatives. Patientez un moment avant de réessayer.');
  });

  it('keeps the server’s reason for a 400 and hides server failures behind a plain sentence', () => {
    expect(describeError(new ApiError(400, 'Email already used.'), t)).toBe('Email already used.');
    expect(describeError(new ApiError(500, 'NullReferenceException'), t)).toBe('Le serveur a rencontré un problème. Réessayez dans un instant.');
    expect(describeError(new TypeError('x'), t)).toBe('Une erreur inattendue est survenue.');
  });

  it('finds a field error whatever the case of its name', () => {
    const error = new ApiError(400, 'Invalid.', { Title: ['Too short.'] });
    expect(fieldError(error, 'title')).toBe('Too short.');
    expect(fieldError(error, 'price')).toBeUndefined();
  });
});
