import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { useLoad } from '../../lib/useLoad';
import { fieldError } from '../../lib/errors';
import { Button, ErrorNotice, Loading, PageTitle, SuccessNotice, TextArea } from '../../components/ui';
import { StatusBadge } from '../../components/StatusBadge';

export function BecomeSellerPage() {
  const { t, dateTime } = useI18n();
  const { refresh } = useAuth();
  const request = useLoad(() => api.mySellerRequest(), []);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.requestSeller(message.trim());
      setMessage('');
      request.reload();
      await refresh();
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  const current = request.data;
  return (
    <section className="max-w-2xl">
      <PageTitle>{t('seller.request.title')}</PageTitle>
      <p className="mb-4 text-stone-700">{t('seller.request.intro')}</p>
      {request.error ? <ErrorNotice error={request.error} onRetry={request.reload} /> : request.loading && current === undefined ? <Loading /> : (
        <div className="flex flex-col gap-4">
          {current && (
            <div className="rounded-xl border border-stone-200 bg-white p-4" data-testid="seller-request-status">
              <p className="flex items-center gap-2 font-semibold">{t('seller.request.status')} <StatusBadge status={current.status} kind="request" /></p>
              <p className="text-sm text-stone-600">{t('seller.request.updated', { time: dateTime(current.updatedAt) })}</p>
              {current.message && <p className="mt-2 text-sm">{t('seller.request.yourMessage', { message: current.message })}</p>}
              {current.adminMessage && <p className="mt-1 text-sm">{t('seller.request.adminMessage', { message: current.adminMessage })}</p>}
              {current.status === 'approved' && <div className="mt-3"><SuccessNotice>{t('seller.request.approvedText')}</SuccessNotice></div>}
            </div>
          )}
          {current?.status !== 'pending' && current?.status !== 'approved' && (
            <form onSubmit={submit} className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4">
              {error !== null && <ErrorNotice error={error} />}
              <TextArea label={t('field.sellerMessage')} value={message} onChange={(event) => setMessage(event.target.value)}
                maxLength={2000} error={fieldError(error, 'message')} hint={t('register.sellerMessageHint')} />
              <Button type="submit" busy={busy} className="self-start">{t(current ? 'seller.request.reopen' : 'seller.request.send')}</Button>
            </form>
          )}
        </div>
      )}
    </section>
  );
}
