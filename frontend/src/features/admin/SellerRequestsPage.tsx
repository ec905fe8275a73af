import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { AdminSellerRequest } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useLoad } from '../../lib/useLoad';
import { Button, Dialog, ErrorNotice, LoadedList, SelectField, TextArea } from '../../components/ui';
import { StatusBadge } from '../../components/StatusBadge';
import { Pagination } from '../../components/Pagination';
import type { MessageKey } from '../../i18n/fr';
import { useAction } from './useAction';

const STATUSES = ['pending', 'approved', 'rejected'] as const;

export function SellerRequestsPage() {
  const { t, dateTime } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'pending';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const requests = useLoad(() => api.admin.sellerRequests(status, page), [status, page]);
  const action = useAction(requests.reload);
  const [rejecting, setRejecting] = useState<AdminSellerRequest | null>(null);
  const [message, setMessage] = useState('');

  return (
    <section>
      <h2 className="mb-4 text-xl font-semibold">{t('admin.sellerRequests')}</h2>
      <div className="mb-4 max-w-xs">
        <SelectField label={t('admin.filterStatus')} value={status} onChange={(event) => setParams({ status: event.target.value })}>
          {STATUSES.map((value) => <option key={value} value={value}>{t(`status.request.${value}` as MessageKey)}</option>)}
        </SelectField>
      </div>
      {action.error !== null && <div className="mb-4"><ErrorNotice error={action.error} /></div>}
      <LoadedList loaded={requests} empty={t('admin.noRequests')}>
        {(items) => (
          <ul className="flex flex-col gap-3">
            {items.map((request) => (
              <li key={request.id} data-testid="seller-request" className="flex flex-col gap-2 rounded-xl border border-stone-200 bg-white p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{request.user.name}</span>
                  <span className="text-sm text-stone-700">{request.user.email}</span>
                  <StatusBadge status={request.status} kind="request" />
                  <span className="text-xs text-stone-600">{dateTime(request.updatedAt)}</span>
                </div>
                <p className="whitespace-pre-line text-sm text-stone-800">{request.message || t('admin.noMessage')}</p>
                {request.status === 'pending' && (
                  <div className="flex gap-2">
                    <Button busy={action.busy === request.id} onClick={() => action.run(request.id, () => api.admin.approveSellerRequest(request.id))}>
                      {t('admin.approve')}
                    </Button>
                    <Button variant="secondary" onClick={() => { setMessage(''); setRejecting(request); }}>{t('admin.reject')}</Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </LoadedList>
      {requests.data && <Pagination page={page} pageSize={24} total={requests.data.total} onPage={(next) => setParams({ status, page: String(next) })} />}
      <Dialog open={rejecting !== null} title={t('admin.rejectRequestTitle', { name: rejecting?.user.name ?? '' })} onClose={() => setRejecting(null)}>
        {action.error !== null && <ErrorNotice error={action.error} />}
        <TextArea label={t('admin.rejectMessage')} value={message} onChange={(event) => setMessage(event.target.value)} maxLength={2000} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setRejecting(null)}>{t('common.cancel')}</Button>
          <Button variant="danger" busy={action.busy === rejecting?.id}
            onClick={async () => { if (rejecting && await action.run(rejecting.id, () => api.admin.rejectSellerRequest(rejecting.id, message.trim()))) setRejecting(null); }}>
            {t('admin.reject')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
