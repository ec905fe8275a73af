import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { isAdmin, isSeller, useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice, Loading } from './ui';
import { ApiError } from '../api/client';

/** Sends a visitor to the login page and back; shows a 403 message to a signed-in user without the role. */
export function RequireUser({ role, children }: { role?: 'seller' | 'admin'; children: ReactNode }) {
  const { user, restoring } = useAuth();
  const location = useLocation();
  const { t } = useI18n();
  if (restoring) return <Loading />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  const allowed = role === 'admin' ? isAdmin(user) : role === 'seller' ? isSeller(user) : true;
  if (!allowed) return <ErrorNotice error={new ApiError(403, t(role === 'admin' ? 'error.adminOnly' : 'error.sellerOnly'))} />;
  return <>{children}</>;
}
