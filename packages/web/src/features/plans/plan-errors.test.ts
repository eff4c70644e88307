import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { noCapacityOf, planErrorKey } from './plan-errors.ts';

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
  it('says which month nobody on a team works', () => {
    const error = new ApiError({
      status: 422,
      code: 'unprocessable',
      message: 'x',
      details: [{ path: 'structure.units.5b1c.months.2026-04', message: 'no_capacity' }],
    });
    expect(planErrorKey(error)).toBe('plans.errors.noCapacityIn');
    expect(planErrorKey(error, true)).toBe('plans.errors.noCapacityInTeam');
    expect(noCapacityOf(error)).toEqual({ month: '2026-04', unitId: '5b1c' });
    const bare = new ApiError({
      status: 422,
      code: 'unprocessable',
      message: 'x',
      details: [{ path: 'body', message: 'no_capacity' }],
    });
    expect([planErrorKey(bare), noCapacityOf(bare)]).toEqual(['plans.refusals.no_capacity', null]);
  });
  it('leaves other errors to the generic message', () => {
    expect(planErrorKey(new ApiError({ status: 403, code: 'forbidden', message: 'x' }))).toBeNull();
  });
});
