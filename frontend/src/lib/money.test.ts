import { describe, expect, it } from 'vitest';
import { addEuros } from './money';

describe('euro sums', () => {
  it('adds in cents without floating-point dust', () => {
    expect(addEuros(0.1, 0.2)).toBe(0.3);
    expect(addEuros(1450, 12.5)).toBe(1462.5);
    expect(addEuros(19.99, 4.99)).toBe(24.98);
  });
});
