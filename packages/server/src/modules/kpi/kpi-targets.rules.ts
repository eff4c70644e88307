import type { FieldIssue, KpiCatalogId, KpiTarget, KpiTargetGrain, KpiTargetSource } from '@pulse/contracts';
import { isKpiId, KPI_CATALOG, type KpiId, validateThresholds } from '@pulse/domain';
import { auditChange } from '../audit/record-audit.ts';
import type { Ctx } from '../plans/plan-context.ts';
import type { TargetRow } from './kpi-targets.queries.ts';

// The rules a target's figures and span must keep, and how a target is shown and audited.

// The contract's KPI ids must be the domain catalog's: this fails to compile when they part.
const SAME_IDS: [KpiId, KpiCatalogId] extends [KpiCatalogId, KpiId] ? true : never = true;
void SAME_IDS;

/** A target's figures and span as they will be stored. */
export interface TargetFigures {
  kpiId: string;
  grain: KpiTargetGrain;
  periodFrom: string;
  periodTo: string;
  target: number;
  greenAt: number;
  amberAt: number;
}

/**
 * Every problem of a target's figures, each on its request field (`body.<field>`): the KPI must
 * be in the catalog and have a data source; a KPI that cannot be judged by the day cannot have a
 * daily target; the span runs forwards and, for weeks and months, covers whole periods (Monday
 * to Sunday, the 1st to the month's last day); the thresholds follow validateThresholds.
 */
export function targetIssues(figures: TargetFigures): FieldIssue[] {
  if (!isKpiId(figures.kpiId)) return [{ path: 'body.kpiId', message: 'unknown_kpi' }];
  const kpi = KPI_CATALOG[figures.kpiId];
  const issues: FieldIssue[] = [];
  if (kpi.source.kind === 'none') issues.push({ path: 'body.kpiId', message: 'kpi_without_source' });
  if (figures.grain === 'day' && !kpi.dailyTarget) issues.push({ path: 'body.grain', message: 'no_daily_target' });
  if (figures.periodTo < figures.periodFrom) {
    issues.push({ path: 'body.periodTo', message: 'period_out_of_order' });
  } else {
    if (!startsPeriod(figures.grain, figures.periodFrom)) {
      issues.push({ path: 'body.periodFrom', message: 'period_not_aligned' });
    }
    if (!endsPeriod(figures.grain, figures.periodTo)) {
      issues.push({ path: 'body.periodTo', message: 'period_not_aligned' });
    }
  }
  for (const issue of validateThresholds({
    kpi: figures.kpiId,
    target: figures.target,
    greenAt: figures.greenAt,
    amberAt: figures.amberAt,
  })) {
    issues.push({ path: `body.${issue.field}`, message: issue.code });
  }
  return issues;
}

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

function startsPeriod(grain: KpiTargetGrain, day: string): boolean {
  if (grain === 'week') return weekday(day) === 1;
  if (grain === 'month') return day.endsWith('-01');
  return true;
}

function endsPeriod(grain: KpiTargetGrain, day: string): boolean {
  if (grain === 'week') return weekday(day) === 0;
  if (grain === 'month') return day === lastDayOfMonth(day.slice(0, 7));
  return true;
}

/** 'YYYY-MM' → its last day 'YYYY-MM-DD'. */
export function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

/** A target as the API returns it. */
export function presentTarget(row: TargetRow): KpiTarget {
  return {
    id: row.target_id,
    kpiId: row.kpi_id as KpiId,
    userId: row.user_id,
    unitId: row.unit_id,
    subjectName: row.subject_name,
    grain: row.grain as KpiTargetGrain,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    target: row.target,
    greenAt: row.green_at,
    amberAt: row.amber_at,
    source: row.source as KpiTargetSource,
    goalId: row.goal_id,
    createdBy: { id: row.created_by, fullName: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** The fields an audit entry of a target compares. */
export function targetFields(row: TargetRow): Record<string, unknown> {
  return {
    kpiId: row.kpi_id,
    userId: row.user_id,
    unitId: row.unit_id,
    grain: row.grain,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    target: row.target,
    greenAt: row.green_at,
    amberAt: row.amber_at,
    source: row.source,
    goalId: row.goal_id,
  };
}

/** One audit entry of a target, in the request's transaction. */
export function auditTarget(
  ctx: Ctx,
  action: 'create' | 'update' | 'delete',
  targetId: string,
  before: TargetRow | null,
  after: TargetRow | null,
): Promise<void> {
  return auditChange(ctx, {
    action,
    entity: 'kpi_target',
    entityId: targetId,
    before: before ? targetFields(before) : null,
    after: after ? targetFields(after) : null,
  });
}
