import type { DashboardPeriodKind, KpiCell, KpiCells, LeaderboardEntry } from '@pulse/contracts';
import {
  isRollupKpi,
  KPI_CATALOG,
  KPI_IDS,
  type KpiId,
  kpiValue,
  type PeriodGrain,
  perCalendar,
  type RollupMeasure,
  splitByPeriod,
  sumRollups,
  targetForPeriod,
  trafficLight,
  type WorkCalendar,
} from '@pulse/domain';

// The dashboard's cells, assembled without I/O: each KPI's value from summed measures (and the
// live pipeline coverage), the target in force for the period scaled by working days, its light and
// the list that shows the records behind it. A team, a department or the total is the same
// assembly over its members' measures added up first — never an average of the reps' ratios.

/** Σ of each rollup measure of one person (or many) over the period. */
export type Measures = Record<RollupMeasure, number>;

/**
 * The KPI not kept in the rollup, in additive form so that teams can add it up: pipeline
 * coverage — the stage-weighted open pipeline closing in the period, and what remains of the
 * realistic plan, both only for people with a plan (`planned` counts them). (Stage conversion is
 * a rollup ratio: Σ stage_advanced / Σ stage_entered.)
 */
export interface LiveFigures {
  weightedMinor: number;
  remainingMinor: number;
  planned: number;
}

export const NO_LIVE: LiveFigures = { weightedMinor: 0, remainingMinor: 0, planned: 0 };

/** A KPI target as stored (kpi_targets), for one subject. */
export interface StoredTarget {
  kpiId: string;
  grain: PeriodGrain;
  /** The span it applies to, days both included; every grain period inside has this target. */
  from: string;
  to: string;
  target: number;
  greenAt: number;
  amberAt: number;
}

/** A target with its thresholds, for one period. */
export interface PeriodTargetFigures {
  target: number;
  greenAt: number;
  amberAt: number;
}

/** The period a dashboard covers. */
export interface CellPeriod {
  kind: DashboardPeriodKind;
  from: string;
  to: string;
}

/**
 * Which grain of target is used when a subject has several for a KPI: the period's own grain
 * first (a day's target for today, a week's for the week…), then the finer, then the coarser.
 */
const GRAIN_PREFERENCE: Record<DashboardPeriodKind, readonly PeriodGrain[]> = {
  today: ['day', 'week', 'month'],
  week: ['week', 'day', 'month'],
  month: ['month', 'week', 'day'],
};

/**
 * The target of a KPI for the period from one subject's stored targets, or null.
 *
 * The period is cut into the grain's periods (a week to date across a month's end is two month
 * parts); each part must lie in a stored target's span, else the next grain is tried — a target
 * that covers only part of the period is not one for the period. Counts, money and durations
 * (source `sum`) add up each part's working-day share (targetForPeriod); the thresholds scale
 * the same way. Other KPIs keep the figures in force on the period's last day.
 */
export function targetFor(
  kpi: KpiId,
  targets: readonly StoredTarget[],
  period: CellPeriod,
  calendar: WorkCalendar,
): PeriodTargetFigures | null {
  const { source } = KPI_CATALOG[kpi];
  if (source.kind === 'none') return null;
  for (const grain of GRAIN_PREFERENCE[period.kind]) {
    const own = targets.filter((t) => t.kpiId === kpi && t.grain === grain);
    if (own.length === 0) continue;
    const parts = splitByPeriod(period.from, period.to, grain);
    const covering = parts.map((part) => own.find((t) => t.from <= part.from && t.to >= part.to));
    if (covering.some((t) => t === undefined)) continue;
    const rows = covering as StoredTarget[];
    if (source.kind !== 'sum') {
      const last = rows[rows.length - 1] as StoredTarget;
      return { target: last.target, greenAt: last.greenAt, amberAt: last.amberAt };
    }
    const scaled = (value: number, from: string, to: string) => scaledTarget(kpi, grain, value, from, to, calendar);
    // Consecutive parts under the same stored target are scaled as one run: targetForPeriod cuts
    // a run by the grain itself and adds the parts up, so the figure is the same, and a month of
    // day targets is one scaling instead of one per day.
    const runs: { row: StoredTarget; from: string; to: string }[] = [];
    parts.forEach((part, i) => {
      const row = rows[i] as StoredTarget;
      const last = runs[runs.length - 1];
      if (last && last.row === row) last.to = part.to;
      else runs.push({ row, from: part.from, to: part.to });
    });
    const result = { target: 0, greenAt: 0, amberAt: 0 };
    for (const { row, from, to } of runs) {
      result.target += scaled(row.target, from, to);
      result.greenAt += scaled(row.greenAt, from, to);
      result.amberAt += scaled(row.amberAt, from, to);
    }
    return result;
  }
  return null;
}

/**
 * A target value scaled to a part of the period (targetForPeriod), remembered per calendar: every
 * rep of a team usually has the same targets, and a dashboard asks for them once per row, team and
 * total. A calendar is immutable, so its scalings stay right as long as it lives.
 */
function scaledTarget(
  kpi: KpiId,
  grain: PeriodGrain,
  value: number,
  from: string,
  to: string,
  calendar: WorkCalendar,
): number {
  return scaledTargets(calendar, `${kpi}|${grain}|${value}|${from}|${to}`, () =>
    targetForPeriod({ kpi, target: { grain, value }, from, to, calendar }),
  );
}

const scaledTargets = perCalendar<string, number>(8192);

/** What one row of cells is made of. */
export interface CellInput {
  measures: Measures;
  live: LiveFigures;
  targets: readonly StoredTarget[];
  period: CellPeriod;
  calendar: WorkCalendar;
  /** The rep whose records the drill-downs list; null for a team (no list filters by a team). */
  userId: string | null;
  /** The month pipeline coverage is measured over (the month of the period's last day). */
  coverage: { from: string; to: string };
}

/** Every KPI of the catalog → its cell. */
export function kpiCells(input: CellInput): KpiCells {
  const cells = {} as KpiCells;
  for (const kpi of KPI_IDS) cells[kpi] = kpiCell(kpi, input);
  return cells;
}

function kpiCell(kpi: KpiId, input: CellInput): KpiCell {
  const { source } = KPI_CATALOG[kpi];
  const value = cellValue(kpi, input);
  const target = targetFor(kpi, input.targets, input.period, input.calendar);
  return {
    value,
    absentReason: value !== null ? null : source.kind === 'none' ? 'no-source' : 'no-data',
    target: target?.target ?? null,
    greenAt: target?.greenAt ?? null,
    amberAt: target?.amberAt ?? null,
    light: target ? trafficLight({ kpi, value, greenAt: target.greenAt, amberAt: target.amberAt }) : null,
    drillDown: input.userId === null ? null : drillDown(kpi, input.userId, input.period, input.coverage),
  };
}

function cellValue(kpi: KpiId, { measures, live }: CellInput): number | null {
  if (isRollupKpi(kpi)) return kpiValue(kpi, measures);
  if (kpi === 'pipeline-coverage') {
    return live.planned === 0 || live.remainingMinor === 0 ? null : live.weightedMinor / live.remainingMinor;
  }
  return null;
}

/**
 * The web list, filtered by the rep and the period's days, that shows what a KPI counts. The keys
 * are the list filters of packages/web/src/features/{activities,tasks,deals,sales,leads}, chosen to
 * list what the KPI counts: tasks due those days but not cancelled, leads by their taker (the
 * assignee, else the qualifier) as the rollup credits them.
 */
export function drillDown(
  kpi: KpiId,
  userId: string,
  period: { from: string; to: string },
  coverage: { from: string; to: string },
): string | null {
  const { from, to } = period;
  const activities = (kind: string, direction?: string) =>
    `/activities?userId=${userId}&kind=${kind}${direction ? `&direction=${direction}` : ''}&status=done&from=${from}&to=${to}`;
  const wonDeals = `/deals?ownerId=${userId}&status=won&closedFrom=${from}&closedTo=${to}`;
  switch (kpi) {
    case 'tasks-on-time':
      return `/tasks?assigneeId=${userId}&status=not-cancelled&dueFrom=${from}&dueTo=${to}`;
    case 'calls-outbound':
      return activities('call', 'outbound');
    case 'calls-inbound':
      return activities('call', 'inbound');
    case 'talk-time':
      return activities('call');
    case 'meetings-held':
      return activities('meeting');
    case 'leads-new':
      return `/leads?takerId=${userId}&arrivedFrom=${from}&arrivedTo=${to}`;
    case 'leads-qualified':
      return `/leads?qualifierId=${userId}&handedOffFrom=${from}&handedOffTo=${to}`;
    case 'response-time':
      return `/leads?takerId=${userId}&touchedFrom=${from}&touchedTo=${to}`;
    case 'lead-to-won-time':
    case 'deals-won':
    case 'average-deal':
      return wonDeals;
    case 'win-rate':
      return `/deals?ownerId=${userId}&closedFrom=${from}&closedTo=${to}`;
    case 'revenue':
      return `/sales?ownerId=${userId}&from=${from}&to=${to}`;
    case 'pipeline-coverage':
      return `/deals?ownerId=${userId}&status=open&expectedCloseFrom=${coverage.from}&expectedCloseTo=${coverage.to}`;
    // No list filter says "entered a stage in the period"; the rep card shows the steps.
    case 'stage-conversion':
    case 'quality-score':
      return null;
  }
}

/** The members' measures added up. */
export function addMeasures(all: readonly Measures[]): Measures {
  return sumRollups(all);
}

/** The members' live figures added up. */
export function addLive(all: readonly LiveFigures[]): LiveFigures {
  return all.reduce(
    (sum, live) => ({
      weightedMinor: sum.weightedMinor + live.weightedMinor,
      remainingMinor: sum.remainingMinor + live.remainingMinor,
      planned: sum.planned + live.planned,
    }),
    NO_LIVE,
  );
}

/** A rep as the leaderboard ranks them. */
export interface LeaderboardInput {
  userId: string;
  fullName: string;
  revenueMinor: number;
  dealsWon: number;
  revenueTarget: number | null;
  planAttainment: number | null;
}

/** By revenue, highest first (ties share a rank: 1, 1, 3), then by name. */
export function leaderboard(reps: readonly LeaderboardInput[]): LeaderboardEntry[] {
  const sorted = [...reps].sort(
    (a, b) =>
      b.revenueMinor - a.revenueMinor || a.fullName.localeCompare(b.fullName) || a.userId.localeCompare(b.userId),
  );
  let rank = 0;
  return sorted.map((rep, i) => {
    if (i === 0 || (sorted[i - 1] as LeaderboardInput).revenueMinor !== rep.revenueMinor) rank = i + 1;
    return {
      rank,
      userId: rep.userId,
      fullName: rep.fullName,
      revenueMinor: rep.revenueMinor,
      attainment: rep.revenueTarget ? (rep.revenueMinor * 100) / rep.revenueTarget : null,
      planAttainment: rep.planAttainment,
      dealsWon: rep.dealsWon,
    };
  });
}
