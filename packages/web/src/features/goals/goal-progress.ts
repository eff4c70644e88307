import type { SmartMetric } from '@pulse/contracts';

/** A per-day metric's target is per working day; the rest are for the whole month. */
export function isPerDay(metric: SmartMetric): boolean {
  return metric === 'meetings-per-day' || metric === 'calls-per-day';
}

export interface GoalProgress {
  /** What the fact should be by now: the target pro rata to working days elapsed (per-day: × days). */
  expectedSoFar: number;
  /** What the fact must reach by the month's end. */
  monthTarget: number;
  /** fact / month target × 100, whole; null while the target is 0. */
  percent: number | null;
  /** Whether the fact keeps pace with the working days elapsed. */
  onPace: boolean;
}

/** A goal's progress this month: fact against the month's target and against the pace so far. */
export function goalProgress(input: {
  metric: SmartMetric;
  target: number;
  factSoFar: number;
  elapsedWorkingDays: number;
  workingDays: number;
}): GoalProgress {
  const { metric, target, factSoFar, elapsedWorkingDays, workingDays } = input;
  const monthTarget = isPerDay(metric) ? target * workingDays : target;
  const expectedSoFar = isPerDay(metric)
    ? target * elapsedWorkingDays
    : workingDays === 0
      ? 0
      : Math.round((target * elapsedWorkingDays) / workingDays);
  const percent = monthTarget === 0 ? null : Math.round((factSoFar / monthTarget) * 100);
  return { expectedSoFar, monthTarget, percent, onPace: factSoFar >= expectedSoFar };
}
