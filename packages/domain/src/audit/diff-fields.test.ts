import { describe, expect, it } from 'vitest';
import { diffFields, REDACTED } from './diff-fields.ts';

describe('diffFields', () => {
  it('lists only the fields that changed, old → new', () => {
    expect(diffFields({ name: 'A', kind: 'team' }, { name: 'B', kind: 'team' })).toEqual([
      { field: 'name', old: 'A', new: 'B' },
    ]);
  });
  it('records every field of a create as new, with null as old', () => {
    expect(diffFields(null, { name: 'A' })).toEqual([{ field: 'name', old: null, new: 'A' }]);
  });
  it('records every field of a delete as old, with null as new', () => {
    expect(diffFields({ name: 'A' }, null)).toEqual([{ field: 'name', old: 'A', new: null }]);
  });
  it('compares dates and arrays by content', () => {
    const at = '2026-01-01T00:00:00.000Z';
    expect(diffFields({ at: new Date(at), week: [1, 2] }, { at, week: [1, 2] })).toEqual([]);
  });
  it('never writes a redacted value, only that it changed', () => {
    expect(diffFields({ password: 'a' }, { password: 'b' }, { redact: ['password'] })).toEqual([
      { field: 'password', old: REDACTED, new: REDACTED },
    ]);
  });
  it('skips ignored bookkeeping fields', () => {
    expect(diffFields({ updatedAt: 1 }, { updatedAt: 2 }, { ignore: ['updatedAt'] })).toEqual([]);
  });
});
