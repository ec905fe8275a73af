import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Category } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useLoad } from '../../lib/useLoad';
import { fieldError } from '../../lib/errors';
import { Button, Dialog, ErrorNotice, LoadedList, TextField } from '../../components/ui';
import { useAction } from './useAction';

export function CategoriesPage() {
  const { t } = useI18n();
  const categories = useLoad(() => api.categories(), []);
  const action = useAction(categories.reload);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<Category | null>(null);
  const [newName, setNewName] = useState('');
  const [deleting, setDeleting] = useState<Category | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run('create', () => api.admin.createCategory(name.trim()))) setName('');
  };
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (renaming && await action.run(renaming.id, () => api.admin.renameCategory(renaming.id, newName.trim()))) setRenaming(null);
  };

  return (
    <section className="max-w-2xl">
      <h2 className="mb-4 text-xl font-semibold">{t('admin.categories')}</h2>
      <form onSubmit={create} className="mb-4 flex items-end gap-3">
        <div className="flex-1">
          <TextField label={t('admin.newCategory')} value={name} onChange={(event) => setName(event.target.value)} maxLength={60} required
            error={action.busy === null && !renaming ? fieldError(action.error, 'name') : undefined} />
        </div>
        <Button type="submit" busy={action.busy === 'create'} disabled={!name.trim()}>{t('admin.create')}</Button>
      </form>
      {action.error !== null && !renaming && !deleting && <div className="mb-4"><ErrorNotice error={action.error} /></div>}
      <LoadedList loaded={categories} empty={t('admin.noCategories')}>
        {(items) => (
          <ul className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white">
            {items.map((category) => (
              <li key={category.id} className="flex flex-wrap items-center gap-3 p-3">
                <span className="flex-1 font-medium">{category.name} <span className="text-sm font-normal text-stone-600">({category.id} · {t('admin.listingCount', { count: category.productCount })})</span></span>
                <Button variant="secondary" onClick={() => { action.clear(); setNewName(category.name); setRenaming(category); }}>{t('admin.rename')}</Button>
                <Button variant="danger" onClick={() => { action.clear(); setDeleting(category); }}>{t('admin.delete')}</Button>
              </li>
            ))}
          </ul>
        )}
      </LoadedList>
      <Dialog open={renaming !== null} title={t('admin.renameTitle', { name: renaming?.name ?? '' })} onClose={() => setRenaming(null)}>
        <form onSubmit={rename} className="flex flex-col gap-3">
          {action.error !== null && <ErrorNotice error={action.error} />}
          <TextField label={t('admin.categoryName')} value={newName} onChange={(event) => setNewName(event.target.value)} maxLength={60} autoFocus />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setRenaming(null)}>{t('common.cancel')}</Button>
            <Button type="submit" busy={action.busy === renaming?.id}>{t('common.save')}</Button>
          </div>
        </form>
      </Dialog>
      <Dialog open={deleting !== null} title={t('admin.deleteTitle', { name: deleting?.name ?? '' })} onClose={() => setDeleting(null)}>
        {action.error !== null && <ErrorNotice error={action.error} />}
        <p>{t('admin.deleteConfirm')}</p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setDeleting(null)}>{t('common.cancel')}</Button>
          <Button variant="danger" busy={action.busy === deleting?.id}
            onClick={async () => { if (deleting && await action.run(deleting.id, () => api.admin.deleteCategory(deleting.id))) setDeleting(null); }}>
            {t('admin.delete')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
