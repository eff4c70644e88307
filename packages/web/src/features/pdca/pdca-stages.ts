import type { PdcaCycle, PdcaStage } from '@pulse/contracts';

export const STAGES: readonly PdcaStage[] = ['plan', 'do', 'check', 'act'];

/** How a stage stands: done, the one the cycle waits on, or still ahead. */
export type StageState = 'done' | 'waiting' | 'ahead';

/** Who did a stage and when; null while it is not done (Act has no single author). */
export type StageDone = PdcaCycle['planApproved'];

export interface StageView {
  stage: PdcaStage;
  state: StageState;
  done: StageDone;
}

/** The four stages of a cycle in order, each with its state and, where recorded, who did it. */
export function stageViews(cycle: PdcaCycle): StageView[] {
  const done: Record<PdcaStage, StageDone> = {
    plan: cycle.planApproved,
    do: cycle.goalsIssued,
    check: cycle.reviewed,
    act: null,
  };
  return STAGES.map((stage) => ({ stage, done: done[stage], state: stageState(cycle, stage) }));
}

export function stageState(cycle: PdcaCycle, stage: PdcaStage): StageState {
  if (cycle.currentStage === stage) return 'waiting';
  if (cycle.currentStage === null) return 'done';
  return STAGES.indexOf(stage) < STAGES.indexOf(cycle.currentStage) ? 'done' : 'ahead';
}

/** The permission (of the server's, on the cycle) that the work of each stage needs. */
const STAGE_PERMISSION: Record<PdcaStage, keyof PdcaCycle['permissions']> = {
  plan: 'approveMonth',
  do: 'issueGoals',
  check: 'review',
  act: 'addAction',
};

/** Whether the user may do the stage the cycle waits on; false once every stage is done. */
export function stageAllowed(cycle: Pick<PdcaCycle, 'currentStage' | 'permissions'>): boolean {
  return cycle.currentStage !== null && cycle.permissions[STAGE_PERMISSION[cycle.currentStage]];
}

/** The cycle to open first: the earliest one still waiting on a stage, else the last. */
export function defaultCycleId(cycles: readonly PdcaCycle[]): string | null {
  return (cycles.find((cycle) => cycle.currentStage !== null) ?? cycles.at(-1))?.id ?? null;
}

/** A deviation percentage with its sign and one decimal, e.g. '+12.5 %', '−3 %'; '—' with no plan. */
export function formatPercent(percent: number | null, locale: string): string {
  if (percent === null) return '—';
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(percent);
  return `${text} %`;
}

/** 'YYYY-MM' as the month's name and year in the viewer's language. */
export function formatMonth(month: string, locale: string): string {
  const [year, index] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 1970, (index ?? 1) - 1, 1)),
  );
}
