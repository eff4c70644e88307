import { parseInstant } from './parse-instant.ts';

/** A team member who could take the next lead or deal. */
export interface AssignmentCandidate {
  userId: string;
  /** Open leads/deals the user already carries; a whole number, 0 or more. */
  openWorkload: number;
  /** ISO instant with offset of the user's last assignment; null if never assigned. */
  lastAssignedAt: string | null;
}

/**
 * Who gets the next assignment in a team: round-robin weighted by open workload.
 *
 * The smallest `openWorkload` wins, so a rep who closed deals catches up before the rotation
 * moves on. Among equals the one assigned least recently wins, a never-assigned rep first,
 * which makes equal reps take turns. Remaining ties go to the smaller `userId` (compared by
 * code unit, not locale) so the choice never depends on input order.
 *
 * Instants are compared as instants, so '…T10:00+03:00' is earlier than '…T08:00Z'.
 * @returns the winner's userId, or null when there are no candidates.
 * @throws RangeError for a negative or fractional workload or a malformed instant.
 */
export function pickAssignee(candidates: readonly AssignmentCandidate[]): string | null {
  let best: { userId: string; openWorkload: number; lastAssignedMs: number } | null = null;
  for (const candidate of candidates) {
    const { userId, openWorkload, lastAssignedAt } = candidate;
    if (!Number.isInteger(openWorkload) || openWorkload < 0) {
      throw new RangeError(`Invalid openWorkload ${openWorkload} for ${userId}: expected a whole number, 0 or more`);
    }
    const lastAssignedMs = lastAssignedAt === null ? Number.NEGATIVE_INFINITY : parseInstant(lastAssignedAt);
    const current = { userId, openWorkload, lastAssignedMs };
    if (best === null || comesFirst(current, best)) best = current;
  }
  return best?.userId ?? null;
}

function comesFirst(
  a: { userId: string; openWorkload: number; lastAssignedMs: number },
  b: { userId: string; openWorkload: number; lastAssignedMs: number },
): boolean {
  if (a.openWorkload !== b.openWorkload) return a.openWorkload < b.openWorkload;
  if (a.lastAssignedMs !== b.lastAssignedMs) return a.lastAssignedMs < b.lastAssignedMs;
  return a.userId < b.userId;
}
