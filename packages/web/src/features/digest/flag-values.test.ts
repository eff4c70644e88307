import type { RedFlag } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import { flagValues } from './flag-values.ts';

const flag = (over: Partial<RedFlag>): RedFlag => ({
  kind: 'overdue-tasks',
  user: { id: 'u1', fullName: 'Anna', unitId: null },
  figure: 7,
  limit: 5,
  unit: 'tasks',
  count: 7,
  recordIds: [],
  expectedBy: null,
  plan: null,
  drillDown: { list: 'tasks', query: 'assigneeId=u1&overdue=true' },
  ...over,
});

describe('flagValues', () => {
  const figure = (unit: RedFlag['unit'], value: number) => (unit === 'minor' ? `${value / 100} ₽` : `${value} ${unit}`);

  it('formats the figure and the limit in the flag unit', () => {
    expect(flagValues(flag({}), figure)).toEqual({ figure: '7 tasks', limit: '5 tasks', count: 7, time: '' });
    expect(
      flagValues(flag({ kind: 'forecast-below-pessimistic', unit: 'minor', figure: 150_000, limit: 200_000 }), figure),
    ).toMatchObject({ figure: '1500 ₽', limit: '2000 ₽' });
    expect(flagValues(flag({ kind: 'no-calls', unit: 'calls', expectedBy: '11:00' }), figure).time).toBe('11:00');
  });
});
