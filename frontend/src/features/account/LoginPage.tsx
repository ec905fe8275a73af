import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { ApiError } from '../../api/client';
import { Button, ErrorNotice, PageTitle, TextField } from '../../components/ui';
import { validateLogin, type Problems } from './validation';

/** Only same-site paths are followed after login, never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form, setForm] = useState({ email: '', password: '' });
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (user && !busy) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateLogin(form);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(form.email.trim(), form.password);
      navigate(next, { replace: true });
    } catch (reason) {
      if (reason instanceof ApiError && reason.status === 401) setError(new ApiError(400, t('login.wrongCredentials')));
      else if (reason instanceof ApiError && reason.status === 403) setError(new ApiError(400, t('login.awaitingValidation')));
      else setError(reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="mx-auto max-w-md">
      <PageTitle>{t('login.title')}</PageTitle>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4 rounded-xl border border-stone-200 bg-white p-6">
        {error !== null && <ErrorNotice error={error} />}
        <TextField label={t('field.email')} type="email" name="email" autoComplete="email" value={form.email}
          onChange={(event) => setForm({ ...form, email: event.target.value })} error={problems.email && t(problems.email)} />
        <TextField label={t('field.password')} type="password" name="password" autoComplete="current-password" value={form.password}
          onChange={(event) => setForm({ ...form, password: event.target.value })} error={problems.password && t(problems.password)} />
        <Button type="submit" busy={busy}>{t('login.submit')}</Button>
        <p className="text-sm text-stone-700">{t('login.noAccount')} <Link to="/register" className="font-semibold text-blue-800 underline">{t('nav.register')}</Link></p>
      </form>
    </section>
  );
}
