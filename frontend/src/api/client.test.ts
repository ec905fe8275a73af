import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, setUnauthorizedHandler, TOKEN_KEY, tokenStore } from './client';

interface Call {
  url: string;
  init: RequestInit;
}

let calls: Call[];

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, { status, headers: { 'Content-Type': 'application/json', ...headers } });
  }));
}

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => { items.delete(key); },
    setItem: (key, value) => { items.set(key, value); },
  };
}

const headerOf = (call: Call, name: string) => new Headers(call.init.headers).get(name);

beforeEach(() => {
  calls = [];
  vi.stubGlobal('localStorage', memoryStorage());
});

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(() => {});
});

describe('API client', () => {
  it('sends the stored token as a bearer header', async () => {
    localStorage.setItem(TOKEN_KEY, 'jwt-123');
    answer(200, { id: 'u1' });
    await api.me();
    expect(headerOf(calls[0], 'Authorization')).toBe('Bearer jwt-123');
  });

  it('sends no Authorization header when signed out', async () => {
    answer(200, []);
    await api.categories();
    expect(headerOf(calls[0], 'Authorization')).toBeNull();
  });

  it('keeps the token under the key the dev payment page reads', () => {
    tokenStore.set('abc');
    expect(localStorage.getItem('collector-shop.token')).toBe('abc');
    tokenStore.clear();
    expect(localStorage.getItem('collector-shop.token')).toBeNull();
  });

  it('reads the list total from X-Total-Count and passes the filters as query parameters', async () => {
    answer(200, [{ id: 'p1' }, { id: 'p2' }], { 'X-Total-Count': '57' });
    const page = await api.products({ q: 'vinyl jazz', category: 'vinyles', minPrice: '', sort: 'price_asc', page: 3, pageSize: 12 });
    expect(page.total).toBe(57);
    expect(page.items).toHaveLength(2);
    expect(calls[0].url).toBe('/api/products?q=vinyl+jazz&category=vinyles&sort=price_asc&page=3&pageSize=12');
  });

  it('counts the items when the total header is missing', async () => {
    answer(200, [{ id: 'p1' }]);
    expect((await api.products({})).total).toBe(1);
  });

  it('turns an error body into an ApiError with its message and field errors', async () => {
    answer(400, { error: 'Invalid listing.', errors: { title: ['title must be 3 to 120 characters.'] } });
    const error = await api.createProduct({ title: 'x', description: '', price: 1, shipping: 0, category: 'c', images: [], location: '' }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('Invalid listing.');
    expect(error.fieldErrors.title).toEqual(['title must be 3 to 120 characters.']);
  });

  it('keeps the Retry-After of a 429', async () => {
    answer(429, { error: 'Too many attempts.' }, { 'Retry-After': '600' });
    const error = await api.login('a@b.fr', 'x').catch((e) => e);
    expect([error.status, error.retryAfterSeconds]).toEqual([429, 600]);
  });

  it('survives an error body that is not JSON', async () => {
    answer(502, '<html>bad gateway</html>');
    const error = await api.categories().catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const error = await api.categories().catch((e) => e);
    expect([error.status, error.message]).toEqual([0, 'network']);
  });

  it('tells the app when the server no longer accepts the token, but not for a failed login', async () => {
    const signedOut = vi.fn();
    setUnauthorizedHandler(signedOut);
    answer(401, { error: 'Wrong email or password.' });
    await api.login('a@b.fr', 'x').catch(() => undefined);
    expect(signedOut).not.toHaveBeenCalled();
    localStorage.setItem(TOKEN_KEY, 'expired');
    await api.me().catch(() => undefined);
    expect(signedOut).toHaveBeenCalledOnce();
  });

  it('sends JSON bodies and accepts empty 204 answers', async () => {
    answer(204, undefined);
    await expect(api.markRead('n 1')).resolves.toBeUndefined();
    expect(calls[0].url).toBe('/api/notifications/n%201/read');
    expect(calls[0].init.method).toBe('POST');
  });

  it('sends a PATCH with only the given changes', async () => {
    answer(200, { id: 'p1' });
    await api.editProduct('p1', { price: 12.5 });
    expect(calls[0].init.method).toBe('PATCH');
    expect(calls[0].init.body).toBe('{"price":12.5}');
    expect(headerOf(calls[0], 'Content-Type')).toBe('application/json');
  });
});
