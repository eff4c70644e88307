import { KpiCatalogId, KpiCatalogUnit, KpiTargetGrain, KpiTargetSource } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import ru from '../../i18n/ru.json';
import { TARGET_REFUSALS } from './kpi-target-errors.ts';
import type { InputUnit } from './kpi-target-values.ts';

// The KPI names are shared with the dashboard, and every key below is built from a value at run
// time, so the translation check of literal t() calls cannot see them: they are checked here.

const INPUT_UNITS: readonly InputUnit[] = ['money', 'minutes', 'count', 'percent', 'ratio', 'score'];

function missing(tree: unknown, prefix: string, values: readonly string[]): string[] {
  const node = prefix.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], tree);
  return values.filter((value) => typeof (node as Record<string, unknown> | undefined)?.[value] !== 'string');
}

describe.each([
  ['ru', ru],
  ['en', en],
])('KPI translations (%s)', (_, tree) => {
  it('name every KPI of the catalog', () => expect(missing(tree, 'kpi.names', KpiCatalogId.options)).toEqual([]));
  it('name every unit', () => expect(missing(tree, 'kpi.units', KpiCatalogUnit.options)).toEqual([]));
  it('name every grain and source', () => {
    expect(missing(tree, 'kpiTargets.grains', KpiTargetGrain.options)).toEqual([]);
    expect(missing(tree, 'kpiTargets.sources', KpiTargetSource.options)).toEqual([]);
  });
  it('explain every refusal', () =>
    expect(missing(tree, 'kpiTargets.refusals', [...TARGET_REFUSALS, 'stale'])).toEqual([]));
  it('label every input unit', () => expect(missing(tree, 'kpiTargets.inputUnits', INPUT_UNITS)).toEqual([]));
});
