import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Hourglass } from 'lucide-react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldError } from '../../lib/errors';
import { Button, ErrorNotice, PageTitle, TextArea, TextField } from '../../components/ui';
import { validateRegistration, type Problems } from './validation';

export function RegisterPage() {
  const { t } = useI18n();
  const [form, setForm] = useState({ name: '', email: '', password: '', confirm: '', role: 'BUYER', sellerMessage: '' });
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const set = (name: keyof typeof form) => (event: { target: { value: string } }) => {
    setForm({ ...form, [name]: event.target.value });
    setProblems((current) => ({ ...current, [name]: undefined }));
  };
  const problem = (name: string) => (problems[name] ? t(problems[name]!) : fieldError(error, name));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateRegistration(form);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await api.register({
        name: form.name.trim() || undefined,
        email: form.email.trim(),
        password: form.password,
        role: form.role === 'SELLER' ? 'SELLER' : 'BUYER',
        sellerMessage: form.role === 'SELLER' ? form.sellerMessage.trim() : undefined,
      });
      setDone(answer.message);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  if (done !== null) {
    return (
      <section className="mx-auto max-w-md rounded-xl border border-amber-300 bg-amber-50 p-6" data-testid="awaiting-validation">
        <h1 className="flex items-center gap-2 text-xl font-bold"><Hourglass aria-hidden className="size-5" />{t('register.awaitingTitle')}</h1>
        <p className="mt-2 text-stone-800">{t(form.role === 'SELLER' ? 'register.awaitingSeller' : 'register.awaitingBuyer')}</p>
        <p className="mt-2 text-sm text-stone-700">{done}</p>
        <Link to="/login" className="mt-4 inline-block font-semibold text-blue-800 underline">{t('nav.login')}</Link>
      </section>
    );
  }

  return (
    <section className="mx-auto max-w-md">
      <PageTitle>{t('register.title')}</PageTitle>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4 rounded-xl border border-stone-200 bg-white p-6">
        {error !== null && <ErrorNotice error={error} />}
        <TextField label={t('field.name')} name="name" autoComplete="name" value={form.name} onChange={set('name')} error={problem('name')} hint={t('register.nameHint')} />
        <TextField label={t('field.email')} type="email" name="email" autoComplete="email" value={form.email} onChange={set('email')} error={problem('email')} />
        <TextField label={t('field.password')} type="password" name="password" autoComplete="new-password" value={form.password} onChange={set('password')}
          error={problem('password')} hint={t('register.passwordHint')} />
        <TextField label={t('field.confirmPassword')} type="password" name="confirm" autoComplete="new-password" value={form.confirm} onChange={set('confirm')} error={problem('confirm')} />
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-stone-800">{t('register.accountType')}</legend>
          {(['BUYER', 'SELLER'] as const).map((role) => (
            <label key={role} className="flex items-center gap-2 text-sm">
              <input type="radio" name="role" value={role} checked={form.role === role} onChange={set('role')} className="size-4 accent-blue-800" />
              {t(role === 'BUYER' ? 'register.asBuyer' : 'register.asSeller')}
            </label>
          ))}
        </fieldset>
        {form.role === 'SELLER' && (
          <TextArea label={t('field.sellerMessage')} name="sellerMessage" value={form.sellerMessage} onChange={set('sellerMessage')}
            error={problem('sellerMessage')} hint={t('register.sellerMessageHint')} />
        )}
        <Button type="submit" busy={busy}>{t('register.submit')}</Button>
      </form>
    </section>
  );
}
