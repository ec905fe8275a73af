import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { ListingInput, Product } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useLoad } from '../../lib/useLoad';
import { fieldError } from '../../lib/errors';
import { Button, ErrorNotice, Loading, PageTitle, SelectField, TextArea, TextField } from '../../components/ui';
import { ImageUploader } from './ImageUploader';
import { validateListing, type ListingDraft, type ListingProblems } from './listingValidation';

const EMPTY: ListingDraft = { title: '', description: '', price: '', shipping: '', category: '', images: [], location: '' };

function draftOf(product: Product): ListingDraft {
  return {
    title: product.title,
    description: product.description,
    price: String(product.price),
    shipping: String(product.shipping),
    category: product.categoryId,
    images: product.images,
    location: product.location ?? '',
  };
}

/** Only what changed is sent, so an untouched listing is not sent back to moderation. */
function changesOf(before: Product, after: ListingInput): Partial<ListingInput> {
  const changes: Partial<ListingInput> = {};
  if (after.title !== before.title) changes.title = after.title;
  if (after.description !== before.description) changes.description = after.description;
  if (after.price !== before.price) changes.price = after.price;
  if (after.shipping !== before.shipping) changes.shipping = after.shipping;
  if (after.category !== before.categoryId) changes.category = after.category;
  if (after.images.join('\n') !== before.images.join('\n')) changes.images = after.images;
  if (after.location !== (before.location ?? '')) changes.location = after.location;
  return changes;
}

export function ListingFormPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const categories = useLoad(() => api.categories(), []);
  const existing = useLoad(async () => (id ? api.product(id) : null), [id]);
  const [draft, setDraft] = useState<ListingDraft>(EMPTY);
  const [problems, setProblems] = useState<ListingProblems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (existing.data) setDraft(draftOf(existing.data));
  }, [existing.data]);

  if (existing.error) return <ErrorNotice error={existing.error} onRetry={existing.reload} />;
  if (id && !existing.data) return <Loading />;

  const set = (name: keyof ListingDraft) => (event: { target: { value: string } }) => {
    setDraft({ ...draft, [name]: event.target.value });
    setProblems((current) => ({ ...current, [name]: undefined }));
  };
  const problem = (name: keyof ListingDraft) => (problems[name] ? t(problems[name]!) : fieldError(error, name));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { problems: found, input } = validateListing(draft);
    setProblems(found);
    if (!input) return;
    setBusy(true);
    setError(null);
    try {
      const saved = existing.data ? await api.editProduct(existing.data.id, changesOf(existing.data, input)) : await api.createProduct(input);
      navigate(`/seller/listings?saved=${encodeURIComponent(saved.id)}`);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  const locked = existing.data && (existing.data.status === 'reserved' || existing.data.status === 'sold' || existing.data.status === 'withdrawn');
  return (
    <section className="max-w-3xl">
      <PageTitle>{t(id ? 'listing.editTitle' : 'listing.newTitle')}</PageTitle>
      {existing.data?.status === 'available' && <p className="mb-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-950">{t('listing.backToModeration')}</p>}
      {locked && <p role="alert" className="mb-4 rounded-lg bg-red-50 p-3 text-sm text-red-900">{t('listing.locked')}</p>}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4 rounded-xl border border-stone-200 bg-white p-6">
        {error !== null && <ErrorNotice error={error} />}
        <TextField label={t('field.title')} name="title" value={draft.title} onChange={set('title')} error={problem('title')} maxLength={120} />
        <TextArea label={t('field.description')} name="description" value={draft.description} onChange={set('description')} error={problem('description')} rows={6} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label={t('field.price')} name="price" inputMode="decimal" value={draft.price} onChange={set('price')} error={problem('price')} />
          <TextField label={t('field.shipping')} name="shipping" inputMode="decimal" value={draft.shipping} onChange={set('shipping')} error={problem('shipping')} />
          <SelectField label={t('field.category')} name="category" value={draft.category} onChange={set('category')} error={problem('category')}>
            <option value="">{t('listing.chooseCategory')}</option>
            {categories.data?.map((category) => <option key={category.id} value={category.id}>{category.name}</option>)}
          </SelectField>
        </div>
        <TextField label={t('field.location')} name="location" value={draft.location} onChange={set('location')} error={problem('location')} maxLength={120} />
        <ImageUploader images={draft.images} onChange={(images) => { setDraft((current) => ({ ...current, images })); setProblems((current) => ({ ...current, images: undefined })); }} error={problem('images')} />
        <div className="flex gap-3">
          <Button type="submit" busy={busy} disabled={Boolean(locked)}>{t(id ? 'listing.save' : 'listing.submit')}</Button>
          <Button type="button" variant="secondary" onClick={() => navigate('/seller/listings')}>{t('common.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}
