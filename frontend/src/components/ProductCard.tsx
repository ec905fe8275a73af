import { Link } from 'react-router-dom';
import type { Product } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { StatusBadge } from './StatusBadge';
import { focusRing } from './ui';

export function ProductCard({ product }: { product: Product }) {
  const { money } = useI18n();
  return (
    <Link
      to={`/products/${encodeURIComponent(product.id)}`}
      className={`group flex flex-col overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm transition hover:shadow-md ${focusRing}`}
    >
      <div className="aspect-square overflow-hidden bg-stone-100">
        <img src={product.image} alt={product.title} loading="lazy" className="size-full object-cover transition group-hover:scale-105" />
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h3 className="line-clamp-2 font-semibold text-stone-900">{product.title}</h3>
        <p className="text-sm text-stone-600">{product.sellerName}</p>
        <div className="mt-auto flex items-center justify-between pt-2">
          <span className="text-lg font-bold text-blue-900">{money(product.price)}</span>
          {product.status !== 'available' && <StatusBadge status={product.status} kind="listing" />}
        </div>
      </div>
    </Link>
  );
}

export function ProductGrid({ products }: { products: Product[] }) {
  return (
    <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((product) => (
        <li key={product.id}><ProductCard product={product} /></li>
      ))}
    </ul>
  );
}
