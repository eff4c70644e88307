import { describe, expect, it } from 'vitest';
import { validateKpp } from './kpp.ts';

describe('validateKpp', () => {
  it('accepts nine digits (Sberbank, 773601001)', () => expect(validateKpp('773601001')).toEqual({ ok: true }));
  it('accepts capital Latin letters in the reason code, positions 5–6', () => {
    expect(validateKpp('7736AB001')).toEqual({ ok: true });
    expect(validateKpp('77360Z001')).toEqual({ ok: true });
  });
  it('refuses letters outside positions 5–6, lower case, Cyrillic and wrong lengths', () => {
    for (const bad of [
      '',
      '77360100',
      '7736010011',
      'A73601001',
      '773601A01',
      '7736ab001',
      '7736АВ001',
      '7736 01001',
    ]) {
      expect(validateKpp(bad)).toEqual({ ok: false, reason: 'format' });
    }
  });
});
