import { ApiError } from '../api/client';
import type { MessageKey } from '../i18n/fr';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A sentence for the person: the server's own message where it says what went wrong, a clear default otherwise. */
export function describeError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  switch (error.status) {
    case 0:
      return t('error.network');
    case 401:
      return t('error.unauthorized');
    case 403:
      return error.message ? `${t('error.forbidden')} ${error.message}` : t('error.forbidden');
    case 404:
      return t('error.notFound');
    case 409:
      return error.message ? `${t('error.conflict')} (${error.message})` : t('error.conflict');
    case 413:
      return t('error.tooLarge');
    case 429:
      return error.retryAfterSeconds
        ? t('error.rateLimitedFor', { minutes: Math.ceil(error.retryAfterSeconds / 60) })
        : t('error.rateLimited');
    default:
      return error.status >= 500 ? t('error.server') : error.message;
  }
}

export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const entry = Object.entries(error.fieldErrors).find(([name]) => name.toLowerCase() === field.toLowerCase());
  return entry?.[1]?.[0];
}
