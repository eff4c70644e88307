import type { WorkCalendar } from '../calendar/index.ts';
import { attainment } from './attainment.ts';
import { type PeriodProgress, periodProgress } from './period-progress.ts';
import { type OpenDeal, type PipelineForecast, pipelineForecast } from './pipeline-forecast.ts';
import { runRateForecast } from './run-rate.ts';
import { type ScenarioLanding, scenarioReached } from './scenario-reached.ts';
import type { ScenarioPlans } from './scenarios.ts';

/** Input of {@link planVersusFact}: one node of the plan (organisation … rep) on one day. */
export interface PlanVersusFactInput {
  /** The period, both days inclusive, 'YYYY-MM-DD'. */
  from: string;
  to: string;
  /** The day to report on; its sales are in the fact to date. */
  asOf: string;
  calendar: WorkCalendar;
  /** The (realistic) plan up to and including `asOf`, e.g. from {@link planToDate}. */
  planToDateMinor: number;
  factToDateMinor: number;
  /** The node's three plans for the whole period. */
  scenarios: ScenarioPlans;
  /** The node's open deals; only those expected to close in the period count. */
  openDeals: readonly OpenDeal[];
  /**
   * periodProgress(calendar, from, to, asOf) when the caller has it: every node of a plan shares
   * it, and counting a year's working days once per node is most of a large plan's cost.
   */
  progress?: PeriodProgress;
}

/** Plan versus fact of one node on one day, with both period-end forecasts and where they land. */
export interface PlanVersusFact {
  planToDateMinor: number;
  factToDateMinor: number;
  /** fact / plan to date; null while the plan to date is 0. */
  attainment: number | null;
  progress: PeriodProgress;
  runRate: { forecastMinor: number | null; scenario: ScenarioLanding | null };
  pipeline: PipelineForecast & { scenario: ScenarioLanding };
}

/**
 * Everything the plan-versus-fact screen shows for a node and a day: plan and fact to date,
 * attainment, the run-rate and weighted-pipeline forecasts for the period end
 * ({@link runRateForecast}, {@link pipelineForecast}) and the scenario each lands in.
 * @throws PlanError as those functions do.
 */
export function planVersusFact(input: PlanVersusFactInput): PlanVersusFact {
  const progress = input.progress ?? periodProgress(input.calendar, input.from, input.to, input.asOf);
  const runRate = runRateForecast({ factMinor: input.factToDateMinor, ...progress });
  const pipeline = pipelineForecast({
    factMinor: input.factToDateMinor,
    deals: input.openDeals,
    from: input.from,
    to: input.to,
  });
  return {
    planToDateMinor: input.planToDateMinor,
    factToDateMinor: input.factToDateMinor,
    attainment: attainment(input.factToDateMinor, input.planToDateMinor),
    progress,
    // No run rate before the first working day, so no scenario for it either.
    runRate: { forecastMinor: runRate, scenario: runRate === null ? null : scenarioReached(runRate, input.scenarios) },
    pipeline: { ...pipeline, scenario: scenarioReached(pipeline.forecastMinor, input.scenarios) },
  };
}
