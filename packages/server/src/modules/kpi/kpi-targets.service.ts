import type {
  CreateKpiTargetRequest,
  FieldIssue,
  KpiCatalog,
  KpiTarget,
  KpiTargetGrain,
  KpiTargetPage,
  KpiTargetsQuery,
  UpdateKpiTargetRequest,
} from '@pulse/contracts';
import {
  DEFAULT_AMBER_SHARE_HIGHER,
  DEFAULT_AMBER_SHARE_LOWER,
  defaultThresholds,
  isKpiId,
  KPI_CATALOG,
  KPI_IDS,
  WHOLE_UNITS,
} from '@pulse/domain';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors.ts';
import { keysetPage } from '../../http/keyset.ts';
import type { Ctx } from '../plans/plan-context.ts';
import { scopeUnitIds } from '../plans/plan-records.ts';
import { loadPlanUnits } from '../plans/plans.queries.ts';
import { canSetTargetFor, canSetTargets, canViewTargetOf } from './kpi-targets.policy.ts';
import {
  deleteTarget as deleteTargetRow,
  findOverlappingTargets,
  findTargetRows,
  findUserIdsInUnits,
  findUsers,
  getTargetRow,
  insertTarget,
  lockSubjectKpi,
  type TargetRow,
  type TargetVisibility,
  updateTargetAtVersion,
} from './kpi-targets.queries.ts';
import { auditTarget, presentTarget, type TargetFigures, targetIssues } from './kpi-targets.rules.ts';

// KPI targets set by hand: list within the caller's scope, create, edit at a version, delete.
// Refusals of the figures, the span and the subject come together in one 422, each on its field.

/** The catalog with what a target form needs: units, directions, which KPIs take targets. */
export function getCatalog(): KpiCatalog {
  return {
    items: KPI_IDS.map((id) => {
      const kpi = KPI_CATALOG[id];
      return {
        id,
        unit: kpi.unit,
        direction: kpi.direction,
        source: kpi.source.kind,
        dailyTarget: kpi.dailyTarget,
        targetable: kpi.source.kind !== 'none',
        whole: WHOLE_UNITS.includes(kpi.unit),
        defaultAmberShare: kpi.direction === 'higher' ? DEFAULT_AMBER_SHARE_HIGHER : DEFAULT_AMBER_SHARE_LOWER,
      };
    }),
  };
}

/** Targets the caller sees, latest span first. */
export async function listTargets(ctx: Ctx, query: KpiTargetsQuery): Promise<KpiTargetPage> {
  const { tx, actor } = ctx;
  const issues: FieldIssue[] = [];
  if (query.kpiId && !isKpiId(query.kpiId)) issues.push({ path: 'query.kpiId', message: 'unknown_kpi' });
  if (query.from && query.to && query.to < query.from) {
    issues.push({ path: 'query.to', message: 'period_out_of_order' });
  }
  if (issues.length > 0) throw unprocessable('The filter cannot select any target', issues);
  const subtree = query.unitId
    ? { unitIds: scopeUnitIds(await loadPlanUnits(tx, actor.orgId), query.unitId) ?? [] }
    : undefined;
  const rows = await findTargetRows(tx, actor.orgId, {
    ...query,
    subtree,
    visibility: await visibilityOf(ctx),
  });
  return keysetPage(rows, query.limit, presentTarget);
}

/** Everything for organisation-wide roles; the people and units of a head's subtree; a rep's own. */
async function visibilityOf(ctx: Ctx): Promise<TargetVisibility> {
  const { actor } = ctx;
  if (actor.scope.kind === 'organisation') return { all: true };
  if (actor.scope.kind === 'own') return { all: false, userIds: [actor.userId], unitIds: [] };
  const people = await findUserIdsInUnits(ctx.tx, actor.orgId, actor.scope.unitIds);
  return { all: false, userIds: [...people, actor.userId], unitIds: actor.scope.unitIds };
}

/** A target for a person or a unit; thresholds left out take the defaults. */
export async function createTarget(ctx: Ctx, input: CreateKpiTargetRequest): Promise<KpiTarget> {
  const { tx, actor } = ctx;
  if (!canSetTargets(actor)) {
    throw forbidden('Targets are set by the head of sales, the commercial director or an administrator');
  }
  const subjectIssues = await subjectIssuesOf(ctx, input);
  const figures = withDefaults(input);
  const issues = [...subjectIssues, ...targetIssues(figures)];
  if (issues.length > 0) throw refusal(issues);
  const subject = { userId: input.userId ?? null, unitId: input.unitId ?? null };
  await assertNoOverlap(ctx, figures, subject, null);
  const targetId = await insertTarget(tx, {
    org_id: actor.orgId,
    kpi_id: figures.kpiId,
    user_id: subject.userId,
    unit_id: subject.unitId,
    ...manualColumns(figures),
    created_by: actor.userId,
    created_at: ctx.deps.now(),
    updated_at: ctx.deps.now(),
  });
  const after = await loadTarget(ctx, targetId);
  await auditTarget(ctx, 'create', targetId, null, after);
  return presentTarget(after);
}

/**
 * Changes a target read at `version`. A target taken from a goal becomes manual once edited, so
 * taking targets from the goals again leaves the head's figures alone.
 */
export async function updateTarget(ctx: Ctx, targetId: string, input: UpdateKpiTargetRequest): Promise<KpiTarget> {
  const before = await loadVisibleTarget(ctx, targetId);
  assertCanChange(ctx, before);
  if (before.version !== input.version) throw staleTarget();
  const target = input.target ?? before.target;
  const figures = withDefaults({
    kpiId: before.kpi_id,
    // The table's CHECK holds the stored grain to the contract's three.
    grain: input.grain ?? (before.grain as KpiTargetGrain),
    periodFrom: input.periodFrom ?? before.period_from,
    periodTo: input.periodTo ?? before.period_to,
    target,
    // A new target without new thresholds moves them with it, as on create.
    greenAt: input.greenAt ?? (input.target === undefined ? before.green_at : undefined),
    amberAt: input.amberAt ?? (input.target === undefined && input.greenAt === undefined ? before.amber_at : undefined),
  });
  const issues = targetIssues(figures);
  if (issues.length > 0) throw refusal(issues);
  await assertNoOverlap(ctx, figures, { userId: before.user_id, unitId: before.unit_id }, targetId);
  const saved = await updateTargetAtVersion(ctx.tx, ctx.actor.orgId, targetId, before.version, {
    ...manualColumns(figures),
    updated_at: ctx.deps.now(),
  });
  if (!saved) throw staleTarget();
  const after = await loadTarget(ctx, targetId);
  await auditTarget(ctx, 'update', targetId, before, after);
  return presentTarget(after);
}

/**
 * The stored columns of figures set by hand, on create and on edit alike: a target edited by hand
 * is no longer the goal's it was taken from.
 */
function manualColumns(figures: TargetFigures) {
  return {
    grain: figures.grain,
    period_from: figures.periodFrom,
    period_to: figures.periodTo,
    target: figures.target,
    green_at: figures.greenAt,
    amber_at: figures.amberAt,
    source: 'manual',
    goal_id: null,
  } as const;
}

/** Deletes a target (at `version`, when the caller names the one they read). */
export async function deleteTarget(ctx: Ctx, targetId: string, version: number | undefined): Promise<void> {
  const before = await loadVisibleTarget(ctx, targetId);
  assertCanChange(ctx, before);
  if (version !== undefined && before.version !== version) throw staleTarget();
  await deleteTargetRow(ctx.tx, ctx.actor.orgId, targetId);
  await auditTarget(ctx, 'delete', targetId, before, null);
}

/** Green at the target unless given; amber at the default share of green unless given. */
function withDefaults(
  input: Omit<TargetFigures, 'greenAt' | 'amberAt'> & { greenAt?: number; amberAt?: number },
): TargetFigures {
  const greenAt = input.greenAt ?? input.target;
  const amberAt =
    input.amberAt ??
    (isKpiId(input.kpiId) && Number.isFinite(greenAt) ? defaultThresholds(input.kpiId, greenAt).amberAt : 0);
  return {
    kpiId: input.kpiId,
    grain: input.grain,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    target: input.target,
    greenAt,
    amberAt,
  };
}

/** The person or unit exists in the organisation and is within the caller's reach. */
async function subjectIssuesOf(ctx: Ctx, input: { userId?: string; unitId?: string }): Promise<FieldIssue[]> {
  const { tx, actor } = ctx;
  if (input.userId) {
    const [user] = await findUsers(tx, actor.orgId, [input.userId]);
    const inScope = user && canSetTargetFor(actor, { kind: 'user', userId: user.user_id, unitId: user.unit_id });
    return inScope ? [] : [{ path: 'body.userId', message: 'subject_outside_scope' }];
  }
  const unitId = input.unitId as string;
  const units = await loadPlanUnits(tx, actor.orgId);
  const inScope = units.has(unitId) && canSetTargetFor(actor, { kind: 'unit', unitId });
  return inScope ? [] : [{ path: 'body.unitId', message: 'subject_outside_scope' }];
}

async function assertNoOverlap(
  ctx: Ctx,
  figures: TargetFigures,
  subject: { userId: string | null; unitId: string | null },
  exceptId: string | null,
): Promise<void> {
  const { tx, actor } = ctx;
  const subjectId = (subject.userId ?? subject.unitId) as string;
  await lockSubjectKpi(tx, actor.orgId, { kpiId: figures.kpiId, subjectId, grain: figures.grain });
  const [clash] = await findOverlappingTargets(tx, actor.orgId, {
    kpiId: figures.kpiId,
    ...subject,
    grain: figures.grain,
    from: figures.periodFrom,
    to: figures.periodTo,
    exceptId,
  });
  if (clash) {
    throw conflict(
      `A ${figures.grain} target of this KPI for the same subject already covers ${clash.period_from}…${clash.period_to}`,
      [{ path: 'body.periodFrom', message: 'overlapping_target' }],
    );
  }
}

async function loadTarget(ctx: Ctx, targetId: string): Promise<TargetRow> {
  const row = await getTargetRow(ctx.tx, ctx.actor.orgId, targetId);
  if (!row) throw notFound('Target');
  return row;
}

/** Another organisation's target, or one outside the caller's scope, is 404. */
async function loadVisibleTarget(ctx: Ctx, targetId: string): Promise<TargetRow> {
  const row = await loadTarget(ctx, targetId);
  const subject = { userId: row.user_id, userUnitId: row.subject_user_unit_id, unitId: row.unit_id };
  if (!canViewTargetOf(ctx.actor, subject)) throw notFound('Target');
  return row;
}

function assertCanChange(ctx: Ctx, row: TargetRow): void {
  const subject = row.user_id
    ? { kind: 'user' as const, userId: row.user_id, unitId: row.subject_user_unit_id }
    : { kind: 'unit' as const, unitId: row.unit_id as string };
  if (!canSetTargets(ctx.actor) || !canSetTargetFor(ctx.actor, subject)) {
    throw forbidden('Targets are set by the head of sales, the commercial director or an administrator');
  }
}

function refusal(issues: FieldIssue[]) {
  return unprocessable(`The target cannot be saved: ${issues.map((i) => `${i.path} ${i.message}`).join(', ')}`, issues);
}

const staleTarget = () =>
  conflict('The target was changed since you read it; reload it and try again', [
    { path: 'body.version', message: 'Stale version' },
  ]);
