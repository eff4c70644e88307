import { describe, expect, it } from 'vitest';
import { defaultThresholds, trafficLight, validateThresholds } from './thresholds.ts';

describe('validateThresholds', () => {
  it('accepts a higher-is-better target with amber below green', () => {
    expect(validateThresholds({ kpi: 'calls-outbound', target: 40, greenAt: 40, amberAt: 32 })).toEqual([]);
  });
  it('accepts amber equal to green (no amber band)', () => {
    expect(validateThresholds({ kpi: 'calls-outbound', target: 40, greenAt: 40, amberAt: 40 })).toEqual([]);
  });
  it('refuses amber above green when higher is better', () => {
    expect(validateThresholds({ kpi: 'calls-outbound', target: 40, greenAt: 40, amberAt: 41 })).toEqual([
      { field: 'amberAt', code: 'thresholds_out_of_order' },
    ]);
  });
  it('accepts a lower-is-better target with amber above green', () => {
    expect(validateThresholds({ kpi: 'response-time', target: 60_000, greenAt: 60_000, amberAt: 72_000 })).toEqual([]);
  });
  it('refuses amber below green when lower is better', () => {
    expect(validateThresholds({ kpi: 'response-time', target: 60_000, greenAt: 60_000, amberAt: 59_999 })).toEqual([
      { field: 'amberAt', code: 'thresholds_out_of_order' },
    ]);
  });
  it('refuses an unknown KPI id and looks no further', () => {
    expect(validateThresholds({ kpi: 'happiness', target: -1, greenAt: 1, amberAt: 2 })).toEqual([
      { field: 'kpi', code: 'unknown_kpi' },
    ]);
  });
  it('refuses negative, infinite and NaN figures by field', () => {
    expect(
      validateThresholds({ kpi: 'pipeline-coverage', target: -0.5, greenAt: Number.POSITIVE_INFINITY, amberAt: NaN }),
    ).toEqual([
      { field: 'target', code: 'negative' },
      { field: 'greenAt', code: 'not_finite' },
      { field: 'amberAt', code: 'not_finite' },
    ]);
  });
  it('refuses fractions of whole units (money, counts, seconds, milliseconds)', () => {
    expect(validateThresholds({ kpi: 'revenue', target: 100.5, greenAt: 100, amberAt: 80 })).toEqual([
      { field: 'target', code: 'not_whole' },
    ]);
    expect(validateThresholds({ kpi: 'talk-time', target: 3600, greenAt: 3600.1, amberAt: 3000 })).toEqual([
      { field: 'greenAt', code: 'not_whole' },
    ]);
    expect(validateThresholds({ kpi: 'response-time', target: 1, greenAt: 1, amberAt: 1.5 })).toEqual([
      { field: 'amberAt', code: 'not_whole' },
    ]);
  });
  it('accepts fractions of percents and ratios', () => {
    expect(validateThresholds({ kpi: 'win-rate', target: 32.5, greenAt: 32.5, amberAt: 26 })).toEqual([]);
    expect(validateThresholds({ kpi: 'pipeline-coverage', target: 2.5, greenAt: 2.5, amberAt: 1.75 })).toEqual([]);
  });
  it('keeps percents within 0…100: 100 is fine, 100.01 is not', () => {
    expect(validateThresholds({ kpi: 'tasks-on-time', target: 100, greenAt: 100, amberAt: 90 })).toEqual([]);
    expect(validateThresholds({ kpi: 'tasks-on-time', target: 100.01, greenAt: 100, amberAt: 90 })).toEqual([
      { field: 'target', code: 'percent_above_100' },
    ]);
  });
  it('does not judge the order of thresholds when one of them is invalid', () => {
    expect(validateThresholds({ kpi: 'calls-outbound', target: 40, greenAt: 40, amberAt: 50.5 })).toEqual([
      { field: 'amberAt', code: 'not_whole' },
    ]);
  });
});

describe('defaultThresholds', () => {
  it('puts green at the target and amber at 80 % of it when higher is better', () => {
    expect(defaultThresholds('revenue', 1_000_000)).toEqual({ greenAt: 1_000_000, amberAt: 800_000 });
  });
  it('puts amber at 120 % of the target when lower is better', () => {
    expect(defaultThresholds('response-time', 600_000)).toEqual({ greenAt: 600_000, amberAt: 720_000 });
  });
  it('rounds amber to a whole number for whole units: 80 % of 7 calls is 6', () => {
    expect(defaultThresholds('calls-outbound', 7)).toEqual({ greenAt: 7, amberAt: 6 });
    expect(defaultThresholds('meetings-held', 2)).toEqual({ greenAt: 2, amberAt: 2 });
  });
  it('keeps fractions for percents and ratios, without binary noise', () => {
    expect(defaultThresholds('pipeline-coverage', 0.3)).toEqual({ greenAt: 0.3, amberAt: 0.24 });
    expect(defaultThresholds('win-rate', 35)).toEqual({ greenAt: 35, amberAt: 28 });
  });
  it('gives zero thresholds for a zero target', () => {
    expect(defaultThresholds('deals-won', 0)).toEqual({ greenAt: 0, amberAt: 0 });
  });
  it('always passes its own validation', () => {
    for (const [kpi, target] of [
      ['calls-outbound', 13],
      ['response-time', 7],
      ['tasks-on-time', 95],
      ['revenue', 1_234_567],
    ] as const) {
      const thresholds = defaultThresholds(kpi, target);
      expect(validateThresholds({ kpi, target, ...thresholds })).toEqual([]);
    }
  });
});

describe('trafficLight', () => {
  const calls = { kpi: 'calls-outbound', greenAt: 40, amberAt: 32 } as const;
  it('is green exactly at greenAt when higher is better', () =>
    expect(trafficLight({ ...calls, value: 40 })).toBe('green'));
  it('is green above greenAt', () => expect(trafficLight({ ...calls, value: 55 })).toBe('green'));
  it('is amber just below greenAt', () => expect(trafficLight({ ...calls, value: 39 })).toBe('amber'));
  it('is amber exactly at amberAt', () => expect(trafficLight({ ...calls, value: 32 })).toBe('amber'));
  it('is red just below amberAt', () => expect(trafficLight({ ...calls, value: 31.99 })).toBe('red'));
  it('is red at zero', () => expect(trafficLight({ ...calls, value: 0 })).toBe('red'));

  const response = { kpi: 'response-time', greenAt: 600_000, amberAt: 720_000 } as const;
  it('is green exactly at greenAt when lower is better', () =>
    expect(trafficLight({ ...response, value: 600_000 })).toBe('green'));
  it('is green below greenAt when lower is better', () =>
    expect(trafficLight({ ...response, value: 0 })).toBe('green'));
  it('is amber just above greenAt', () => expect(trafficLight({ ...response, value: 600_001 })).toBe('amber'));
  it('is amber exactly at amberAt when lower is better', () =>
    expect(trafficLight({ ...response, value: 720_000 })).toBe('amber'));
  it('is red just above amberAt', () => expect(trafficLight({ ...response, value: 720_001 })).toBe('red'));

  it('has no colour for an absent value', () => {
    expect(trafficLight({ ...calls, value: null })).toBeNull();
    expect(trafficLight({ ...calls, value: undefined })).toBeNull();
    expect(trafficLight({ ...response, value: NaN })).toBeNull();
  });
  it('skips amber when amberAt equals greenAt', () => {
    expect(trafficLight({ kpi: 'deals-won', greenAt: 5, amberAt: 5, value: 4 })).toBe('red');
  });
});
