import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { focusRing } from '../../components/ui';

export function Gallery({ images, title }: { images: string[]; title: string }) {
  const { t } = useI18n();
  const [index, setIndex] = useState(0);
  const shown = images[Math.min(index, images.length - 1)];
  return (
    <div className="flex flex-col gap-3">
      <div className="aspect-square overflow-hidden rounded-xl border border-stone-200 bg-white">
        {shown && <img src={shown} alt={t('product.photoOf', { title, number: index + 1, count: images.length })} className="size-full object-contain" />}
      </div>
      {images.length > 1 && (
        <ul className="flex flex-wrap gap-2" aria-label={t('product.photos')}>
          {images.map((image, position) => (
            <li key={image}>
              <button
                type="button"
                onClick={() => setIndex(position)}
                aria-pressed={position === index}
                aria-label={t('product.showPhoto', { number: position + 1 })}
                className={`size-16 overflow-hidden rounded-lg border-2 ${position === index ? 'border-blue-800' : 'border-transparent'} ${focusRing}`}
              >
                <img src={image} alt="" className="size-full object-cover" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
