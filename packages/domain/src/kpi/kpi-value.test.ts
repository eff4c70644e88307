import { describe, expect, it } from 'vitest';
import { isRollupKpi, kpiValue, NotFromRollupError } from './kpi-value.ts';

describe('kpiValue', () => {
  it('gives a sum KPI its summed measure', () => {
    expect(kpiValue('calls-outbound', { calls_outbound: 42, calls_inbound: 7 })).toBe(42);
    expect(kpiValue('revenue', { revenue_minor: 12_345_678 })).toBe(12_345_678);
  });
  it('reads a missing measure of a sum KPI as 0 (nothing happened)', () => {
    expect(kpiValue('meetings-held', {})).toBe(0);
  });
  it('gives a percent ratio × 100: 17 of 20 tasks on time is 85 %', () => {
    // 17 / 20 = 0.85 → 85 %
    expect(kpiValue('tasks-on-time', { tasks_done_on_time: 17, tasks_due: 20 })).toBe(85);
  });
  it('adds a list of denominators first: 3 won and 9 lost is a 25 % win rate', () => {
    // 3 / (3 + 9) = 0.25 → 25 %
    expect(kpiValue('win-rate', { deals_won: 3, deals_lost: 9 })).toBe(25);
  });
  it('gives a non-percent ratio as the plain quotient: 9,000,000 ms over 4 leads', () => {
    // 9,000,000 / 4 = 2,250,000 ms = 37.5 minutes
    expect(kpiValue('response-time', { response_ms: 9_000_000, leads_responded: 4 })).toBe(2_250_000);
  });
  it('keeps a money ratio whole, rounding half up', () => {
    // 1,000,000 / 3 = 333,333.33… → 333,333; 5 / 2 = 2.5 → 3
    expect(kpiValue('average-deal', { won_amount_minor: 1_000_000, deals_won: 3 })).toBe(333_333);
    expect(kpiValue('average-deal', { won_amount_minor: 5, deals_won: 2 })).toBe(3);
  });
  it('is absent, not 0, when the denominator is 0', () => {
    expect(kpiValue('tasks-on-time', {})).toBeNull();
    expect(kpiValue('win-rate', { deals_won: 0, deals_lost: 0 })).toBeNull();
    expect(kpiValue('lead-to-won-time', { lead_to_won_ms: 0, won_from_lead: 0 })).toBeNull();
  });
  it('is 0 when the numerator is 0 and the denominator is not', () => {
    expect(kpiValue('win-rate', { deals_won: 0, deals_lost: 4 })).toBe(0);
  });
  it('gives stage conversion as Σ stage_advanced / Σ stage_entered in percent, absent with no entry', () => {
    // 3 of 8 entries moved further along: 37.5 %.
    expect(kpiValue('stage-conversion', { stage_entered: 8, stage_advanced: 3 })).toBe(37.5);
    expect(kpiValue('stage-conversion', { stage_entered: 0, stage_advanced: 0 })).toBeNull();
  });
  it('refuses KPIs that are not kept in the rollup', () => {
    expect(() => kpiValue('pipeline-coverage', {})).toThrow(NotFromRollupError);
    expect(() => kpiValue('quality-score', {})).toThrow(NotFromRollupError);
  });
  it('refuses a negative or fractional measure', () => {
    expect(() => kpiValue('calls-outbound', { calls_outbound: -1 })).toThrow(RangeError);
    expect(() => kpiValue('tasks-on-time', { tasks_done_on_time: 1, tasks_due: 2.5 })).toThrow(RangeError);
  });
});

describe('isRollupKpi', () => {
  it('is true for sum and ratio KPIs and false for snapshot and none', () => {
    expect(isRollupKpi('calls-outbound')).toBe(true);
    expect(isRollupKpi('win-rate')).toBe(true);
    expect(isRollupKpi('stage-conversion')).toBe(true);
    expect(isRollupKpi('pipeline-coverage')).toBe(false);
    expect(isRollupKpi('quality-score')).toBe(false);
  });
});
