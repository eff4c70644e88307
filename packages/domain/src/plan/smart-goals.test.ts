import { describe, expect, it } from 'vitest';
import { russianWorkCalendar } from '../calendar/index.ts';
import type { FunnelHistory } from './reverse-funnel.ts';
import { buildSmartGoals } from './smart-goals.ts';

const russia = russianWorkCalendar();
const rep: FunnelHistory = {
  calls: 500,
  meetings: 100,
  opportunitiesOpened: 40,
  wonDeals: 12,
  lostDeals: 18,
  wonAmountMinor: 180_000_000,
};
const team: FunnelHistory = {
  calls: 4_000,
  meetings: 1_000,
  opportunitiesOpened: 500,
  wonDeals: 50,
  lostDeals: 150,
  wonAmountMinor: 500_000_000,
};

describe('buildSmartGoals', () => {
  it("turns a March 2026 goal of 3 000 000.00 RUB into five goals tied to the rep's plan line", () => {
    // March 2026 has 21 working days; the funnel is the one worked out in reverse-funnel.test.ts.
    const result = buildSmartGoals({
      planLineId: 'line-ivanova-2026-03',
      goalMinor: 300_000_000,
      from: '2026-03-01',
      to: '2026-03-31',
      calendar: russia,
      rep,
      team,
      bestMonthMinor: 240_000_000,
    });
    const period = { planLineId: 'line-ivanova-2026-03', from: '2026-03-01', to: '2026-03-31' };
    expect(result.goals).toEqual([
      { metric: 'revenue', target: 300_000_000, ...period },
      { metric: 'deals-won', target: 20, ...period },
      { metric: 'opportunities-opened', target: 50, ...period },
      { metric: 'meetings-per-day', target: 6, ...period },
      { metric: 'calls-per-day', target: 30, ...period },
    ]);
    // Best month 2 400 000.00 + 20 % = 2 880 000.00 < 3 000 000.00: flagged.
    expect(result.achievability).toEqual({ flagged: true, limitMinor: 288_000_000, basis: 'best-month' });
  });
  it('checks a quarter against three best months', () => {
    const result = buildSmartGoals({
      planLineId: 'q',
      goalMinor: 800_000_000,
      from: '2026-04-01',
      to: '2026-06-30',
      calendar: russia,
      rep,
      team,
      bestMonthMinor: 240_000_000,
    });
    expect(result.achievability).toMatchObject({ flagged: false, limitMinor: 864_000_000 });
    expect(result.funnel.workingDays).toBe(62);
  });
  it("takes the organisation's thin-history threshold and margin instead of the defaults", () => {
    // The rep has closed 30 deals: at a threshold of 31 every figure is the team's —
    // average 10 000 000 → ⌈300 000 000 / 10 000 000⌉ = 30 deals, ⌈30 × 200 / 50⌉ = 120
    // opportunities, ⌈120 × 1 000 / 500⌉ = 240 meetings → ⌈240 / 21⌉ = 12 a day,
    // ⌈240 × 4 000 / 1 000⌉ = 960 calls → ⌈960 / 21⌉ = 46 a day. A 25 % margin on 2 400 000.00
    // allows exactly 3 000 000.00, so the goal is not flagged (it is at the default 20 %).
    const result = buildSmartGoals({
      planLineId: 'p',
      goalMinor: 300_000_000,
      from: '2026-03-01',
      to: '2026-03-31',
      calendar: russia,
      rep,
      team,
      bestMonthMinor: 240_000_000,
      minClosedDeals: 31,
      marginBp: 2_500,
    });
    expect(result.goals.map((goal) => goal.target)).toEqual([300_000_000, 30, 120, 12, 46]);
    expect(result.funnel.repHistoryThin).toBe(true);
    expect(result.achievability).toEqual({ flagged: false, limitMinor: 300_000_000, basis: 'best-month' });
  });
  it('refuses a period that ends before it starts', () => {
    const input = { planLineId: 'x', goalMinor: 1, calendar: russia, rep, team, bestMonthMinor: null };
    expect(() => buildSmartGoals({ ...input, from: '2026-03-31', to: '2026-03-01' })).toThrow(
      expect.objectContaining({ code: 'invalid_period' }),
    );
  });
});
