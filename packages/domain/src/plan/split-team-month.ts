// How a team plan reaches its reps month by month when people join and leave.
//
// Each member has a capacity in the month: their ramp share (ramp.ts) × the share of the
// month's working days they are on the team × their weight. The team plan is split in
// proportion to capacity. So:
// - a new hire carries exactly their ramp share of what a fully ramped teammate of the same
//   weight carries that month (25 % in month 1, prorated for a mid-month start);
// - the ramp deficit is redistributed to the whole team in proportion to capacity, and the team
//   total always equals the team plan (largest remainder, no kopeck lost);
// - someone who leaves stops carrying plan after their leave day: the rest of their leave month,
//   and every later month, is spread over the people still on the team. Months before the
//   leave month are untouched.
// - a month is carried by the people on the team that month. When every one of them has a
//   weight of zero (split by last year's share, and the only people who sold last year have
//   left), the month is split equally among them instead, ramp still applied, and the month is
//   flagged (`equalWeights`) so the plan can say so. A plan cannot vanish because last year's
//   sellers are gone; only a month with nobody on the team at all is refused.
// Spreading by capacity, rather than piling the deficit on the fully ramped reps alone, keeps
// the rule well defined for a team made entirely of new hires, and keeps "25 % of a full goal"
// true of the goals people actually see.

import { listWorkingDays, type WorkCalendar } from '../calendar/index.ts';
import { splitByWeights } from '../crm/index.ts';
import { PlanError } from './plan-error.ts';
import { checkMinor } from './plan-math.ts';
import { checkDay, firstDayOf, lastDayOf } from './plan-month.ts';
import { checkRamp, monthOfTenure, RAMP, rampShare } from './ramp.ts';

/** A member of a team, for {@link splitTeamMonth}. */
export interface TeamMember {
  id: string;
  /** First day on the team, 'YYYY-MM-DD'; omit (or null) for someone past their ramp. */
  hireDay?: string | null;
  /** Last day on the team, inclusive; omit (or null) for someone staying. */
  leaveDay?: string | null;
  /** Size of this member's full goal relative to others (default 1; 0.5 for a half-time rep). */
  weight?: number;
}

/** One member's plan for a month. */
export interface MemberMonthPlan {
  id: string;
  planMinor: number;
  /**
   * Share of a full goal carried this month, 0–1: ramp share × working days on the team /
   * working days of the month (weight not included).
   */
  capacity: number;
  /** Month of tenure (1 = hire month); null for a member without a hire day. */
  monthOfTenure: number | null;
}

/** Input of {@link splitTeamMonth}. */
export interface SplitTeamMonthInput {
  teamPlanMinor: number;
  /** 'YYYY-MM'. */
  month: string;
  members: readonly TeamMember[];
  calendar: WorkCalendar;
  /** Ramp shares of the first months; {@link RAMP} by default. */
  ramp?: readonly number[];
}

/**
 * A team's plan for one month split among its members by capacity (see the notes at the top of
 * this file): new hires ramped from their hire day, leavers' remainder handed to the team. The
 * members' plans sum exactly to the team plan.
 * @throws PlanError `negative_amount` / `invalid_amount`, `invalid_period` for a malformed
 *   month or day or a leave day before the hire day, `no_parts` for no members, `duplicate_id`,
 *   `invalid_number` / `negative_weight` for a bad weight or ramp, `no_capacity` for a non-zero
 *   plan in a month when nobody on the team works (details: `month`). A month in which everyone
 *   on the team has a weight of zero is split equally among them instead.
 */
export function splitTeamMonth(input: SplitTeamMonthInput): MemberMonthPlan[] {
  return splitTeamMonthNoted(input).members;
}

/** {@link splitTeamMonth} with whether the month fell back to equal weights. */
export interface TeamMonthSplit {
  members: MemberMonthPlan[];
  /**
   * True when every member on the team that month had a weight of zero, so a non-zero plan was
   * split among them equally (ramp and days on the team still applied).
   */
  equalWeights: boolean;
}

/**
 * {@link splitTeamMonth}, saying whether the month fell back to equal weights because everyone
 * on the team that month had a weight of zero.
 * @throws PlanError as {@link splitTeamMonth} does.
 */
export function splitTeamMonthNoted(input: SplitTeamMonthInput): TeamMonthSplit {
  const { teamPlanMinor, month, members, calendar } = input;
  checkMinor(teamPlanMinor, 'teamPlanMinor');
  const ramp = checkRamp(input.ramp ?? RAMP);
  checkMembers(members);
  const monthDays = listWorkingDays(calendar, firstDayOf(month), lastDayOf(month));

  const rows = members.map((member) => {
    const tenure = member.hireDay == null ? null : monthOfTenure(member.hireDay, month);
    const share = tenure === null ? 1 : rampShare(tenure, ramp);
    const daysOnTeam = monthDays.filter(
      (day) => (member.hireDay == null || day >= member.hireDay) && (member.leaveDay == null || day <= member.leaveDay),
    ).length;
    // The month's working-day count is common to everyone, so it is left out of the weights,
    // which stay exact binary numbers (a quarter of a whole number of days times a weight).
    return { member, tenure, share, daysOnTeam, weight: (member.weight ?? 1) * share * daysOnTeam };
  });

  let weights = rows.map((row) => row.weight);
  let equalWeights = false;
  if (teamPlanMinor !== 0 && weights.every((weight) => weight === 0)) {
    // Everyone here weighs nothing (or nobody is here): equal weights among those on the team.
    weights = rows.map((row) => row.share * row.daysOnTeam);
    equalWeights = true;
  }
  let amounts: number[];
  if (weights.every((weight) => weight === 0)) {
    if (teamPlanMinor !== 0) {
      throw new PlanError('no_capacity', `Nobody on the team works in ${month} to carry a plan of ${teamPlanMinor}`, {
        month,
      });
    }
    amounts = rows.map(() => 0);
  } else {
    amounts = splitByWeights(teamPlanMinor, weights);
  }
  return {
    equalWeights,
    members: rows.map((row, i) => ({
      id: row.member.id,
      planMinor: amounts[i] ?? 0,
      capacity: monthDays.length === 0 ? 0 : (row.share * row.daysOnTeam) / monthDays.length,
      monthOfTenure: row.tenure,
    })),
  };
}

/** One month of {@link splitTeamYear}. */
export interface TeamMonthPlan {
  month: string;
  teamPlanMinor: number;
  members: MemberMonthPlan[];
  /** The month fell back to equal weights: see {@link TeamMonthSplit.equalWeights}. */
  equalWeights: boolean;
}

/**
 * {@link splitTeamMonth} for each month of a team's plan (typically the twelve months of
 * {@link breakDownYear}), so a hire ramps and a leaver's remaining months pass to the team;
 * each month says whether it fell back to equal weights.
 * @throws PlanError as {@link splitTeamMonth} does.
 */
export function splitTeamYear(input: {
  months: readonly { month: string; teamPlanMinor: number }[];
  members: readonly TeamMember[];
  calendar: WorkCalendar;
  ramp?: readonly number[];
}): TeamMonthPlan[] {
  return input.months.map(({ month, teamPlanMinor }) => ({
    month,
    teamPlanMinor,
    ...splitTeamMonthNoted({ ...input, month, teamPlanMinor }),
  }));
}

function checkMembers(members: readonly TeamMember[]): void {
  if (members.length === 0) throw new PlanError('no_parts', 'The team has no members to carry its plan');
  const ids = new Set<string>();
  for (const member of members) {
    if (ids.has(member.id)) throw new PlanError('duplicate_id', `Member ${member.id} appears twice`, { id: member.id });
    ids.add(member.id);
    if (member.hireDay != null) checkDay(member.hireDay, `hireDay of ${member.id}`);
    if (member.leaveDay != null) checkDay(member.leaveDay, `leaveDay of ${member.id}`);
    if (member.hireDay != null && member.leaveDay != null && member.leaveDay < member.hireDay) {
      throw new PlanError(
        'invalid_period',
        `${member.id} leaves (${member.leaveDay}) before being hired (${member.hireDay})`,
        {
          id: member.id,
        },
      );
    }
    const weight = member.weight ?? 1;
    if (!Number.isFinite(weight)) {
      throw new PlanError('invalid_number', `Invalid weight ${weight} for ${member.id}`, { id: member.id });
    }
    if (weight < 0) {
      throw new PlanError('negative_weight', `Weight ${weight} for ${member.id} is negative`, { id: member.id });
    }
  }
}
