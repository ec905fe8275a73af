import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { Gem, LogOut, User as UserIcon } from 'lucide-react';
import { isAdmin, isSeller, useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { LANGUAGES } from '../i18n/translate';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { NotificationsProvider } from '../features/notifications/useNotifications';
import { focusRing } from './ui';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-2 text-sm font-medium ${focusRing} ${isActive ? 'bg-blue-900 text-white' : 'text-blue-50 hover:bg-blue-700'}`;

export function Layout() {
  const { user } = useAuth();
  return user ? <NotificationsProvider key={user.id}><Frame /></NotificationsProvider> : <Frame />;
}

function Frame() {
  const { user, signOut } = useAuth();
  const { t, language, setLanguage } = useI18n();
  const navigate = useNavigate();

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        {t('nav.skip')}
      </a>
      <header className="bg-blue-800 text-white shadow">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-2 px-4 py-3">
          <Link to="/" className={`mr-4 flex items-center gap-2 text-lg font-bold ${focusRing}`}>
            <Gem aria-hidden className="size-6 text-amber-300" /> Collector Shop
          </Link>
          <nav aria-label={t('nav.main')} className="order-last -mx-1 flex w-full items-center gap-1 overflow-x-auto whitespace-nowrap px-1 md:order-none md:mx-0 md:w-auto md:flex-1 md:px-0">
            <NavLink to="/catalog" className={navClass}>{t('nav.catalog')}</NavLink>
            {user && <NavLink to="/purchases" className={navClass}>{t('nav.purchases')}</NavLink>}
            {user && isSeller(user) && <NavLink to="/seller/listings" className={navClass}>{t('nav.listings')}</NavLink>}
            {user && isSeller(user) && <NavLink to="/seller/sales" className={navClass}>{t('nav.sales')}</NavLink>}
            {user && !isSeller(user) && <NavLink to="/become-seller" className={navClass}>{t('nav.becomeSeller')}</NavLink>}
            {user && isAdmin(user) && <NavLink to="/admin" className={navClass}>{t('nav.admin')}</NavLink>}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <div role="group" aria-label={t('nav.language')} className="flex overflow-hidden rounded-md border border-blue-400">
              {LANGUAGES.map((code) => (
                <button
                  key={code}
                  type="button"
                  lang={code}
                  aria-pressed={language === code}
                  onClick={() => setLanguage(code)}
                  className={`px-2 py-1 text-xs font-bold uppercase ${focusRing} ${language === code ? 'bg-white text-blue-900' : 'text-white hover:bg-blue-700'}`}
                >
                  {code}
                </button>
              ))}
            </div>
            {user ? (
              <>
                <NotificationBell />
                <span className="hidden items-center gap-1 text-sm sm:flex"><UserIcon aria-hidden className="size-4" />{user.name}</span>
                <button
                  type="button"
                  onClick={() => { signOut(); navigate('/'); }}
                  className={`flex items-center gap-1 rounded-md px-3 py-2 text-sm hover:bg-blue-700 ${focusRing}`}
                >
                  <LogOut aria-hidden className="size-4" /> {t('nav.logout')}
                </button>
              </>
            ) : (
              <>
                <NavLink to="/login" className={navClass}>{t('nav.login')}</NavLink>
                <Link to="/register" className={`rounded-md bg-amber-400 px-3 py-2 text-sm font-semibold text-stone-900 hover:bg-amber-300 ${focusRing}`}>
                  {t('nav.register')}
                </Link>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        <Outlet />
      </main>
      <footer className="border-t border-stone-200 bg-white py-6 text-center text-sm text-stone-600">
        {t('footer.text')}
      </footer>
    </div>
  );
}
