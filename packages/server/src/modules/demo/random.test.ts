import { describe, expect, it } from 'vitest';
import { createRandom, idMaker } from './random.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    const a = createRandom(42, 'deals');
    const b = createRandom(42, 'deals');
    expect(Array.from({ length: 100 }, () => a.next())).toEqual(Array.from({ length: 100 }, () => b.next()));
  });
  it('gives another sequence for another stream or seed', () => {
    const first = createRandom(42, 'deals').next();
    expect(createRandom(42, 'leads').next()).not.toBe(first);
    expect(createRandom(43, 'deals').next()).not.toBe(first);
  });
  it('stays in [0, 1) and int stays within its inclusive bounds', () => {
    const rng = createRandom(1, 'bounds');
    const floats = Array.from({ length: 10_000 }, () => rng.next());
    const ints = new Set(Array.from({ length: 10_000 }, () => rng.int(3, 5)));
    expect(floats.every((x) => x >= 0 && x < 1)).toBe(true);
    expect([...ints].sort()).toEqual([3, 4, 5]);
  });
  it('draws counts around their mean', () => {
    const rng = createRandom(1, 'counts');
    for (const mean of [0.5, 8, 40]) {
      let total = 0;
      for (let i = 0; i < 20_000; i++) total += rng.count(mean);
      expect(total / 20_000).toBeCloseTo(mean, 0);
    }
  });
  it('never picks a zero weight', () => {
    const rng = createRandom(1, 'weights');
    const picks = new Set(Array.from({ length: 1_000 }, () => rng.weighted([0, 3, 0, 1])));
    expect([...picks].sort()).toEqual([1, 3]);
  });
});

describe('idMaker', () => {
  it('makes well-formed v4 UUIDs, distinct for distinct indexes', () => {
    const id = idMaker(42, 'activity');
    const ids = new Set(Array.from({ length: 100_000 }, (_, i) => id(i)));
    expect(ids.size).toBe(100_000);
    expect([...ids].slice(0, 1_000).every((value) => UUID_V4.test(value))).toBe(true);
  });
  it('is a pure function of seed, kind and index', () => {
    expect(idMaker(42, 'deal')(7)).toBe(idMaker(42, 'deal')(7));
    expect(idMaker(42, 'deal')(7)).not.toBe(idMaker(42, 'lead')(7));
    expect(idMaker(42, 'deal')(7)).not.toBe(idMaker(43, 'deal')(7));
  });
});
