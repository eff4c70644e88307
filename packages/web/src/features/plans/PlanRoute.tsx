import type { PlanDetails, PlanLines } from '@pulse/contracts';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { usePlan, usePlanLines } from './use-plans.ts';

/** The plan of the route's `:id` with its lines, a loader while either loads and the error if one fails. */
export function PlanRoute({ children }: { children(plan: PlanDetails, tree: PlanLines): ReactNode }) {
  const { id = '' } = useParams();
  const plan = usePlan(id);
  const lines = usePlanLines(id);
  if (plan.isPending || lines.isPending) return <CenteredLoader />;
  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (lines.isError) return <QueryError error={lines.error} onRetry={() => void lines.refetch()} />;
  return children(plan.data, lines.data);
}
