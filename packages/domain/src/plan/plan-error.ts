// The plan rules refuse bad input the way the rest of the domain does, with a RangeError (the
// server already turns a domain RangeError into 422), and add a machine-readable `code` so the
// API can say *why* — "weights sum to zero", "negative amount" — and the web can translate it.

/** Why a plan calculation refused its input. */
export type PlanErrorCode =
  /** An amount is not a whole number of minor units, or is beyond the safe-integer range. */
  | 'invalid_amount'
  /** An amount that must be 0 or more is negative. */
  | 'negative_amount'
  /** A weight, coefficient or conversion count is not a finite number (or not whole where it must be). */
  | 'invalid_number'
  /** A weight or coefficient is negative. */
  | 'negative_weight'
  /** Hand weights (or coefficients) add up to zero, so there is nothing to split by. */
  | 'weights_sum_to_zero'
  /** A hand split was asked for and a part has no weight. */
  | 'missing_weight'
  /** There is nothing to split into (no parts, no members). */
  | 'no_parts'
  /** The same id (or month) appears twice. */
  | 'duplicate_id'
  /** An id names no node, or a node that cannot take the value given. */
  | 'unknown_node'
  /** A day or month is malformed, or a range runs backwards. */
  | 'invalid_period'
  /** Seasonality needs exactly twelve coefficients. */
  | 'invalid_coefficients'
  /** A non-zero plan must be spread over a month without a single working day. */
  | 'no_working_days'
  /** A non-zero team plan for a month in which nobody on the team works. */
  | 'no_capacity'
  /** A percentage in basis points is not a whole number in its allowed range. */
  | 'invalid_basis_points'
  /** The scenarios are not ordered pessimistic ≤ realistic ≤ optimistic. */
  | 'scenarios_out_of_order'
  /** Neither the rep nor the team has the history a reverse-funnel figure needs. */
  | 'no_funnel_history';

/**
 * A plan rule refused its input. It is a RangeError, like every other domain refusal, with a
 * {@link PlanErrorCode} saying why and, where useful, the offending field or id in `details`.
 */
export class PlanError extends RangeError {
  override readonly name = 'PlanError';
  readonly code: PlanErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: PlanErrorCode, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}
