import type { PlanRefusalReason } from '@pulse/contracts';
import { PlanError, type PlanErrorCode } from '@pulse/domain';
import type { AppDeps } from '../../app-deps.ts';
import type { Tx } from '../../db/tenant.ts';
import { unprocessable } from '../../http/errors.ts';
import type { Actor } from '../access/actor.ts';

/** What every use case of this module receives from its route. */
export interface Ctx {
  tx: Tx;
  actor: Actor;
  deps: AppDeps;
}

// Every domain refusal must have a reason the contract names: this fails to compile otherwise.
const DOMAIN_REASONS_ARE_LISTED: PlanErrorCode extends PlanRefusalReason ? true : never = true;
void DOMAIN_REASONS_ARE_LISTED;

/** A refusal of this module's own rules, in the shape the domain's refusals have. */
export function refuse(reason: PlanRefusalReason, message: string, path = 'body'): never {
  throw unprocessable(message, [{ path, message: reason }]);
}

/**
 * Runs a use case and turns a refusal of the plan rules (a PlanError) into 422: the message
 * says why in words, `details[0].message` is the reason code and `details[0].path` the field,
 * as far as the rule names one.
 */
export async function underPlanRules<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PlanError) {
      throw unprocessable(error.message, [{ path: pathOf(error), message: error.code }]);
    }
    throw error;
  }
}

/** The request field a domain refusal is about, from the names the plan rules use. */
const FIELD_PATHS: Record<string, string> = {
  realisticMinor: 'body.realistic.amountMinor',
  lastYearFactMinor: 'body.realistic',
  growthBp: 'body.realistic.growthBp',
  periodStart: 'body.periodStart',
  periodEnd: 'body.periodEnd',
  marginTargetMinor: 'body.marginTargetMinor',
  weight: 'body.weight',
  bottomUpMinor: 'body.bottomUpMinor',
  'pessimistic.amountMinor': 'body.pessimistic.amountMinor',
  'pessimistic.basisPoints': 'body.pessimistic.basisPoints',
  'optimistic.amountMinor': 'body.optimistic.amountMinor',
  'optimistic.basisPoints': 'body.optimistic.basisPoints',
};

function pathOf(error: PlanError): string {
  const { field, id, monthIndex } = error.details;
  if (typeof monthIndex === 'number') return `body.seasonality.coefficients.${monthIndex}`;
  if (typeof id === 'string') return `lines.${id}`;
  if (typeof field === 'string') return FIELD_PATHS[field] ?? 'body';
  if (error.code === 'scenarios_out_of_order') return 'body.pessimistic';
  return 'body';
}
