import { describe, expect, it } from 'vitest';
import { seriesSummary } from './chart-option.ts';

describe('seriesSummary', () => {
  it('names each series by id and type with its non-empty points', () => {
    expect(
      seriesSummary({
        series: [
          { id: 'history', type: 'bar', data: [1, null, 3, '-'] },
          { id: 'forecast', type: 'line', data: [null, { value: 2, symbol: 'none' }, { value: null }] },
        ],
      }),
    ).toBe('history:bar:2 forecast:line:1');
  });
  it('falls back to the position for a series without an id, and is empty without series', () => {
    expect(seriesSummary({ series: { type: 'line', data: [[0, 1]] } })).toBe('0:line:1');
    expect(seriesSummary({})).toBe('');
  });
});
