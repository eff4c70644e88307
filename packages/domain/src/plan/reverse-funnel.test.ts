import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FunnelHistory, reverseFunnel } from './reverse-funnel.ts';

// Rep: 12 won of 30 closed (40 %), 1 800 000.00 RUB won (150 000.00 average), 40 opportunities
// from 100 meetings, 100 meetings from 500 calls.
const rep: FunnelHistory = {
  calls: 500,
  meetings: 100,
  opportunitiesOpened: 40,
  wonDeals: 12,
  lostDeals: 18,
  wonAmountMinor: 180_000_000,
};
// Team: 50 won of 200 closed (25 %), 5 000 000.00 RUB (100 000.00 average), 1 opportunity per
// 2 meetings, 1 meeting per 4 calls.
const team: FunnelHistory = {
  calls: 4_000,
  meetings: 1_000,
  opportunitiesOpened: 500,
  wonDeals: 50,
  lostDeals: 150,
  wonAmountMinor: 500_000_000,
};

describe('reverseFunnel', () => {
  it("walks 3 000 000.00 RUB down the rep's own funnel (hand-worked)", () => {
    const funnel = reverseFunnel({ goalMinor: 300_000_000, rep, team, workingDays: 21 });
    // 3 000 000 / 150 000 = 20 deals; 20 / 0.4 = 50 opportunities; 50 / 0.4 = 125 meetings;
    // 125 / 0.2 = 625 calls; per day over 21 days: 125 / 21 = 5.95 → 6, 625 / 21 = 29.76 → 30.
    expect(funnel).toMatchObject({
      dealsToWin: 20,
      opportunitiesToOpen: 50,
      meetingsToHold: 125,
      callsToMake: 625,
      meetingsPerDay: 6,
      callsPerDay: 30,
      repHistoryThin: false,
    });
    expect(funnel.figures).toEqual({
      averageDeal: 15_000_000,
      winRate: 0.4,
      opportunitiesPerMeeting: 0.4,
      meetingsPerCall: 0.2,
    });
    expect(Object.values(funnel.sources)).toEqual(['rep', 'rep', 'rep', 'rep']);
  });
  it('rounds every step up from the previous whole count', () => {
    // 3 000 000.01 RUB / 150 000.00 = 20.0000000667 → 21 deals; 21 / 0.4 = 52.5 → 53 opportunities;
    // 53 / 0.4 = 132.5 → 133 meetings; 133 / 0.2 = 665 calls.
    const funnel = reverseFunnel({ goalMinor: 300_000_001, rep, team, workingDays: 21 });
    expect([funnel.dealsToWin, funnel.opportunitiesToOpen, funnel.meetingsToHold, funnel.callsToMake]).toEqual([
      21, 53, 133, 665,
    ]);
  });
  it('uses the team figures for a rep with fewer than 10 closed deals, and says so', () => {
    const newcomer = {
      calls: 80,
      meetings: 20,
      opportunitiesOpened: 10,
      wonDeals: 5,
      lostDeals: 4,
      wonAmountMinor: 90_000_000,
    };
    const funnel = reverseFunnel({ goalMinor: 300_000_000, rep: newcomer, team, workingDays: 20 });
    // 3 000 000 / 100 000 = 30 deals; / 0.25 = 120 opportunities; / 0.5 = 240 meetings; / 0.25 = 960 calls.
    expect(funnel).toMatchObject({ dealsToWin: 30, opportunitiesToOpen: 120, meetingsToHold: 240, callsToMake: 960 });
    expect(funnel).toMatchObject({ meetingsPerDay: 12, callsPerDay: 48, repHistoryThin: true });
    expect(Object.values(funnel.sources)).toEqual(['team', 'team', 'team', 'team']);
  });
  it('counts the threshold as a setting and the rep at exactly the threshold as having enough', () => {
    const ten = { ...rep, wonDeals: 4, lostDeals: 6 };
    expect(reverseFunnel({ goalMinor: 1, rep: ten, team, workingDays: 1 }).repHistoryThin).toBe(false);
    expect(reverseFunnel({ goalMinor: 1, rep: ten, team, workingDays: 1, minClosedDeals: 11 }).repHistoryThin).toBe(
      true,
    );
  });
  it('takes a single figure from the team when the rep has none for it', () => {
    const noCalls = { ...rep, calls: 0 };
    const funnel = reverseFunnel({ goalMinor: 300_000_000, rep: noCalls, team, workingDays: 21 });
    expect(funnel.sources).toEqual({
      averageDeal: 'rep',
      winRate: 'rep',
      opportunitiesPerMeeting: 'rep',
      meetingsPerCall: 'team',
    });
    expect(funnel.callsToMake).toBe(500); // 125 meetings × 4 calls each
  });
  it('needs nothing for a zero goal', () => {
    expect(reverseFunnel({ goalMinor: 0, rep, team, workingDays: 21 })).toMatchObject({
      dealsToWin: 0,
      callsToMake: 0,
      callsPerDay: 0,
    });
  });
  it('refuses a period without working days, bad counts, and a funnel nobody has history for', () => {
    expect(() => reverseFunnel({ goalMinor: 1, rep, team, workingDays: 0 })).toThrow(
      expect.objectContaining({ code: 'no_working_days' }),
    );
    expect(() => reverseFunnel({ goalMinor: 1, rep: { ...rep, calls: -1 }, team, workingDays: 1 })).toThrow(
      expect.objectContaining({ code: 'invalid_number' }),
    );
    const empty = { calls: 0, meetings: 0, opportunitiesOpened: 0, wonDeals: 0, lostDeals: 0, wonAmountMinor: 0 };
    expect(() => reverseFunnel({ goalMinor: 1, rep: empty, team: empty, workingDays: 1 })).toThrow(
      expect.objectContaining({ code: 'no_funnel_history', details: { figure: 'averageDeal' } }),
    );
  });
  it('always plans enough: deals × average deal reaches the goal, and each step reaches the next', () => {
    // Average deals of 1 000.00 RUB to 10 000 000.00 RUB and goals up to 100 000 000.00 RUB keep
    // even the most lopsided funnels' call counts within safe integers.
    const history = fc
      .record({
        calls: fc.integer({ min: 1, max: 10_000 }),
        meetings: fc.integer({ min: 1, max: 5_000 }),
        opportunitiesOpened: fc.integer({ min: 1, max: 2_000 }),
        wonDeals: fc.integer({ min: 1, max: 500 }),
        lostDeals: fc.integer({ min: 0, max: 500 }),
        averageDealMinor: fc.integer({ min: 100_000, max: 1e9 }),
      })
      .map(({ averageDealMinor, ...h }) => ({
        ...h,
        wonAmountMinor: averageDealMinor * h.wonDeals + (averageDealMinor % 7),
      }));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        history,
        history,
        fc.integer({ min: 1, max: 260 }),
        (goal, r, t, days) => {
          const f = reverseFunnel({ goalMinor: goal, rep: r, team: t, workingDays: days });
          const h = (source: 'rep' | 'team') => (source === 'rep' ? r : t);
          const avg = h(f.sources.averageDeal);
          const win = h(f.sources.winRate);
          // Reaches the goal, and one deal fewer would not (exact, in BigInt).
          expect(BigInt(f.dealsToWin) * BigInt(avg.wonAmountMinor) >= BigInt(goal) * BigInt(avg.wonDeals)).toBe(true);
          if (f.dealsToWin > 0) {
            expect(BigInt(f.dealsToWin - 1) * BigInt(avg.wonAmountMinor) < BigInt(goal) * BigInt(avg.wonDeals)).toBe(
              true,
            );
          }
          expect(f.opportunitiesToOpen * win.wonDeals).toBeGreaterThanOrEqual(
            f.dealsToWin * (win.wonDeals + win.lostDeals),
          );
          expect(f.opportunitiesToOpen).toBeGreaterThanOrEqual(f.dealsToWin);
          expect(f.meetingsPerDay * days).toBeGreaterThanOrEqual(f.meetingsToHold);
          expect((f.meetingsPerDay - 1) * days).toBeLessThan(f.meetingsToHold === 0 ? 1 : f.meetingsToHold);
        },
      ),
    );
  });
});
