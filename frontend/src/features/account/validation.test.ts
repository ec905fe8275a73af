import { describe, expect, it } from 'vitest';
import { validateLogin, validateRegistration } from './validation';

const valid = { email: 'ana@example.fr', password: 'collect-1', confirm: 'collect-1', role: 'BUYER', sellerMessage: '' };

describe('sign-up form', () => {
  it('accepts a plausible buyer', () => {
    expect(validateRegistration(valid)).toEqual({});
  });

  it('asks for an email and a plausible one', () => {
    expect(validateRegistration({ ...valid, email: ' ' }).email).toBe('validation.required');
    expect(validateRegistration({ ...valid, email: 'ana@example' }).email).toBe('validation.email');
  });

  it('wants 8 characters with one that is not a letter or digit', () => {
    expect(validateRegistration({ ...valid, password: 'abc-1', confirm: 'abc-1' }).password).toBe('validation.password');
    expect(validateRegistration({ ...valid, password: 'abcdefgh1', confirm: 'abcdefgh1' }).password).toBe('validation.password');
  });

  it('wants the confirmation to match', () => {
    expect(validateRegistration({ ...valid, confirm: 'collect-2' }).confirm).toBe('validation.confirm');
  });

  it('asks a seller to say what they sell', () => {
    expect(validateRegistration({ ...valid, role: 'SELLER' }).sellerMessage).toBe('validation.sellerMessage');
    expect(validateRegistration({ ...valid, role: 'SELLER', sellerMessage: 'Vinyles de jazz' })).toEqual({});
  });
});

describe('login form', () => {
  it('needs both fields', () => {
    expect(validateLogin({ email: '', password: '' })).toEqual({ email: 'validation.required', password: 'validation.required' });
    expect(validateLogin({ email: 'a@b.fr', password: 'x' })).toEqual({});
  });
});
