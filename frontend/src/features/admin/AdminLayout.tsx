import { NavLink, Outlet } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { focusRing } from '../../components/ui';
import type { MessageKey } from '../../i18n/fr';

const SECTIONS: { path: string; label: MessageKey }[] = [
  { path: 'seller-requests', label: 'admin.sellerRequests' },
  { path: 'moderation', label: 'admin.moderation' },
  { path: 'users', label: 'admin.users' },
  { path: 'categories', label: 'admin.categories' },
  { path: 'orders', label: 'admin.orders' },
];

export function AdminLayout() {
  const { t } = useI18n();
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">{t('nav.admin')}</h1>
      <nav aria-label={t('admin.sections')} className="mb-6 flex flex-wrap gap-2 border-b border-stone-200 pb-3">
        {SECTIONS.map((section) => (
          <NavLink key={section.path} to={`/admin/${section.path}`}
            className={({ isActive }) => `rounded-md px-3 py-2 text-sm font-medium ${focusRing} ${isActive ? 'bg-blue-800 text-white' : 'text-stone-800 hover:bg-stone-200'}`}>
            {t(section.label)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
