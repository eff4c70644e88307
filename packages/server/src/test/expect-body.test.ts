import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectBody } from './factories.ts';

// Factories return what expectBody parsed, so it must refuse another status or shape, not pass it on.
describe('expectBody', () => {
  const Item = z.object({ id: z.string(), amountMinor: z.number().int() });

  it('returns the body parsed with the schema', () => {
    expect(expectBody({ status: 201, body: { id: 'a', amountMinor: 5 } }, 201, Item)).toEqual({
      id: 'a',
      amountMinor: 5,
    });
  });

  it('fails on another status, naming the body', () => {
    expect(() => expectBody({ status: 422, body: { error: 'nope' } }, 201, Item)).toThrow(/nope/);
  });

  it('fails when the body is not the contract’s shape', () => {
    expect(() => expectBody({ status: 201, body: { id: 'a', amountMinor: '5' } }, 201, Item)).toThrow(
      /does not match the contract/,
    );
  });
});
