import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { targetRefusals } from './kpi-target-errors.ts';

describe('targetRefusals', () => {
  it('gives each refused field its reason', () => {
    const error = new ApiError({
      status: 422,
      code: 'unprocessable',
      message: 'The target cannot be saved',
      details: [
        { path: 'body.amberAt', message: 'thresholds_out_of_order' },
        { path: 'body.userId', message: 'subject_outside_scope' },
      ],
    });
    expect(targetRefusals(error)).toEqual({ amberAt: 'thresholds_out_of_order', userId: 'subject_outside_scope' });
  });
  it('names an overlap on the start of the span', () => {
    const error = new ApiError({
      status: 409,
      code: 'conflict',
      message: 'overlap',
      details: [{ path: 'body.periodFrom', message: 'overlapping_target' }],
    });
    expect(targetRefusals(error)).toEqual({ periodFrom: 'overlapping_target' });
  });
  it('tells a stale version apart', () => {
    const error = new ApiError({
      status: 409,
      code: 'conflict',
      message: 'stale',
      details: [{ path: 'body.version', message: 'Stale version' }],
    });
    expect(targetRefusals(error)).toEqual({ version: 'stale' });
  });
  it('leaves other errors to the caller', () => {
    expect(targetRefusals(new ApiError({ status: 403, code: 'forbidden', message: 'no' }))).toBeNull();
    expect(targetRefusals(new Error('boom'))).toBeNull();
  });
});
