import type {
  AdminSellerRequest, Category, ListingInput, Notification, Order, Paged, Product, ProductQuery,
  Registration, Role, SellerRequest, User, UserPage,
} from './types';

/** Fixed key: the server-rendered dev payment page reads the same one. */
export const TOKEN_KEY = 'collector-shop.token';

export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/** A refusal from the API: its status, its message and the field errors of a 400. */
export class ApiError extends Error {
  readonly status: number;
  readonly fieldErrors: Record<string, string[]>;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, message: string, fieldErrors: Record<string, string[]> = {}, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Called on every 401 so the app can forget a token the server no longer accepts. */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface Answer<T> {
  body: T;
  headers: Headers;
}

async function send<T>(method: Method, path: string, body?: unknown): Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = tokenStore.get();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (!response.ok) throw await toApiError(response, token !== null);
  const text = await response.text();
  return { body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}

async function toApiError(response: Response, hadToken: boolean): Promise<ApiError> {
  let message = response.statusText || `HTTP ${response.status}`;
  let fields: Record<string, string[]> = {};
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string') message = body.error;
    if (body && body.errors && typeof body.errors === 'object') fields = body.errors;
  } catch {
    // A body that is not JSON keeps the status text as the message.
  }
  if (response.status === 401 && hadToken) onUnauthorized();
  const retry = Number(response.headers.get('Retry-After'));
  return new ApiError(response.status, message, fields, Number.isFinite(retry) && retry > 0 ? retry : null);
}

function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function totalOf(headers: Headers, fallback: number): number {
  const total = Number(headers.get('X-Total-Count'));
  return headers.has('X-Total-Count') && Number.isFinite(total) ? total : fallback;
}

async function paged<T>(path: string): Promise<Paged<T>> {
  const { body, headers } = await send<T[]>('GET', path);
  return { items: body, total: totalOf(headers, body.length) };
}

const get = async <T>(path: string) => (await send<T>('GET', path)).body;
const post = async <T>(path: string, body?: unknown) => (await send<T>('POST', path, body)).body;
const patch = async <T>(path: string, body: unknown) => (await send<T>('PATCH', path, body)).body;
const remove = async (path: string) => { await send<void>('DELETE', path); };
const id = (value: string) => encodeURIComponent(value);

/** Sends one image as multipart, reporting progress from 0 to 1; XMLHttpRequest because fetch has no upload progress. */
function upload(file: File, onProgress: (fraction: number) => void): Promise<{ url: string }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/upload');
    const token = tokenStore.get();
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: { url?: string; error?: string; errors?: Record<string, string[]> } = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // Not JSON: the status alone tells what happened.
      }
      if (request.status >= 200 && request.status < 300 && body.url) resolve({ url: body.url });
      else reject(new ApiError(request.status, body.error ?? `HTTP ${request.status}`, body.errors ?? {}));
    };
    request.onerror = () => reject(new ApiError(0, 'network'));
    const form = new FormData();
    form.append('image', file);
    request.send(form);
  });
}

export const api = {
  register: (registration: Registration) => post<{ user: User; message: string }>('/api/auth/register', registration),
  login: (email: string, password: string) => post<{ token: string; user: User }>('/api/auth/login', { email, password }),
  me: () => get<User>('/api/auth/me'),
  requestSeller: (message: string) => post<SellerRequest>('/api/users/me/request-seller', { message }),
  mySellerRequest: () => get<SellerRequest | null>('/api/users/me/seller-request'),

  categories: () => get<Category[]>('/api/categories'),
  products: (filter: ProductQuery) => paged<Product>(`/api/products${query({ ...filter })}`),
  product: (productId: string) => get<Product>(`/api/products/${id(productId)}`),
  createProduct: (input: ListingInput) => post<Product>('/api/products', input),
  editProduct: (productId: string, changes: Partial<ListingInput>) => patch<Product>(`/api/products/${id(productId)}`, changes),
  withdrawProduct: (productId: string) => remove(`/api/products/${id(productId)}`),
  upload,

  checkout: (productId: string) => post<{ url: string; orderId: string }>('/api/checkout/session', { productId }),
  myOrders: () => get<Order[]>('/api/orders'),
  order: (orderId: string) => get<Order>(`/api/orders/${id(orderId)}`),
  cancelOrder: (orderId: string) => post<Order>(`/api/orders/${id(orderId)}/cancel`),
  confirmReceipt: (orderId: string) => post<Order>(`/api/orders/${id(orderId)}/confirm-receipt`),
  mySales: () => get<Order[]>('/api/seller/orders'),
  ship: (orderId: string, carrier: string, trackingNumber: string) =>
    post<Order>(`/api/orders/${id(orderId)}/ship`, { carrier: carrier || null, trackingNumber: trackingNumber || null }),

  notifications: () => get<Notification[]>('/api/notifications'),
  markRead: (notificationId: string) => post<void>(`/api/notifications/${id(notificationId)}/read`),

  admin: {
    products: (filter: ProductQuery) => paged<Product>(`/api/admin/products${query({ ...filter })}`),
    approveProduct: (productId: string) => post<Product>(`/api/admin/products/${id(productId)}/approve`),
    rejectProduct: (productId: string, reason: string) => post<Product>(`/api/admin/products/${id(productId)}/reject`, { reason: reason || null }),
    sellerRequests: (status: string, page: number) => paged<AdminSellerRequest>(`/api/admin/seller-requests${query({ status, page })}`),
    approveSellerRequest: (requestId: string) => post<{ ok: true }>(`/api/admin/seller-requests/${id(requestId)}/approve`),
    rejectSellerRequest: (requestId: string, message: string) =>
      post<{ ok: true }>(`/api/admin/seller-requests/${id(requestId)}/reject`, { message: message || null }),
    users: (filter: { q?: string; role?: string; page?: number; pageSize?: number }) => get<UserPage>(`/api/admin/users${query(filter)}`),
    setActive: (userId: string, active: boolean) => post<User>(`/api/admin/users/${id(userId)}/active`, { active }),
    setRole: (userId: string, role: Role) => post<User>(`/api/admin/users/${id(userId)}/role`, { role }),
    createCategory: (name: string) => post<Category>('/api/admin/categories', { name }),
    renameCategory: (categoryId: string, name: string) => patch<Category>(`/api/admin/categories/${id(categoryId)}`, { name }),
    deleteCategory: (categoryId: string) => remove(`/api/admin/categories/${id(categoryId)}`),
    orders: (status: string) => get<Order[]>(`/api/admin/orders${query({ status })}`),
    refund: (orderId: string) => post<Order>(`/api/admin/orders/${id(orderId)}/refund`),
  },
};
