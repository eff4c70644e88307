import { DashboardPeriodKind, KpiAbsentReason, RedFlagKind, ScenarioLanding, TrafficLight } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import ru from '../../i18n/ru.json';

// The dashboard builds these keys from values at run time, which the check of literal t() calls
// cannot see: every value of the contract must have its text in both languages.

function missing(tree: unknown, prefix: string, values: readonly string[]): string[] {
  const node = prefix.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], tree);
  return values.filter((value) => typeof (node as Record<string, unknown> | undefined)?.[value] !== 'string');
}

describe.each([
  ['ru', ru],
  ['en', en],
])('dashboard translations (%s)', (_, tree) => {
  it('name every period', () => expect(missing(tree, 'dashboard.periods', DashboardPeriodKind.options)).toEqual([]));
  it('say every light in words, and a cell without one', () =>
    expect(missing(tree, 'dashboard.lights', [...TrafficLight.options, 'none'])).toEqual([]));
  it('explain every absent value', () =>
    expect(missing(tree, 'dashboard.absent', KpiAbsentReason.options)).toEqual([]));
  it('name every red flag kind and describe its figure', () => {
    expect(missing(tree, 'dashboard.flags.kinds', RedFlagKind.options)).toEqual([]);
    expect(missing(tree, 'dashboard.flags.figure', RedFlagKind.options)).toEqual([]);
  });
  it('name every scenario a forecast lands in', () =>
    expect(missing(tree, 'plans.progress.landing', ScenarioLanding.options)).toEqual([]));
});
