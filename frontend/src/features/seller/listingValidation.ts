import type { ListingInput } from '../../api/types';
import type { MessageKey } from '../../i18n/fr';

export interface ListingDraft {
  title: string;
  description: string;
  price: string;
  shipping: string;
  category: string;
  images: string[];
  location: string;
}

export type ListingProblems = Partial<Record<keyof ListingDraft, MessageKey>>;

export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGES = 8;

const MONEY = /^\d+([.,]\d{1,2})?$/;

function money(text: string): number | null {
  const trimmed = text.trim();
  return MONEY.test(trimmed) ? Number(trimmed.replace(',', '.')) : null;
}

/** The listing rules of the API, checked in the form so every problem shows next to its field before sending. */
export function validateListing(draft: ListingDraft): { problems: ListingProblems; input: ListingInput | null } {
  const problems: ListingProblems = {};
  const title = draft.title.trim();
  const description = draft.description.trim();
  if (title.length < 3 || title.length > 120) problems.title = 'validation.title';
  if (description.length < 10 || description.length > 5000) problems.description = 'validation.description';
  const price = money(draft.price);
  if (price === null || price <= 0 || price > 1_000_000) problems.price = 'validation.price';
  const shipping = draft.shipping.trim() === '' ? 0 : money(draft.shipping);
  if (shipping === null || shipping > 10_000) problems.shipping = 'validation.shipping';
  if (!draft.category) problems.category = 'validation.category';
  if (draft.images.length === 0) problems.images = 'validation.imagesRequired';
  else if (draft.images.length > MAX_IMAGES) problems.images = 'validation.imagesTooMany';
  if (Object.keys(problems).length > 0 || price === null || shipping === null) return { problems, input: null };
  return {
    problems,
    input: { title, description, price, shipping, category: draft.category, images: draft.images, location: draft.location.trim() },
  };
}

/** Why a picked file cannot be uploaded, before it is sent; the server checks the content again. */
export function imageFileProblem(file: { type: string; size: number }): MessageKey | null {
  if (!ACCEPTED_IMAGE_TYPES.includes(file.type)) return 'upload.wrongType';
  if (file.size > MAX_IMAGE_BYTES) return 'upload.tooLarge';
  return null;
}
