import { useEffect, useId, useRef, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { AlertCircle, CheckCircle2, Loader2 } from 'lucide-react';
import { useI18n } from '../i18n/I18nProvider';
import { describeError } from '../lib/errors';
import type { Loaded } from '../lib/useLoad';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const variants: Record<Variant, string> = {
  primary: 'bg-blue-800 text-white hover:bg-blue-900 disabled:bg-stone-400',
  secondary: 'bg-white text-stone-900 border border-stone-300 hover:bg-stone-100 disabled:text-stone-500',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-stone-400',
  ghost: 'text-stone-800 hover:bg-stone-200',
};

export const focusRing = 'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500';

export function Button({ variant = 'primary', busy = false, className = '', children, disabled, ...rest }:
  ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean }) {
  return (
    <button
      {...rest}
      disabled={disabled || busy}
      className={`inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed ${variants[variant]} ${focusRing} ${className}`}
    >
      {busy && <Loader2 aria-hidden className="size-4 animate-spin" />}
      {children}
    </button>
  );
}

const inputClass = `w-full rounded-lg border border-stone-400 bg-white px-3 py-2 text-sm text-stone-900 placeholder:text-stone-500 ${focusRing} aria-[invalid=true]:border-red-700`;

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
}

function FieldFrame({ label, error, hint, id, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-stone-800">{label}</label>
      {children}
      {hint && !error && <p id={`${id}-hint`} className="text-xs text-stone-600">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-xs font-medium text-red-700">{error}</p>}
    </div>
  );
}

function describedBy(id: string, { error, hint }: FieldProps) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function TextField({ label, error, hint, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldFrame label={label} error={error} hint={hint} id={id}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, error, hint })} className={inputClass} {...rest} />
    </FieldFrame>
  );
}

export function TextArea({ label, error, hint, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <FieldFrame label={label} error={error} hint={hint} id={id}>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, error, hint })} className={inputClass} rows={4} {...rest} />
    </FieldFrame>
  );
}

export function SelectField({ label, error, hint, children, ...rest }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <FieldFrame label={label} error={error} hint={hint} id={id}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, error, hint })} className={inputClass} {...rest}>
        {children}
      </select>
    </FieldFrame>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="flex items-center gap-2 py-8 text-stone-700">
      <Loader2 aria-hidden className="size-5 animate-spin" /> {t('common.loading')}
    </p>
  );
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <AlertCircle aria-hidden className="size-5 shrink-0" />
      <span className="flex-1">{describeError(error, t)}</span>
      {onRetry && <Button variant="secondary" onClick={onRetry}>{t('common.retry')}</Button>}
    </div>
  );
}

export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="flex items-center gap-3 rounded-lg border border-green-300 bg-green-50 p-3 text-sm text-green-900">
      <CheckCircle2 aria-hidden className="size-5 shrink-0" />
      <span>{children}</span>
    </div>
  );
}

export function PageTitle({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
      <h1 className="text-2xl font-bold tracking-tight text-stone-900">{children}</h1>
      {action}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-stone-600">{children}</p>;
}

/** A loaded list, as every list page shows it: the error with a retry, a spinner until the first answer, the empty message, or the items. */
export function LoadedList<T>({ loaded, empty, children }: {
  loaded: Loaded<T[] | { items: T[] }>;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const items = Array.isArray(loaded.data) ? loaded.data : loaded.data.items;
  return items.length === 0 ? <Empty>{empty}</Empty> : <>{children(items)}</>;
}

/** A modal on the native <dialog>: focus moves in, Escape closes, and focus returns where it was. */
export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-lg rounded-xl bg-white p-0 shadow-xl backdrop:bg-stone-900/50"
    >
      {open && (
        <div className="flex flex-col gap-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold">{title}</h2>
          {children}
        </div>
      )}
    </dialog>
  );
}
