import { describe, expect, it } from 'vitest';
import { clientLifecycle, DEFAULT_DORMANT_AFTER_DAYS, DEFAULT_LOST_AFTER_DAYS } from './lifecycle.ts';

// Pinned "today": 2026-06-30. Day offsets below were counted by hand:
// 90 days before is 2026-04-01 (30 in June + 31 in May + 29 more back into April: 1 April),
// 365 days before is 2025-06-30 (no 29 February between them).
const today = '2026-06-30';
const defaults = { today, dormantAfterDays: DEFAULT_DORMANT_AFTER_DAYS, lostAfterDays: DEFAULT_LOST_AFTER_DAYS };
const stage = (purchaseDays: string[]) => clientLifecycle({ ...defaults, purchaseDays });

describe('clientLifecycle', () => {
  it('calls a client with no purchases new', () => expect(stage([])).toBe('new'));
  it('calls a client with one purchase today active', () => expect(stage(['2026-06-30'])).toBe('active'));
  it('calls two purchases on the same day active, not repeat', () => {
    expect(stage(['2026-06-10', '2026-06-10'])).toBe('active');
  });
  it('calls purchases on two distinct days repeat, in any order', () => {
    expect(stage(['2026-06-10', '2026-05-01'])).toBe('repeat');
  });

  describe('at the dormant boundary (90 days)', () => {
    it('keeps a client whose last purchase was exactly 90 days ago active', () => {
      expect(stage(['2026-04-01'])).toBe('active');
    });
    it('calls a client whose last purchase was 91 days ago dormant', () => {
      expect(stage(['2026-03-31'])).toBe('dormant');
    });
    it('judges by the last purchase: an old one and one 90 days ago make repeat', () => {
      expect(stage(['2024-01-01', '2026-04-01'])).toBe('repeat');
    });
  });

  describe('at the lost boundary (365 days)', () => {
    it('keeps a client whose last purchase was exactly 365 days ago dormant', () => {
      expect(stage(['2025-06-30'])).toBe('dormant');
    });
    it('calls a client whose last purchase was 366 days ago lost', () => {
      expect(stage(['2025-06-29'])).toBe('lost');
    });
    it('calls a repeat buyer who stopped long ago lost, not repeat', () => {
      expect(stage(['2025-01-01', '2025-03-01'])).toBe('lost');
    });
  });

  it('ignores purchases after today, so a past snapshot is right', () => {
    expect(stage(['2026-07-01'])).toBe('new');
    expect(stage(['2026-03-31', '2026-07-01'])).toBe('dormant');
  });
  it('counts across a leap day: 2024-02-29 is included in the gap', () => {
    // 2024-03-01 minus 91 days: 1 March back to 1 December 2023 is 29 + 31 + 31 = 91 days.
    expect(clientLifecycle({ ...defaults, today: '2024-03-01', purchaseDays: ['2023-12-01'] })).toBe('dormant');
    expect(clientLifecycle({ ...defaults, today: '2024-03-01', purchaseDays: ['2023-12-02'] })).toBe('active');
  });
  it('uses the thresholds it is given', () => {
    const strict = { today, dormantAfterDays: 0, lostAfterDays: 1 };
    expect(clientLifecycle({ ...strict, purchaseDays: ['2026-06-30'] })).toBe('active');
    expect(clientLifecycle({ ...strict, purchaseDays: ['2026-06-29'] })).toBe('dormant');
    expect(clientLifecycle({ ...strict, purchaseDays: ['2026-06-28'] })).toBe('lost');
  });
  it('refuses dormantAfterDays that is not less than lostAfterDays', () => {
    expect(() => clientLifecycle({ today, purchaseDays: [], dormantAfterDays: 90, lostAfterDays: 90 })).toThrow(
      RangeError,
    );
    expect(() => clientLifecycle({ today, purchaseDays: [], dormantAfterDays: 100, lostAfterDays: 90 })).toThrow(
      RangeError,
    );
  });
  it('refuses negative or fractional thresholds', () => {
    expect(() => clientLifecycle({ today, purchaseDays: [], dormantAfterDays: -1, lostAfterDays: 90 })).toThrow(
      RangeError,
    );
    expect(() => clientLifecycle({ today, purchaseDays: [], dormantAfterDays: 1.5, lostAfterDays: 90 })).toThrow(
      RangeError,
    );
  });
  it('refuses days that are not real YYYY-MM-DD dates', () => {
    expect(() => stage(['2026-02-30'])).toThrow(RangeError);
    expect(() => clientLifecycle({ ...defaults, today: '30.06.2026', purchaseDays: [] })).toThrow(RangeError);
  });
});
