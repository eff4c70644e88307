import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { planErrorKey } from './plan-errors.ts';

describe('planErrorKey', () => {
  it('names a plan rule refused with 422 by its reason', () => {
    const error = new ApiError({
      status: 422,
      code: 'unprocessable',
      message: 'x',
      details: [{ path: 'body', message: 'not_reconciled' }],
    });
    expect(planErrorKey(error)).toBe('plans.refusals.not_reconciled');
  });
  it('tells a locked plan from a stale version', () => {
    const locked = new ApiError({
      status: 409,
      code: 'conflict',
      message: 'x',
      details: [{ path: 'status', message: 'approved' }],
    });
    const stale = new ApiError({
      status: 409,
      code: 'conflict',
      message: 'x',
      details: [{ path: 'body.version', message: 'Stale' }],
    });
    expect(planErrorKey(locked)).toBe('plans.errors.locked');
    expect(planErrorKey(stale)).toBe('plans.errors.stale');
  });
  it('leaves other errors to the generic message', () => {
    expect(planErrorKey(new ApiError({ status: 403, code: 'forbidden', message: 'x' }))).toBeNull();
  });
});
