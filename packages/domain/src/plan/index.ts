// The public surface of the sales-plan rules. plan-math and plan-month are internal helpers
// (exact integer arithmetic, 'YYYY-MM' months) and stay unexported so they can change freely.
export { type Achievability, checkAchievability, DEFAULT_ACHIEVABILITY_MARGIN_BP } from './achievability.ts';
export { attainment } from './attainment.ts';
export {
  type BreakDownYearInput,
  breakDownYear,
  type MonthPlan,
  type QuarterPlan,
  type YearPlan,
} from './break-down-year.ts';
export { type BottomUpComparison, compareBottomUp, type NodeDifference } from './compare-bottom-up.ts';
export { decomposePlan, type PlanTreeInput, type PlanTreeNode } from './decompose-plan.ts';
export { normalizeSeasonality, SEASONALITY_SUM_TOLERANCE } from './normalize-seasonality.ts';
export { type PeriodProgress, periodProgress } from './period-progress.ts';
export { type OpenDeal, type PipelineForecast, pipelineForecast } from './pipeline-forecast.ts';
export { PlanError, type PlanErrorCode } from './plan-error.ts';
export { planToDate } from './plan-to-date.ts';
export { type PlanVersusFact, type PlanVersusFactInput, planVersusFact } from './plan-versus-fact.ts';
export { checkRamp, monthOfTenure, RAMP, rampShare } from './ramp.ts';
export {
  type FigureSource,
  type FunnelFigures,
  type FunnelHistory,
  MIN_CLOSED_DEALS,
  type ReverseFunnel,
  type ReverseFunnelInput,
  reverseFunnel,
} from './reverse-funnel.ts';
export { runRateForecast } from './run-rate.ts';
export { type ScenarioLanding, scenarioReached } from './scenario-reached.ts';
export {
  MAX_PERCENT_BP,
  realisticFromLastYear,
  resolveScenarios,
  type ScenarioEntry,
  type ScenarioName,
  type ScenarioPlans,
} from './scenarios.ts';
export {
  FLAT_SEASONALITY,
  type FlatSeasonalityReason,
  MIN_HISTORY_MONTHS,
  type MonthlyRevenue,
  type Seasonality,
  type SeasonalityMonth,
  seasonalityFromHistory,
} from './seasonality-from-history.ts';
export {
  buildSmartGoals,
  type SmartGoal,
  type SmartGoals,
  type SmartGoalsInput,
  type SmartMetric,
} from './smart-goals.ts';
export { type DayPlan, splitMonthByWorkingDays } from './split-month-by-days.ts';
export {
  type FollowingPart,
  type FollowingPartInput,
  type PlanPart,
  type PlanPartInput,
  type PlanSplit,
  splitFollowing,
  splitPlan,
  type WeightMethod,
} from './split-plan.ts';
export {
  type MemberMonthPlan,
  type SplitTeamMonthInput,
  splitTeamMonth,
  splitTeamYear,
  type TeamMember,
  type TeamMonthPlan,
} from './split-team-month.ts';
export { quarterTotals, splitYearByMonths } from './split-year-by-months.ts';
