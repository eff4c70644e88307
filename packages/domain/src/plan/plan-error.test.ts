import { describe, expect, it } from 'vitest';
import { PlanError } from './plan-error.ts';

describe('PlanError', () => {
  it('is a RangeError, so callers that map domain RangeErrors to 422 keep working', () => {
    const error = new PlanError('weights_sum_to_zero', 'Weights sum to zero');
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toBeInstanceOf(PlanError);
  });
  it('carries its reason code, message and details', () => {
    const error = new PlanError('negative_amount', 'Invalid amount -1', { field: 'annualMinor' });
    expect(error.code).toBe('negative_amount');
    expect(error.message).toBe('Invalid amount -1');
    expect(error.details).toEqual({ field: 'annualMinor' });
    expect(error.name).toBe('PlanError');
  });
  it('defaults details to an empty object', () => expect(new PlanError('no_parts', 'x').details).toEqual({}));
});
