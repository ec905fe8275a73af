export type Role = 'BUYER' | 'SELLER' | 'ADMIN';

export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  address: string | null;
  phone: string | null;
  gender: string | null;
}

export type ListingStatus = 'pending' | 'available' | 'reserved' | 'sold' | 'rejected' | 'withdrawn';

export interface PricePoint {
  price: number;
  date: string;
}

export interface Product {
  id: string;
  title: string;
  description: string;
  price: number;
  shipping: number;
  image: string;
  images: string[];
  categoryId: string;
  category: string;
  sellerId: string;
  sellerName: string;
  sellerRating: number | null;
  sellerReviews: number;
  location: string | null;
  status: ListingStatus;
  createdAt: string;
  updatedAt: string;
  priceHistory: PricePoint[];
  rejectionReason?: string;
}

export interface Category {
  id: string;
  name: string;
  productCount: number;
}

export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'expired' | 'refunded';

export interface Order {
  id: string;
  productId: string;
  buyerId: string;
  sellerId: string;
  status: OrderStatus;
  quantity: number;
  price: number;
  shipping: number;
  totalPrice: number;
  commission: number;
  sellerPayout: number;
  createdAt: string;
  updatedAt: string;
  expiresAt: string | null;
  paidAt: string | null;
  shippedAt: string | null;
  completedAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  product: {
    id: string;
    title: string;
    description: string;
    image: string | null;
    price: number;
    shipping: number;
    categoryId: string;
    sellerName: string;
  };
}

export type SellerRequestStatus = 'pending' | 'approved' | 'rejected';

export interface SellerRequest {
  id: string;
  userId: string;
  status: SellerRequestStatus;
  message: string | null;
  adminMessage: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AdminSellerRequest {
  id: string;
  userId: string;
  status: SellerRequestStatus;
  message: string | null;
  createdAt: string;
  updatedAt: string;
  user: Pick<User, 'id' | 'name' | 'email' | 'role' | 'active'>;
}

export interface UserPage {
  total: number;
  page: number;
  pageSize: number;
  items: User[];
}

export interface Notification {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
  /** Null on notifications stored before the server sent these facts; the SPA then shows the server's title and body. */
  audience: string | null;
  productTitle: string | null;
  totalPrice: number | null;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

export interface ProductQuery {
  q?: string;
  category?: string;
  minPrice?: string;
  maxPrice?: string;
  sort?: string;
  status?: string;
  sellerId?: string;
  page?: number;
  pageSize?: number;
}

export interface ListingInput {
  title: string;
  description: string;
  price: number;
  shipping: number;
  category: string;
  images: string[];
  location: string;
}

export interface Registration {
  name?: string;
  email: string;
  password: string;
  role: 'BUYER' | 'SELLER';
  sellerMessage?: string;
}
