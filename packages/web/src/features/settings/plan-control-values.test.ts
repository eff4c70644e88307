import { describe, expect, it } from 'vitest';
import { planControlForm, planControlRequest } from './plan-control-values.ts';

const defaults = { achievabilityMarginBp: 2000, thinHistoryDeals: 10, callsExpectedBy: '12:00', overdueTasksLimit: 3 };

describe('plan and daily-control form values', () => {
  it('shows the margin in percent and sends it back in basis points', () => {
    const form = planControlForm(defaults);
    expect(form).toEqual({ marginPercent: 20, thinHistoryDeals: 10, callsExpectedBy: '12:00', overdueTasksLimit: 3 });
    expect(planControlRequest(form)).toEqual({ ok: true, data: defaults });
    expect(planControlRequest({ ...form, marginPercent: 12.5 })).toMatchObject({
      data: { achievabilityMarginBp: 1250 },
    });
    // 0.1 × 100 is 10.000000000000002 in floating point; the request still carries 10.
    expect(planControlRequest({ ...form, marginPercent: 0.1 })).toMatchObject({ data: { achievabilityMarginBp: 10 } });
  });
  it('names each field out of range, empty or badly formatted', () => {
    const form = planControlForm(defaults);
    expect(planControlRequest({ ...form, marginPercent: 100.01 })).toEqual({
      ok: false,
      fields: ['achievabilityMarginBp'],
    });
    expect(planControlRequest({ ...form, marginPercent: '' })).toEqual({
      ok: false,
      fields: ['achievabilityMarginBp'],
    });
    expect(
      planControlRequest({ ...form, thinHistoryDeals: 0, callsExpectedBy: '24:00', overdueTasksLimit: 1001 }),
    ).toEqual({
      ok: false,
      fields: ['thinHistoryDeals', 'callsExpectedBy', 'overdueTasksLimit'],
    });
    expect(planControlRequest({ ...form, overdueTasksLimit: 2.5 })).toEqual({
      ok: false,
      fields: ['overdueTasksLimit'],
    });
  });
});
