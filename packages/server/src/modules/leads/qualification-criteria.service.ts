import type {
  CreateQualificationCriterionRequest,
  QualificationCriterion,
  UpdateQualificationCriterionRequest,
} from '@pulse/contracts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { auditChange } from '../audit/record-audit.ts';
import { type Ctx, findCriteria } from './lead-write.ts';
import { canManageQualificationCriteria } from './leads.policy.ts';

/** The checklist in order; everyone reads it, since everyone may qualify a lead. */
export async function listQualificationCriteria(
  { tx, actor }: Ctx,
  query: { active: 'true' | 'false' | 'all' },
): Promise<QualificationCriterion[]> {
  const all = await findCriteria(tx, actor.orgId);
  return query.active === 'all' ? all : all.filter((c) => c.active === (query.active === 'true'));
}

/** An administrator adds a question; a code once used stays the key of its answers. */
export async function createQualificationCriterion(
  ctx: Ctx,
  input: CreateQualificationCriterionRequest,
): Promise<QualificationCriterion> {
  const { tx, actor } = ctx;
  if (!canManageQualificationCriteria(actor)) throw forbidden();
  const taken = await tx
    .selectFrom('qualification_criteria')
    .select('criterion_id')
    .where('org_id', '=', actor.orgId)
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (taken) throw conflict('A criterion with this code exists', [{ path: 'body.code', message: 'Taken' }]);
  const last = await tx
    .selectFrom('qualification_criteria')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('org_id', '=', actor.orgId)
    .executeTakeFirst();
  const row = await tx
    .insertInto('qualification_criteria')
    .values({
      org_id: actor.orgId,
      code: input.code,
      name: input.name,
      position: input.position ?? (last?.position ?? -1) + 1,
      required: input.required,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const created = present(row);
  await audit(ctx, 'create', null, created);
  return created;
}

/** Renames, reorders, makes optional or deactivates (`active: false`) a criterion. */
export async function updateQualificationCriterion(
  ctx: Ctx,
  criterionId: string,
  input: UpdateQualificationCriterionRequest,
): Promise<QualificationCriterion> {
  const { tx, actor } = ctx;
  if (!canManageQualificationCriteria(actor)) throw forbidden();
  const row = await tx
    .selectFrom('qualification_criteria')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('criterion_id', '=', criterionId)
    .executeTakeFirst();
  if (!row) throw notFound('Qualification criterion');
  const after = await tx
    .updateTable('qualification_criteria')
    .set({
      name: input.name ?? row.name,
      position: input.position ?? row.position,
      required: input.required ?? row.required,
      active: input.active ?? row.active,
    })
    .where('org_id', '=', actor.orgId)
    .where('criterion_id', '=', criterionId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const updated = present(after);
  await audit(ctx, 'update', present(row), updated);
  return updated;
}

function present(row: {
  criterion_id: string;
  code: string;
  name: string;
  position: number;
  required: boolean;
  active: boolean;
}): QualificationCriterion {
  return {
    id: row.criterion_id,
    code: row.code,
    name: row.name,
    position: row.position,
    required: row.required,
    active: row.active,
  };
}

function audit(
  ctx: Ctx,
  action: 'create' | 'update',
  before: QualificationCriterion | null,
  after: QualificationCriterion,
) {
  const fields = (c: QualificationCriterion | null) => {
    if (!c) return null;
    const { id: _id, ...rest } = c;
    return rest;
  };
  return auditChange(ctx, {
    action,
    entity: 'qualification_criterion',
    entityId: after.id,
    before: fields(before),
    after: fields(after),
  });
}
