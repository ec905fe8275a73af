import { Link, Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RequireUser } from './components/RequireUser';
import { PageTitle } from './components/ui';
import { useI18n } from './i18n/I18nProvider';
import { HomePage } from './features/catalog/HomePage';
import { CatalogPage } from './features/catalog/CatalogPage';
import { ProductPage } from './features/catalog/ProductPage';
import { LoginPage } from './features/account/LoginPage';
import { RegisterPage } from './features/account/RegisterPage';
import { BecomeSellerPage } from './features/account/BecomeSellerPage';
import { PurchasesPage } from './features/checkout/PurchasesPage';
import { OrderPage } from './features/checkout/OrderPage';
import { MyListingsPage } from './features/seller/MyListingsPage';
import { ListingFormPage } from './features/seller/ListingFormPage';
import { SalesPage } from './features/seller/SalesPage';
import { NotificationsPage } from './features/notifications/NotificationsPage';
import { AdminLayout } from './features/admin/AdminLayout';
import { SellerRequestsPage } from './features/admin/SellerRequestsPage';
import { ModerationPage } from './features/admin/ModerationPage';
import { UsersPage } from './features/admin/UsersPage';
import { CategoriesPage } from './features/admin/CategoriesPage';
import { OrdersPage } from './features/admin/OrdersPage';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="catalog" element={<CatalogPage />} />
        <Route path="products/:id" element={<ProductPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="become-seller" element={<RequireUser><BecomeSellerPage /></RequireUser>} />
        <Route path="purchases" element={<RequireUser><PurchasesPage /></RequireUser>} />
        <Route path="orders/:id" element={<RequireUser><OrderPage /></RequireUser>} />
        <Route path="notifications" element={<RequireUser><NotificationsPage /></RequireUser>} />
        <Route path="seller/listings" element={<RequireUser role="seller"><MyListingsPage /></RequireUser>} />
        <Route path="seller/listings/new" element={<RequireUser role="seller"><ListingFormPage /></RequireUser>} />
        <Route path="seller/listings/:id/edit" element={<RequireUser role="seller"><ListingFormPage /></RequireUser>} />
        <Route path="seller/sales" element={<RequireUser role="seller"><SalesPage /></RequireUser>} />
        <Route path="admin" element={<RequireUser role="admin"><AdminLayout /></RequireUser>}>
          <Route index element={<Navigate to="seller-requests" replace />} />
          <Route path="seller-requests" element={<SellerRequestsPage />} />
          <Route path="moderation" element={<ModerationPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="categories" element={<CategoriesPage />} />
          <Route path="orders" element={<OrdersPage />} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Link to="/" className="font-semibold text-blue-800 underline">{t('notFound.home')}</Link>
    </section>
  );
}
