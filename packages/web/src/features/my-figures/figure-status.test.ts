import type { KpiCell } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import { cellStatus } from './figure-status.ts';

const cell = (over: Partial<KpiCell>): KpiCell => ({
  value: 5,
  absentReason: null,
  target: null,
  greenAt: null,
  amberAt: null,
  light: null,
  drillDown: null,
  ...over,
});

describe('cellStatus', () => {
  it('is the light when the cell has a value and a target', () => {
    expect(cellStatus(cell({ target: 10, greenAt: 10, amberAt: 7, light: 'red' }))).toBe('red');
    expect(cellStatus(cell({ target: 4, greenAt: 4, amberAt: 3, light: 'green' }))).toBe('green');
  });

  it('says no target when there is a value but no target', () => {
    expect(cellStatus(cell({}))).toBe('noTarget');
  });

  it('says why a value is absent', () => {
    expect(cellStatus(cell({ value: null, absentReason: 'no-source' }))).toBe('no-source');
    expect(cellStatus(cell({ value: null, absentReason: 'no-data', target: 3 }))).toBe('no-data');
    expect(cellStatus(cell({ value: null }))).toBe('no-data');
  });
});
