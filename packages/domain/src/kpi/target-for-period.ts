import { dayNumber, dayString } from '../calendar/calendar-day.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { countWorkingDays } from '../calendar/working-days.ts';
import { mulDivRound } from '../plan/plan-math.ts';
import { KPI_CATALOG, type KpiId } from './catalog.ts';
import { type PeriodGrain, periodOf, splitByPeriod } from './period-buckets.ts';

/** A target as set: a value for each day, each ISO week or each calendar month. */
export interface PeriodTarget {
  grain: PeriodGrain;
  value: number;
}

/** Input of {@link targetForPeriod}: the period is a run of days, both ends inclusive. */
export interface TargetForPeriodInput {
  kpi: KpiId;
  target: PeriodTarget;
  from: string;
  to: string;
  calendar: WorkCalendar;
}

/**
 * A KPI target set per day, week or month, turned into the target for another period.
 *
 * `sum` KPIs (calls, revenue…) scale with working days of the calendar:
 * - a daily target × the period's working days;
 * - a weekly or monthly target × (the period's working days within that week or month / the
 *   week's or month's working days), added up over every week or month the period touches.
 *   A week or month with no working day at all gives 0 (there is no work to aim at).
 *
 * Every other KPI (ratios, averages, conversions, coverage) keeps its value: 90 % of tasks on
 * time is the goal for a day and for a month alike.
 *
 * Money (unit `minor`) stays whole. Inside each week or month, the target is first taken up to
 * the period's end and up to the day before its start, each rounded half up to a minor unit, and
 * the period's part is their difference. That way the parts of a month, split into days or into
 * any consecutive runs, always add back exactly to the monthly target — no kopeck gained or lost —
 * and each part is within half a minor unit of its exact share. Other units are not rounded.
 * @throws RangeError for a negative or non-finite value, a money value that is not whole,
 *   a malformed day or `from` after `to`.
 */
export function targetForPeriod(input: TargetForPeriodInput): number {
  const { kpi, target, from, to, calendar } = input;
  const { source, unit } = KPI_CATALOG[kpi];
  const money = unit === 'minor';
  if (!Number.isFinite(target.value) || target.value < 0) {
    throw new RangeError(`Invalid target ${target.value}: expected a number, 0 or more`);
  }
  if (money && !Number.isSafeInteger(target.value)) {
    throw new RangeError(`Invalid target ${target.value}: money is a whole number of minor units`);
  }
  // Checks the days and their order even for KPIs whose value does not depend on them.
  const periodDays = countWorkingDays(calendar, from, to);
  if (source.kind !== 'sum') return target.value;
  if (target.grain === 'day') return target.value * periodDays;

  let total = 0;
  for (const part of splitByPeriod(from, to, target.grain)) {
    const whole = periodOf(part.from, target.grain);
    const wholeDays = countWorkingDays(calendar, whole.from, whole.to);
    if (wholeDays === 0) continue;
    const before =
      part.from === whole.from ? 0 : countWorkingDays(calendar, whole.from, dayString(dayNumber(part.from) - 1));
    const through = before + countWorkingDays(calendar, part.from, part.to);
    total += money
      ? mulDivRound(target.value, through, wholeDays) - mulDivRound(target.value, before, wholeDays)
      : (target.value * (through - before)) / wholeDays;
  }
  return total;
}
