import { countWorkingDays, type WorkCalendar } from '../calendar/index.ts';
import { type Achievability, checkAchievability } from './achievability.ts';
import { PlanError } from './plan-error.ts';
import { checkDay, monthOfDay, monthsFrom } from './plan-month.ts';
import { type FunnelHistory, type ReverseFunnel, reverseFunnel } from './reverse-funnel.ts';

/** What a goal measures. */
export type SmartMetric = 'revenue' | 'deals-won' | 'opportunities-opened' | 'meetings-per-day' | 'calls-per-day';

/** One SMART goal of a rep. */
export interface SmartGoal {
  /** Specific: the metric. */
  metric: SmartMetric;
  /** Measurable: minor units for revenue, a whole count otherwise (per working day for the *-per-day metrics). */
  target: number;
  /** Relevant: the plan line (the rep's node of the decomposed plan) the goal serves. */
  planLineId: string;
  /** Time-bound: the period, both days inclusive, 'YYYY-MM-DD'. */
  from: string;
  to: string;
}

/** Outcome of {@link buildSmartGoals}. */
export interface SmartGoals {
  goals: SmartGoal[];
  /** Achievable: the revenue goal against the rep's best month (the activity goals follow from it). */
  achievability: Achievability;
  /** The funnel the activity goals came from, with the source of each figure. */
  funnel: ReverseFunnel;
}

/** Input of {@link buildSmartGoals}. */
export interface SmartGoalsInput {
  planLineId: string;
  /** The rep's revenue goal for the period (their plan from the decomposition), minor units. */
  goalMinor: number;
  /** First and last day of the period, inclusive; usually one month, the PDCA cycle. */
  from: string;
  to: string;
  calendar: WorkCalendar;
  rep: FunnelHistory;
  team: FunnelHistory;
  /** The rep's best month of revenue, null without history. */
  bestMonthMinor: number | null;
  /** Achievability margin in basis points; see {@link checkAchievability}. */
  marginBp?: number;
  /** Reverse-funnel threshold; see {@link reverseFunnel}. */
  minClosedDeals?: number;
}

/**
 * A rep's SMART goals for a period: revenue, deals to win, opportunities to open, and meetings
 * and calls per working day from the reverse funnel, each tied to its plan line and period, with
 * the revenue goal checked for achievability. A period spanning several calendar months is
 * checked against that many best months.
 * @throws PlanError `invalid_period` for malformed days or `to` before `from`, and whatever
 *   {@link reverseFunnel} and {@link checkAchievability} throw.
 */
export function buildSmartGoals(input: SmartGoalsInput): SmartGoals {
  const { planLineId, from, to } = input;
  checkDay(from, 'from');
  checkDay(to, 'to');
  if (to < from) throw new PlanError('invalid_period', `The period ends (${to}) before it starts (${from})`);
  const funnel = reverseFunnel({
    goalMinor: input.goalMinor,
    rep: input.rep,
    team: input.team,
    workingDays: countWorkingDays(input.calendar, from, to),
    ...(input.minClosedDeals === undefined ? {} : { minClosedDeals: input.minClosedDeals }),
  });
  const achievability = checkAchievability({
    goalMinor: input.goalMinor,
    bestMonthMinor: input.bestMonthMinor,
    months: monthsFrom(monthOfDay(from), monthOfDay(to)) + 1,
    ...(input.marginBp === undefined ? {} : { marginBp: input.marginBp }),
  });
  const goal = (metric: SmartMetric, target: number): SmartGoal => ({ metric, target, planLineId, from, to });
  return {
    goals: [
      goal('revenue', funnel.goalMinor),
      goal('deals-won', funnel.dealsToWin),
      goal('opportunities-opened', funnel.opportunitiesToOpen),
      goal('meetings-per-day', funnel.meetingsPerDay),
      goal('calls-per-day', funnel.callsPerDay),
    ],
    achievability,
    funnel,
  };
}
