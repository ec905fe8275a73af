import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Search } from 'lucide-react';
import { api } from '../../api/client';
import type { Role } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { useLoad } from '../../lib/useLoad';
import { Button, ErrorNotice, LoadedList, SelectField, TextField } from '../../components/ui';
import { Pagination } from '../../components/Pagination';
import type { MessageKey } from '../../i18n/fr';
import { useAction } from './useAction';

const ROLES: Role[] = ['BUYER', 'SELLER', 'ADMIN'];
const PAGE_SIZE = 10;

export function UsersPage() {
  const { t } = useI18n();
  const { user: me } = useAuth();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const role = params.get('role') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  const users = useLoad(() => api.admin.users({ q, role, page, pageSize: PAGE_SIZE }), [q, role, page]);
  const action = useAction(users.reload);

  const go = (next: { q?: string; role?: string; page?: number }) => {
    const merged = { q, role, page: 1, ...next };
    const query: Record<string, string> = {};
    if (merged.q) query.q = merged.q;
    if (merged.role) query.role = merged.role;
    if (merged.page > 1) query.page = String(merged.page);
    setParams(query);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ q: search.trim() });
  };

  return (
    <section>
      <h2 className="mb-4 text-xl font-semibold">{t('admin.users')}</h2>
      <form role="search" onSubmit={submit} className="mb-4 grid max-w-3xl gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <TextField label={t('admin.searchUsers')} type="search" name="q" value={search} onChange={(event) => setSearch(event.target.value)} />
        <SelectField label={t('admin.filterRole')} value={role} onChange={(event) => go({ role: event.target.value })}>
          <option value="">{t('admin.allRoles')}</option>
          {ROLES.map((value) => <option key={value} value={value}>{t(`role.${value}` as MessageKey)}</option>)}
        </SelectField>
        <Button type="submit"><Search aria-hidden className="size-4" />{t('catalog.apply')}</Button>
      </form>
      {action.error !== null && <div className="mb-4"><ErrorNotice error={action.error} /></div>}
      <LoadedList loaded={users} empty={t('admin.noUsers')}>
        {(items) => (
          <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('admin.users')}</caption>
              <thead className="bg-stone-100 text-stone-800">
                <tr>
                  <th scope="col" className="p-3">{t('field.name')}</th>
                  <th scope="col" className="p-3">{t('field.email')}</th>
                  <th scope="col" className="p-3">{t('admin.role')}</th>
                  <th scope="col" className="p-3">{t('admin.state')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((user) => (
                  <tr key={user.id} data-testid="user-row" className="border-t border-stone-100">
                    <td className="p-3 font-medium">{user.name}</td>
                    <td className="p-3">{user.email}</td>
                    <td className="p-3">
                      <label className="sr-only" htmlFor={`role-${user.id}`}>{t('admin.roleOf', { name: user.name })}</label>
                      <select id={`role-${user.id}`} value={user.role} disabled={user.id === me?.id || action.busy === user.id}
                        onChange={(event) => action.run(user.id, () => api.admin.setRole(user.id, event.target.value as Role))}
                        className="rounded-md border border-stone-400 bg-white px-2 py-1">
                        {ROLES.map((value) => <option key={value} value={value}>{t(`role.${value}` as MessageKey)}</option>)}
                      </select>
                    </td>
                    <td className="p-3">
                      <Button variant={user.active ? 'secondary' : 'primary'} disabled={user.id === me?.id} busy={action.busy === user.id}
                        aria-label={t(user.active ? 'admin.deactivateUser' : 'admin.activateUser', { name: user.name })}
                        onClick={() => action.run(user.id, () => api.admin.setActive(user.id, !user.active))}>
                        {t(user.active ? 'admin.deactivate' : 'admin.activate')}
                      </Button>
                      <span className={`ml-2 text-xs font-semibold ${user.active ? 'text-green-800' : 'text-amber-800'}`}>
                        {t(user.active ? 'admin.active' : 'admin.inactive')}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadedList>
      {users.data && <p className="mt-3 text-sm text-stone-700">{t('admin.userCount', { count: users.data.total })}</p>}
      {users.data && <Pagination page={page} pageSize={PAGE_SIZE} total={users.data.total} onPage={(next) => go({ page: next })} />}
    </section>
  );
}
