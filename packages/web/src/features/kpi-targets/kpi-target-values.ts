import type { KpiCatalogEntry, KpiCatalogUnit } from '@pulse/contracts';
import { formatMoney, minorDigits, minorToDecimal, parseMoneyInput } from '../../shared/money.ts';

// How a KPI figure is typed and shown: money in major units, times in minutes, the rest as is.
// The API keeps every figure in the KPI's own unit (minor units, seconds, milliseconds).

/** The unit a figure is typed and shown in on this page. */
export type InputUnit = 'money' | 'minutes' | 'count' | 'percent' | 'ratio' | 'score';

export function inputUnitOf(unit: KpiCatalogUnit): InputUnit {
  if (unit === 'minor') return 'money';
  if (unit === 'seconds' || unit === 'milliseconds') return 'minutes';
  return unit;
}

const PER_MINUTE: Partial<Record<KpiCatalogUnit, number>> = { seconds: 60, milliseconds: 60_000 };

/** A stored figure → the text its box starts with. */
export function figureText(unit: KpiCatalogUnit, value: number, currency: string): string {
  if (unit === 'minor') return minorToDecimal(value, minorDigits(currency));
  const perMinute = PER_MINUTE[unit];
  if (perMinute) return String(Math.round((value / perMinute) * 100) / 100);
  return String(value);
}

/**
 * Typed text → the figure in the KPI's unit, or null when it is not a figure. Counts take whole
 * numbers only; minutes are turned into whole seconds or milliseconds.
 */
export function parseFigure(unit: KpiCatalogUnit, text: string, currency: string): number | null {
  if (unit === 'minor') return parseMoneyInput(text, currency);
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  const perMinute = PER_MINUTE[unit];
  if (perMinute) return Math.round(value * perMinute);
  if (unit === 'count' && !Number.isInteger(value)) return null;
  return value;
}

/** A figure for reading: money with its currency, times in minutes, percents with %. */
export function formatFigure(unit: KpiCatalogUnit, value: number, locale: string, currency: string): string {
  if (unit === 'minor') return formatMoney(value, currency, locale, { whole: true });
  const perMinute = PER_MINUTE[unit];
  const shown = perMinute ? value / perMinute : value;
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(shown);
  return unit === 'percent' ? `${text} %` : text;
}

/**
 * Amber by default, as the server computes it: the share of green the catalog gives (80 % when
 * higher is better, 120 % when lower), whole for whole units, at most 100 for percents.
 */
export function defaultAmber(
  kpi: Pick<KpiCatalogEntry, 'unit' | 'whole' | 'defaultAmberShare'>,
  greenAt: number,
): number {
  const raw = greenAt * kpi.defaultAmberShare;
  const amber = kpi.whole ? Math.round(raw) : Math.round(raw * 10_000) / 10_000;
  return kpi.unit === 'percent' ? Math.min(amber, 100) : amber;
}

/** Monday and Sunday of the week a day falls in ('YYYY-MM-DD'). */
export function weekOf(day: string): { from: string; to: string } {
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  const monday = new Date(date.getTime() - sinceMonday * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { from: monday.toISOString().slice(0, 10), to: sunday.toISOString().slice(0, 10) };
}

/** 'YYYY-MM' → its first and last day. */
export function monthSpan(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(days).padStart(2, '0')}` };
}
