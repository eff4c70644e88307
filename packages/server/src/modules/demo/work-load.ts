import { type GenContext, type Person, streamOf, worksOn } from './context.ts';
import { activitySeasonality } from './seasonality.ts';
import { monthOf } from './work-time.ts';

/** A full shift, for scaling short (pre-holiday) days. */
const FULL_SHIFT_MS = 9 * 3_600_000;
/** Working days in each of the two vacations a person takes a year. */
const VACATION_DAYS = 10;

/** How much of the department's activity a role produces per working day, relative to a rep. */
const ROLE_LOAD: Partial<Record<Person['role'], number>> = {
  sales_manager: 1,
  lead_generation: 1.25,
  head_of_sales: 0.25,
};

/** A new hire ramps up over three months (as the plan's ramp does): 40 %, 65 %, 85 %, then full. */
export function rampFactor(daysSinceHire: number): number {
  if (daysSinceHire < 30) return 0.4;
  if (daysSinceHire < 60) return 0.65;
  if (daysSinceHire < 90) return 0.85;
  return 1;
}

/** The people who log activities, and for each the working days they were at work (not on vacation). */
export interface WorkLoad {
  people: Person[];
  /** Per person (same order): day numbers worked in the history, ascending. */
  days: number[][];
  /** Per person: relative expected activity count of each of those days. */
  weights: Float64Array[];
  totalWeight: number;
}

/**
 * Who works when: every rep, lead-generation specialist and head on each working day of the
 * history between hire and departure, minus two vacations a year (mostly in summer), weighted
 * by role, skill, ramp-up, the month's seasonality and the length of the shift.
 */
export function workLoad(ctx: GenContext): WorkLoad {
  const rng = streamOf(ctx, 'vacations');
  const { work } = ctx;
  const historyDays = work.workingDaysBetween(ctx.historyStartDay, ctx.anchorDay - 1);
  const load: WorkLoad = { people: [], days: [], weights: [], totalWeight: 0 };
  for (const person of ctx.people) {
    const roleLoad = ROLE_LOAD[person.role];
    if (roleLoad === undefined) continue;
    const vacation = new Set<number>();
    // One vacation a year in summer where the year's stretch of history has one, one any time.
    for (let start = 0; start < historyDays.length; start += 247) {
      const block = Array.from({ length: Math.min(247, historyDays.length - start) }, (_, i) => start + i);
      const summer = block.filter((i) => [5, 6, 7].includes(monthOf(historyDays[i] as number).monthIndex));
      for (const pool of [summer.length > 0 ? summer : block, block]) {
        const first = rng.pick(pool);
        for (let d = first; d < first + VACATION_DAYS; d++) vacation.add(d);
      }
    }
    const days: number[] = [];
    const weights: number[] = [];
    historyDays.forEach((day, i) => {
      if (!worksOn(person, day) || vacation.has(i)) return;
      const weight =
        roleLoad *
        person.skill *
        rampFactor(day - person.hireDay) *
        activitySeasonality(monthOf(day).monthIndex) *
        (work.shiftLength(day) / FULL_SHIFT_MS);
      days.push(day);
      weights.push(weight);
      load.totalWeight += weight;
    });
    load.people.push(person);
    load.days.push(days);
    load.weights.push(Float64Array.from(weights));
  }
  return load;
}
