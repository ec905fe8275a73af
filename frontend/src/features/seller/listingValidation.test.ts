import { describe, expect, it } from 'vitest';
import { imageFileProblem, validateListing, type ListingDraft } from './listingValidation';

const draft: ListingDraft = {
  title: '  Leica M6 ',
  description: 'Boîtier argentique en très bon état.',
  price: '1450,50',
  shipping: '',
  category: 'photo',
  images: ['/uploads/a.jpg'],
  location: ' Lyon ',
};

describe('listing form', () => {
  it('turns a valid draft into the API body: trimmed text, decimal comma, free shipping by default', () => {
    const { problems, input } = validateListing(draft);
    expect(problems).toEqual({});
    expect(input).toEqual({
      title: 'Leica M6', description: 'Boîtier argentique en très bon état.', price: 1450.5, shipping: 0,
      category: 'photo', images: ['/uploads/a.jpg'], location: 'Lyon',
    });
  });

  it('reports every broken rule at once', () => {
    const { problems, input } = validateListing({ ...draft, title: 'ab', description: 'court', price: '0', shipping: '20000', category: '', images: [] });
    expect(input).toBeNull();
    expect(problems).toEqual({
      title: 'validation.title', description: 'validation.description', price: 'validation.price',
      shipping: 'validation.shipping', category: 'validation.category', images: 'validation.imagesRequired',
    });
  });

  it('refuses prices with more than two decimals, negative or not numbers', () => {
    expect(validateListing({ ...draft, price: '10.999' }).problems.price).toBe('validation.price');
    expect(validateListing({ ...draft, price: '-5' }).problems.price).toBe('validation.price');
    expect(validateListing({ ...draft, price: 'douze' }).problems.price).toBe('validation.price');
    expect(validateListing({ ...draft, price: '1000001' }).problems.price).toBe('validation.price');
    expect(validateListing({ ...draft, price: '1000000' }).problems.price).toBeUndefined();
  });

  it('allows at most eight photos', () => {
    const images = Array.from({ length: 9 }, (_, index) => `/uploads/${index}.png`);
    expect(validateListing({ ...draft, images }).problems.images).toBe('validation.imagesTooMany');
  });
});

describe('image picker', () => {
  it('takes JPEG, PNG, WebP and GIF up to 5 MB', () => {
    expect(imageFileProblem({ type: 'image/png', size: 5 * 1024 * 1024 })).toBeNull();
    expect(imageFileProblem({ type: 'image/webp', size: 10 })).toBeNull();
  });

  it('names the problem of another type or a larger file', () => {
    expect(imageFileProblem({ type: 'application/pdf', size: 10 })).toBe('upload.wrongType');
    expect(imageFileProblem({ type: 'image/jpeg', size: 5 * 1024 * 1024 + 1 })).toBe('upload.tooLarge');
  });
});
