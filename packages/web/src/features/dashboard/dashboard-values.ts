import {
  type DashboardPeriodKind,
  type DashboardPlan,
  type KpiCatalogUnit,
  type RedFlag,
  RedFlagKind,
  type TrafficLight,
  type Unit,
} from '@pulse/contracts';
import { formatMoney } from '../../shared/money.ts';

// Pure rules of the Pulse dashboard page: how a figure reads in its unit, what a traffic light
// looks like (never colour alone), and where a figure or a red flag drills down to.

/** What formatting depends on: the viewer's language, the organisation's currency, and h/min wording. */
export interface ValueFormat {
  locale: string;
  currency: string;
  /** A span in milliseconds in words, e.g. '2 h 15 min' (useFormat().duration). */
  duration(ms: number): string;
}

function number(value: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/**
 * A KPI figure in its unit: money in whole currency units, percents with %, times as h/min,
 * coverage as ×, counts and scores as numbers.
 */
export function formatKpiValue(unit: KpiCatalogUnit, value: number, format: ValueFormat): string {
  switch (unit) {
    case 'minor':
      return formatMoney(Math.round(value), format.currency, format.locale, { whole: true });
    case 'percent':
      return `${number(value, format.locale)} %`;
    case 'milliseconds':
      return format.duration(value);
    case 'seconds':
      return format.duration(value * 1000);
    case 'ratio':
      return `${number(value, format.locale, 2)}×`;
    case 'count':
    case 'score':
      return number(value, format.locale);
  }
}

/** A ratio where 1 is 100 % (plan attainment) as a whole percent. */
export function formatRatioPercent(ratio: number, locale: string): string {
  return `${number(ratio * 100, locale, 0)} %`;
}

/** How a traffic light shows: a Mantine colour plus a symbol, so it reads without colour too. */
export interface LightLook {
  color: string;
  symbol: string;
}

const LIGHTS: Readonly<Record<TrafficLight | 'none', LightLook>> = {
  green: { color: 'green', symbol: '✓' },
  amber: { color: 'yellow', symbol: '!' },
  red: { color: 'red', symbol: '✕' },
  none: { color: 'gray', symbol: '' },
};

export function lightLook(light: TrafficLight | null): LightLook {
  return LIGHTS[light ?? 'none'];
}

/** The period of the URL (?period=week); anything else is today. */
export function parsePeriod(value: string | null): DashboardPeriodKind {
  return value === 'week' || value === 'month' ? value : 'today';
}

/**
 * An in-app path for a drill-down, or null: only a path of this app (starting with one '/') is
 * turned into a link, so a figure can never point the head somewhere else.
 */
export function appPath(drillDown: string | null | undefined): string | null {
  return drillDown?.startsWith('/') && !drillDown.startsWith('//') ? drillDown : null;
}

/** The web list of each drill-down list; a list endpoint and its page share the name. */
const LIST_PATHS: Readonly<Record<NonNullable<RedFlag['drillDown']>['list'], string>> = {
  activities: '/activities',
  tasks: '/tasks',
  deals: '/deals',
  leads: '/leads',
};

/**
 * The list page that shows the records behind a flag, with the flag's filters. The server gives
 * them as the web lists take them (periods as local days), so they pass through unchanged.
 */
export function flagHref(flag: Pick<RedFlag, 'drillDown'>): string | null {
  if (!flag.drillDown) return null;
  const { list, query } = flag.drillDown;
  return query ? `${LIST_PATHS[list]}?${query}` : LIST_PATHS[list];
}

/** Flags grouped by kind in the contract's order; kinds without flags are left out. */
export function flagsByKind(flags: readonly RedFlag[]): { kind: RedFlagKind; flags: RedFlag[] }[] {
  return RedFlagKind.options
    .map((kind) => ({ kind, flags: flags.filter((flag) => flag.kind === kind) }))
    .filter((group) => group.flags.length > 0);
}

/** A flag's figure or limit in its unit: minutes of waiting as h/min, money as money, the rest as numbers. */
export function formatFlagFigure(unit: RedFlag['unit'], value: number, format: ValueFormat): string {
  if (unit === 'minutes') return format.duration(value * 60_000);
  if (unit === 'minor') return formatMoney(value, format.currency, format.locale, { whole: true });
  return number(value, format.locale, 0);
}

/**
 * The units the unit picker offers: the whole organisation for organisation-wide roles, otherwise
 * the units of the caller's scope (a head's scope already lists their whole subtree).
 */
export function unitsInScope(units: readonly Unit[], scope: { kind: string; unitIds: readonly string[] }): Unit[] {
  if (scope.kind === 'organisation') return [...units];
  const allowed = new Set(scope.unitIds);
  return units.filter((unit) => allowed.has(unit.id));
}

/** Above this many rows the grid draws only the rows in view. */
export const VIRTUALISE_AFTER = 40;

/** Where a rep's card lives (features/rep-card). */
export function repCardPath(userId: string): string {
  return `/people/${encodeURIComponent(userId)}/card`;
}

/** The colour of the scenario a forecast lands in. */
export const LANDING_COLOR: Readonly<Record<DashboardPlan['forecastScenario'], string>> = {
  'below-pessimistic': 'red',
  pessimistic: 'orange',
  realistic: 'blue',
  optimistic: 'green',
};
