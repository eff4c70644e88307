import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { pdcaErrorKey } from './pdca-errors.ts';

describe('pdcaErrorKey', () => {
  it('names a stage done twice', () => {
    const error = new ApiError({
      status: 409,
      code: 'conflict',
      message: 'x',
      details: [{ path: 'stages.plan', message: 'stage_done' }],
    });
    expect(pdcaErrorKey(error)).toBe('pdca.refusals.stage_done');
  });
  it('names an owner outside the scope (422)', () => {
    const error = new ApiError({
      status: 422,
      code: 'unprocessable',
      message: 'x',
      details: [{ path: 'body.ownerId', message: 'rep_outside_scope' }],
    });
    expect(pdcaErrorKey(error)).toBe('pdca.refusals.rep_outside_scope');
  });
  it('names a stale version', () => {
    const error = new ApiError({
      status: 409,
      code: 'conflict',
      message: 'x',
      details: [{ path: 'body.version', message: 'Stale version' }],
    });
    expect(pdcaErrorKey(error)).toBe('pdca.refusals.stale');
  });
  it('leaves other errors to the generic message', () => {
    expect(pdcaErrorKey(new ApiError({ status: 403, code: 'forbidden', message: 'x' }))).toBeNull();
    expect(pdcaErrorKey(new Error('x'))).toBeNull();
  });
});
