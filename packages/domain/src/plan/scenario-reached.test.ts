import { describe, expect, it } from 'vitest';
import { scenarioReached } from './scenario-reached.ts';

const plans = { pessimisticMinor: 900, realisticMinor: 1_000, optimisticMinor: 1_200 };

describe('scenarioReached', () => {
  it('is below pessimistic under the pessimistic plan', () =>
    expect(scenarioReached(899, plans)).toBe('below-pessimistic'));
  it('counts reaching a plan exactly as reaching it', () => {
    expect(scenarioReached(900, plans)).toBe('pessimistic');
    expect(scenarioReached(1_000, plans)).toBe('realistic');
    expect(scenarioReached(1_200, plans)).toBe('optimistic');
  });
  it('lands between plans in the lower one', () => {
    expect(scenarioReached(999, plans)).toBe('pessimistic');
    expect(scenarioReached(1_199, plans)).toBe('realistic');
    expect(scenarioReached(5_000, plans)).toBe('optimistic');
  });
  it('reaches the highest of equal plans', () => {
    expect(scenarioReached(1_000, { pessimisticMinor: 1_000, realisticMinor: 1_000, optimisticMinor: 1_000 })).toBe(
      'optimistic',
    );
  });
});
