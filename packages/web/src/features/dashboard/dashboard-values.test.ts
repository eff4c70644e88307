import type { RedFlag, Unit } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../shared/format.ts';
import {
  appPath,
  flagHref,
  flagsByKind,
  formatFlagFigure,
  formatKpiValue,
  formatRatioPercent,
  lightLook,
  parsePeriod,
  unitsInScope,
  type ValueFormat,
} from './dashboard-values.ts';

const NBSP = /[\u00a0\u202f]/g;
const en: ValueFormat = {
  locale: 'en',
  currency: 'RUB',
  duration: (ms) => `${Math.floor(ms / 3_600_000)} h ${Math.round((ms % 3_600_000) / 60_000)} min`,
};
const ru: ValueFormat = { ...en, locale: 'ru' };

function flag(patch: Partial<RedFlag>): RedFlag {
  return {
    kind: 'overdue-tasks',
    user: { id: '00000000-0000-4000-8000-000000000001', fullName: 'Anna', unitId: null },
    figure: 3,
    limit: 2,
    unit: 'tasks',
    count: 3,
    recordIds: [],
    expectedBy: null,
    plan: null,
    drillDown: null,
    ...patch,
  };
}

describe('formatKpiValue', () => {
  it('shows money in whole units of the currency', () => {
    expect(formatKpiValue('minor', 123_456_789, ru).replace(NBSP, ' ')).toBe('1 234 568 ₽');
    expect(formatKpiValue('minor', 150, en)).toBe('₽2');
  });
  it('shows percents with one decimal at most', () => {
    expect(formatKpiValue('percent', 66.6666, en)).toBe('66.7 %');
    expect(formatKpiValue('percent', 50, ru)).toBe('50 %');
  });
  it('shows times as hours and minutes, from milliseconds or seconds', () => {
    expect(formatKpiValue('milliseconds', 8_100_000, en)).toBe('2 h 15 min');
    expect(formatKpiValue('seconds', 5_400, en)).toBe('1 h 30 min');
  });
  it('shows coverage as a multiple and counts as numbers', () => {
    expect(formatKpiValue('ratio', 1.256, en)).toBe('1.26×');
    expect(formatKpiValue('count', 12, en)).toBe('12');
    expect(formatKpiValue('count', 1234, ru).replace(NBSP, ' ')).toBe('1 234');
    expect(formatKpiValue('score', 4.25, en)).toBe('4.3');
  });
});

describe('formatRatioPercent', () => {
  it('turns an attainment ratio into a whole percent', () => {
    expect(formatRatioPercent(0.874, en.locale)).toBe('87 %');
    expect(formatRatioPercent(1.2, en.locale)).toBe('120 %');
  });
});

describe('lightLook', () => {
  it('gives each light its own colour and symbol, and none to a cell without a target', () => {
    expect(lightLook('green')).toEqual({ color: 'green', symbol: '✓' });
    expect(lightLook('amber')).toEqual({ color: 'yellow', symbol: '!' });
    expect(lightLook('red')).toEqual({ color: 'red', symbol: '✕' });
    expect(lightLook(null).symbol).toBe('');
    const symbols = new Set(['green', 'amber', 'red'].map((light) => lightLook(light as 'green').symbol));
    expect(symbols.size).toBe(3);
  });
});

describe('parsePeriod', () => {
  it('takes week and month from the URL and falls back to today', () => {
    expect(parsePeriod('week')).toBe('week');
    expect(parsePeriod('month')).toBe('month');
    expect(parsePeriod(null)).toBe('today');
    expect(parsePeriod('year')).toBe('today');
  });
});

describe('parseDay', () => {
  it('takes a calendar day from the URL and nothing else', () => {
    expect(parseDay('2026-11-20')).toBe('2026-11-20');
    expect(parseDay('2026-13-40')).toBeNull();
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('yesterday')).toBeNull();
    expect(parseDay(null)).toBeNull();
  });
});

describe('appPath', () => {
  it('links only paths of this app', () => {
    expect(appPath('/tasks?assigneeId=1')).toBe('/tasks?assigneeId=1');
    expect(appPath(null)).toBeNull();
    expect(appPath('https://example.com/')).toBeNull();
    expect(appPath('//example.com/')).toBeNull();
  });
});

describe('flagHref', () => {
  it('opens the list of the flag with its query', () => {
    const rotting = flag({
      kind: 'rotting-deals',
      drillDown: { list: 'deals', query: 'ownerId=u1&status=open&rotting=true' },
    });
    expect(flagHref(rotting)).toBe('/deals?ownerId=u1&status=open&rotting=true');
    const tasks = flag({ drillDown: { list: 'tasks', query: 'assigneeId=u1&overdue=true' } });
    expect(flagHref(tasks)).toBe('/tasks?assigneeId=u1&overdue=true');
    const leads = flag({ kind: 'waiting-leads', drillDown: { list: 'leads', query: 'takerId=u1&waiting=overdue' } });
    expect(flagHref(leads)).toBe('/leads?takerId=u1&waiting=overdue');
  });
  it("passes the no-calls flag's days to the activities list as they are", () => {
    const noCalls = flag({
      kind: 'no-calls',
      drillDown: { list: 'activities', query: 'userId=u1&kind=call&from=2026-11-25&to=2026-11-25' },
    });
    expect(flagHref(noCalls)).toBe('/activities?userId=u1&kind=call&from=2026-11-25&to=2026-11-25');
  });
  it('opens the bare list for an empty query and has no link without a drill-down', () => {
    expect(flagHref(flag({ drillDown: { list: 'deals', query: '' } }))).toBe('/deals');
    expect(flagHref(flag({}))).toBeNull();
  });
});

describe('flagsByKind', () => {
  it("groups flags in the contract's order and leaves out kinds without flags", () => {
    const groups = flagsByKind([
      flag({ kind: 'waiting-leads' }),
      flag({ kind: 'no-calls' }),
      flag({ kind: 'waiting-leads' }),
    ]);
    expect(groups.map((group) => [group.kind, group.flags.length])).toEqual([
      ['no-calls', 1],
      ['waiting-leads', 2],
    ]);
  });
});

describe('formatFlagFigure', () => {
  it('reads minutes as h/min, money as money and the rest as whole numbers', () => {
    expect(formatFlagFigure('minutes', 135, en)).toBe('2 h 15 min');
    expect(formatFlagFigure('minor', 500_000, en)).toBe('₽5,000');
    expect(formatFlagFigure('days', 14, en)).toBe('14');
  });
});

describe('unitsInScope', () => {
  const unit = (id: string): Unit => ({ id, parentId: null, name: id, kind: 'team', headUserId: null, memberCount: 1 });
  const units = [unit('a'), unit('b'), unit('c')];
  it('offers a head the units of their scope and an organisation-wide role every unit', () => {
    expect(unitsInScope(units, { kind: 'subtree', unitIds: ['b', 'c'] }).map((u) => u.id)).toEqual(['b', 'c']);
    expect(unitsInScope(units, { kind: 'organisation', unitIds: [] })).toHaveLength(3);
  });
});
