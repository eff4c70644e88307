import type { KpiCatalogId, KpiCatalogUnit, KpiTargetGrain, RepCardBucket } from '@pulse/contracts';
import { addDays, formatDay, parseDay } from '../../shared/format.ts';

// How the rep card turns the API's figures into text, and its period presets. The API keeps every
// figure in the KPI's own unit: minor units for money, milliseconds or seconds for times, 0–100
// for percents.

/** The unit of each KPI the card shows (the rollup KPIs of the catalog). */
export const KPI_UNITS: Readonly<Partial<Record<KpiCatalogId, KpiCatalogUnit>>> = {
  'tasks-on-time': 'percent',
  'calls-outbound': 'count',
  'calls-inbound': 'count',
  'talk-time': 'seconds',
  'meetings-held': 'count',
  'leads-new': 'count',
  'leads-qualified': 'count',
  'response-time': 'milliseconds',
  'lead-to-won-time': 'milliseconds',
  'deals-won': 'count',
  revenue: 'minor',
  'average-deal': 'minor',
  'win-rate': 'percent',
};

/** The KPIs drawn as charts, in this order. */
export const CHART_KPIS: readonly KpiCatalogId[] = [
  'calls-outbound',
  'meetings-held',
  'revenue',
  'deals-won',
  'win-rate',
  'response-time',
];

/** What a figure needs from the viewer's formatters (see useFormat). */
export interface FigureFormat {
  locale: string;
  /** Money in whole units of the card's currency. */
  money(minor: number): string;
  /** A span in milliseconds: '2 h 15 min'. */
  duration(ms: number): string;
  /** Shown for an absent figure. */
  none: string;
}

/** A KPI figure in words: money with its currency, times as hours and minutes, percents with %. */
export function formatKpiFigure(unit: KpiCatalogUnit, value: number | null, format: FigureFormat): string {
  if (value === null) return format.none;
  const number = (digits: number) => new Intl.NumberFormat(format.locale, { maximumFractionDigits: digits });
  switch (unit) {
    case 'minor':
      return format.money(value);
    case 'milliseconds':
      return format.duration(value);
    case 'seconds':
      return format.duration(value * 1000);
    case 'percent':
      return `${number(1).format(value)} %`;
    case 'ratio':
      return `${number(2).format(value)} ×`;
    default:
      return number(1).format(value);
  }
}

/** An advantage over the team's median as a signed percent: 0.25 → '+25 %', −0.5 → '−50 %'. */
export function formatAdvantage(advantage: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 0,
  }).format(advantage);
}

/** The periods the card offers; `custom` keeps what the user typed. */
export type PeriodPreset = 'thisMonth' | 'lastMonth' | 'last90' | 'custom';

/** A run of days, both ends inclusive, 'YYYY-MM-DD'. */
export interface DayRange {
  from: string;
  to: string;
}

/** The days of a preset as of `today` (in the viewer's zone): this month to date, all of last month, the last 90 days. */
export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, today: string): DayRange {
  const monthStart = `${today.slice(0, 7)}-01`;
  if (preset === 'thisMonth') return { from: monthStart, to: today };
  if (preset === 'lastMonth') {
    const to = addDays(monthStart, -1);
    return { from: `${to.slice(0, 7)}-01`, to };
  }
  return { from: addDays(today, -89), to: today };
}

/** What the card shows: a preset (or custom days) and the charts' grain. */
export interface CardPeriod {
  preset: PeriodPreset;
  range: DayRange;
  grain: KpiTargetGrain;
}

/** The presets and grains the card offers, in the order its controls list them. */
export const PRESETS: readonly PeriodPreset[] = ['thisMonth', 'lastMonth', 'last90', 'custom'];
export const GRAINS: readonly KpiTargetGrain[] = ['day', 'week', 'month'];

/**
 * The card's period from its URL (?period=lastMonth&grain=week, or ?period=custom&from=…&to=…), so
 * a link or a reload opens the same view: an unknown preset is this month, custom days that are
 * not days are empty (the page asks for them), an unknown grain is the preset's default.
 */
export function cardPeriodFromUrl(params: URLSearchParams, today: string): CardPeriod {
  const asked = params.get('period') as PeriodPreset | null;
  const preset = asked && PRESETS.includes(asked) ? asked : 'thisMonth';
  const range =
    preset === 'custom'
      ? { from: parseDay(params.get('from')) ?? '', to: parseDay(params.get('to')) ?? '' }
      : presetRange(preset, today);
  const grain = params.get('grain') as KpiTargetGrain | null;
  return { preset, range, grain: grain && GRAINS.includes(grain) ? grain : defaultGrain(range) };
}

/** The URL of a card period: only what differs from the defaults, days only for custom. */
export function cardPeriodToUrl(period: CardPeriod): URLSearchParams {
  const params = new URLSearchParams();
  if (period.preset !== 'thisMonth') params.set('period', period.preset);
  if (period.preset === 'custom') {
    if (period.range.from) params.set('from', period.range.from);
    if (period.range.to) params.set('to', period.range.to);
  }
  if (period.range.from && period.range.to && period.grain !== defaultGrain(period.range)) {
    params.set('grain', period.grain);
  }
  return params;
}

/** The grain that keeps a chart readable for a preset: days for a month, weeks for 90 days. */
export function defaultGrain(range: DayRange): KpiTargetGrain {
  const days = (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days <= 45) return 'day';
  return days <= 200 ? 'week' : 'month';
}

const SHORT_DAY: Intl.DateTimeFormatOptions = { dateStyle: undefined, day: 'numeric', month: 'short' };

/** A bucket's name on a chart's axis: its first day ('2 Mar') or, by month, the month ('Mar 2026'). */
export function bucketLabel(bucket: RepCardBucket, grain: KpiTargetGrain, locale: string): string {
  if (grain === 'month')
    return formatDay(bucket.from, locale, { dateStyle: undefined, month: 'short', year: 'numeric' });
  return formatDay(bucket.from, locale, SHORT_DAY);
}

/** A bucket in full, for a tooltip: the day, or its first and last day ('2 Mar – 8 Mar 2026'). */
export function bucketFullLabel(bucket: RepCardBucket, locale: string): string {
  if (bucket.from === bucket.to) return formatDay(bucket.from, locale);
  return `${formatDay(bucket.from, locale, SHORT_DAY)} – ${formatDay(bucket.to, locale)}`;
}
