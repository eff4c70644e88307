import { describe, expect, it } from 'vitest';
import { attainment } from './attainment.ts';

describe('attainment', () => {
  it('is fact over plan to date', () => {
    expect(attainment(150_000_000, 200_000_000)).toBe(0.75);
    expect(attainment(220_000_000, 200_000_000)).toBe(1.1);
  });
  it('is null while the plan to date is 0', () => expect(attainment(100, 0)).toBeNull());
  it('can be negative after refunds', () => expect(attainment(-50, 100)).toBe(-0.5));
  it('refuses a negative plan', () =>
    expect(() => attainment(1, -1)).toThrow(expect.objectContaining({ code: 'negative_amount' })));
});
