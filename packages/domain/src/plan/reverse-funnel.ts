// The reverse funnel walks a revenue goal back down the funnel:
//   goal ÷ average deal = deals to win
//   deals ÷ win rate = opportunities to open        (win rate = won / (won + lost))
//   opportunities ÷ (opportunities per meeting) = meetings to hold
//   meetings ÷ (meetings per call) = calls to make
// Every rate is a ratio of counts over the same history window, and every step is computed
// exactly from those counts and rounded up: a rep cannot win 19.2 deals, and 19 would miss the
// goal. Each step starts from the previous whole count, as the rep would.

import { PlanError } from './plan-error.ts';
import { checkCount, checkMinor, mulDivCeil, mulDivRound } from './plan-math.ts';

/**
 * A rep is judged to have too little history of their own below this many closed (won + lost)
 * deals, and the team's figures are used instead.
 */
export const MIN_CLOSED_DEALS = 10;

/** Funnel counts of a rep or a team over one history window (say, the last 12 months). */
export interface FunnelHistory {
  /** Outbound calls made. */
  calls: number;
  /** Meetings held. */
  meetings: number;
  /** Opportunities (deals) opened. */
  opportunitiesOpened: number;
  wonDeals: number;
  lostDeals: number;
  /** Total amount of the won deals, minor units. */
  wonAmountMinor: number;
}

/** Whose history a figure came from. */
export type FigureSource = 'rep' | 'team';

/** The four figures of the funnel, each named with where it came from. */
export interface FunnelFigures<T> {
  averageDeal: T;
  winRate: T;
  opportunitiesPerMeeting: T;
  meetingsPerCall: T;
}

/** Outcome of {@link reverseFunnel}. */
export interface ReverseFunnel {
  goalMinor: number;
  dealsToWin: number;
  opportunitiesToOpen: number;
  meetingsToHold: number;
  callsToMake: number;
  /** Working days of the goal's period. */
  workingDays: number;
  /** ⌈meetings / working days⌉. */
  meetingsPerDay: number;
  /** ⌈calls / working days⌉. */
  callsPerDay: number;
  /** The figures used, for display: average deal rounded to a minor unit, rates as fractions. */
  figures: FunnelFigures<number>;
  /** Which history each figure came from. */
  sources: FunnelFigures<FigureSource>;
  /** True when the rep had fewer than the minimum closed deals, so every figure is the team's. */
  repHistoryThin: boolean;
}

/** Input of {@link reverseFunnel}. */
export interface ReverseFunnelInput {
  /** The revenue goal, minor units, 0 or more. */
  goalMinor: number;
  rep: FunnelHistory;
  team: FunnelHistory;
  /** Working days of the goal's period (from the work calendar), 1 or more. */
  workingDays: number;
  /** {@link MIN_CLOSED_DEALS} unless the organisation set its own. */
  minClosedDeals?: number;
}

/**
 * What a revenue goal takes: deals to win, opportunities to open, meetings and calls, in all and
 * per working day (see the notes at the top of this file).
 *
 * Figures come from the rep's own history when the rep has closed at least `minClosedDeals`
 * deals; otherwise all from the team's. A figure the rep's history cannot give (no meetings, no
 * wins, a zero rate that no goal could be reached by) is also taken from the team, and `sources`
 * says which history each figure came from.
 * @throws PlanError `negative_amount` / `invalid_amount`, `invalid_number` for a bad count,
 *   `no_working_days` when the period has none, `no_funnel_history` when neither rep nor team
 *   can give a figure.
 */
export function reverseFunnel(input: ReverseFunnelInput): ReverseFunnel {
  const goalMinor = checkMinor(input.goalMinor, 'goalMinor');
  const workingDays = checkCount(input.workingDays, 'workingDays');
  if (workingDays === 0) throw new PlanError('no_working_days', 'The goal period has no working day');
  const rep = checkHistory(input.rep, 'rep');
  const team = checkHistory(input.team, 'team');
  const minClosedDeals = checkCount(input.minClosedDeals ?? MIN_CLOSED_DEALS, 'minClosedDeals');
  const repHistoryThin = rep.wonDeals + rep.lostDeals < minClosedDeals;

  // Each figure as numerator / denominator of counts: "per unit of the step before".
  const pick = (name: keyof FunnelFigures<unknown>, ratio: (h: FunnelHistory) => [number, number]) => {
    const usable = ([numerator, denominator]: [number, number]) => numerator > 0 && denominator > 0;
    if (!repHistoryThin && usable(ratio(rep))) return { source: 'rep' as const, ratio: ratio(rep) };
    if (usable(ratio(team))) return { source: 'team' as const, ratio: ratio(team) };
    throw new PlanError('no_funnel_history', `Neither the rep nor the team has the history to give ${name}`, {
      figure: name,
    });
  };
  const averageDeal = pick('averageDeal', (h) => [h.wonAmountMinor, h.wonDeals]);
  const winRate = pick('winRate', (h) => [h.wonDeals, h.wonDeals + h.lostDeals]);
  const opportunitiesPerMeeting = pick('opportunitiesPerMeeting', (h) => [h.opportunitiesOpened, h.meetings]);
  const meetingsPerCall = pick('meetingsPerCall', (h) => [h.meetings, h.calls]);

  // Dividing by numerator / denominator is multiplying by denominator / numerator.
  const step = (count: number, [numerator, denominator]: [number, number]) => mulDivCeil(count, denominator, numerator);
  const dealsToWin = step(goalMinor, averageDeal.ratio);
  const opportunitiesToOpen = step(dealsToWin, winRate.ratio);
  const meetingsToHold = step(opportunitiesToOpen, opportunitiesPerMeeting.ratio);
  const callsToMake = step(meetingsToHold, meetingsPerCall.ratio);

  return {
    goalMinor,
    dealsToWin,
    opportunitiesToOpen,
    meetingsToHold,
    callsToMake,
    workingDays,
    meetingsPerDay: mulDivCeil(meetingsToHold, 1, workingDays),
    callsPerDay: mulDivCeil(callsToMake, 1, workingDays),
    figures: {
      averageDeal: mulDivRound(averageDeal.ratio[0], 1, averageDeal.ratio[1]),
      winRate: winRate.ratio[0] / winRate.ratio[1],
      opportunitiesPerMeeting: opportunitiesPerMeeting.ratio[0] / opportunitiesPerMeeting.ratio[1],
      meetingsPerCall: meetingsPerCall.ratio[0] / meetingsPerCall.ratio[1],
    },
    sources: {
      averageDeal: averageDeal.source,
      winRate: winRate.source,
      opportunitiesPerMeeting: opportunitiesPerMeeting.source,
      meetingsPerCall: meetingsPerCall.source,
    },
    repHistoryThin,
  };
}

function checkHistory(history: FunnelHistory, who: string): FunnelHistory {
  checkCount(history.calls, `${who}.calls`);
  checkCount(history.meetings, `${who}.meetings`);
  checkCount(history.opportunitiesOpened, `${who}.opportunitiesOpened`);
  checkCount(history.wonDeals, `${who}.wonDeals`);
  checkCount(history.lostDeals, `${who}.lostDeals`);
  checkMinor(history.wonAmountMinor, `${who}.wonAmountMinor`);
  return history;
}
