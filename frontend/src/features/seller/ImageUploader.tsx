import { useId, useState, type ChangeEvent } from 'react';
import { ImagePlus, X } from 'lucide-react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { describeError } from '../../lib/errors';
import { focusRing } from '../../components/ui';
import { ACCEPTED_IMAGE_TYPES, MAX_IMAGES, imageFileProblem } from './listingValidation';

interface Upload {
  name: string;
  preview: string;
  progress: number;
  error?: string;
}

/** Uploads each picked photo at once, showing its preview and progress; the listing keeps the returned URLs. */
export function ImageUploader({ images, onChange, error }: { images: string[]; onChange: (images: string[]) => void; error?: string }) {
  const { t } = useI18n();
  const inputId = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    let added: string[] = [];
    for (const file of files) {
      const problem = imageFileProblem(file);
      const preview = URL.createObjectURL(file);
      const entry: Upload = { name: file.name, preview, progress: 0, error: problem ? t(problem) : undefined };
      setUploads((current) => [...current, entry]);
      if (problem) continue;
      if (images.length + added.length >= MAX_IMAGES) {
        update(preview, { error: t('validation.imagesTooMany') });
        continue;
      }
      api.upload(file, (progress) => update(preview, { progress }))
        .then(({ url }) => {
          added = [...added, url];
          onChange([...images, ...added]);
          setUploads((current) => current.filter((item) => item.preview !== preview));
          URL.revokeObjectURL(preview);
        })
        .catch((reason: unknown) => update(preview, { error: describeError(reason, t) }));
    }
  };

  const update = (preview: string, change: Partial<Upload>) =>
    setUploads((current) => current.map((item) => (item.preview === preview ? { ...item, ...change } : item)));

  return (
    <div className="flex flex-col gap-2">
      <span className="text-sm font-medium text-stone-800">{t('listing.photos')}</span>
      <ul className="flex flex-wrap gap-3">
        {images.map((url, index) => (
          <li key={url} className="relative size-28 overflow-hidden rounded-lg border border-stone-300 bg-white">
            <img src={url} alt={t('listing.photoNumber', { number: index + 1 })} className="size-full object-cover" />
            <button type="button" onClick={() => onChange(images.filter((image) => image !== url))}
              aria-label={t('listing.removePhoto', { number: index + 1 })}
              className={`absolute right-1 top-1 rounded-full bg-white/90 p-1 text-stone-900 shadow ${focusRing}`}>
              <X aria-hidden className="size-4" />
            </button>
          </li>
        ))}
        {uploads.map((upload) => (
          <li key={upload.preview} className="relative flex size-28 flex-col overflow-hidden rounded-lg border border-stone-300 bg-white">
            <img src={upload.preview} alt={upload.name} className={`size-full object-cover ${upload.error ? 'opacity-30' : 'opacity-70'}`} />
            {upload.error ? (
              <p role="alert" className="absolute inset-x-0 bottom-0 bg-red-700 p-1 text-xs text-white">
                {upload.error}
                <button type="button" className="ml-1 underline" onClick={() => setUploads((current) => current.filter((item) => item !== upload))}>
                  {t('common.dismiss')}
                </button>
              </p>
            ) : (
              <progress className="absolute inset-x-1 bottom-1 h-2 w-[calc(100%-0.5rem)]" max={1} value={upload.progress} aria-label={t('listing.uploading', { name: upload.name })} />
            )}
          </li>
        ))}
        {images.length < MAX_IMAGES && (
          <li>
            <label htmlFor={inputId} className={`flex size-28 cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed border-stone-400 bg-white text-center text-xs text-stone-700 hover:border-blue-700 focus-within:outline-3 focus-within:outline-amber-500`}>
              <ImagePlus aria-hidden className="size-6" />
              {t('listing.addPhoto')}
              <input id={inputId} type="file" accept={ACCEPTED_IMAGE_TYPES.join(',')} multiple onChange={pick} className="sr-only" data-testid="image-input" />
            </label>
          </li>
        )}
      </ul>
      <p className="text-xs text-stone-600">{t('listing.photosHint')}</p>
      {error && <p className="text-xs font-medium text-red-700" role="alert">{error}</p>}
    </div>
  );
}
