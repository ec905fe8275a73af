import type { MessageKey } from '../../i18n/fr';

export type Problems = Partial<Record<string, MessageKey>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The shop's sign-up rules checked before sending, so the person sees every problem at once. */
export function validateRegistration(form: { email: string; password: string; confirm: string; role: string; sellerMessage: string }): Problems {
  const problems: Problems = {};
  if (!form.email.trim()) problems.email = 'validation.required';
  else if (!EMAIL.test(form.email.trim())) problems.email = 'validation.email';
  if (!form.password) problems.password = 'validation.required';
  else if (form.password.length < 8 || !/[^A-Za-z0-9]/.test(form.password)) problems.password = 'validation.password';
  if (form.confirm !== form.password) problems.confirm = 'validation.confirm';
  if (form.role === 'SELLER' && !form.sellerMessage.trim()) problems.sellerMessage = 'validation.sellerMessage';
  return problems;
}

export function validateLogin(form: { email: string; password: string }): Problems {
  const problems: Problems = {};
  if (!form.email.trim()) problems.email = 'validation.required';
  if (!form.password) problems.password = 'validation.required';
  return problems;
}
