import { parseInstant } from './parse-instant.ts';

/** A deal moving into a stage of its pipeline. */
export interface StageChange {
  /** ISO 8601 instant with offset. */
  at: string;
  toStageId: string;
}

/**
 * Milliseconds a deal has spent in each stage, repeat visits added up. A stage is occupied from
 * a change into it until the next change (in time order) or until `now`.
 *
 * The changes may come in any order. Two changes at the same instant keep their given order,
 * and the first of them counts 0 ms. Changes after `now` are ignored, so the same history
 * answers for a past moment too. Every stage entered by `now` is in the map, possibly with 0.
 * @param now the instant to measure up to, as a Date or an ISO string with offset.
 * @throws RangeError for a malformed instant.
 */
export function timeInStages(changes: readonly StageChange[], now: Date | string): Map<string, number> {
  const nowMs = typeof now === 'string' ? parseInstant(now) : now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('Invalid now: the Date is not a valid time');
  // Array.prototype.sort is stable, which gives simultaneous changes their input order.
  const entered = changes
    .map((change) => ({ stageId: change.toStageId, atMs: parseInstant(change.at) }))
    .filter((change) => change.atMs <= nowMs)
    .sort((a, b) => a.atMs - b.atMs);
  const result = new Map<string, number>();
  entered.forEach((change, i) => {
    const leftMs = entered[i + 1]?.atMs ?? nowMs;
    result.set(change.stageId, (result.get(change.stageId) ?? 0) + (leftMs - change.atMs));
  });
  return result;
}

/** One deal's path through the funnel, for {@link stageConversion}. */
export interface DealStagePath {
  dealId: string;
  /** Orders (positions in the pipeline) of the stages the deal entered, in time order. */
  stageOrders: readonly number[];
}

/** Outcome of {@link stageConversion}. */
export interface StageConversion {
  /** Deals that entered the stage. */
  entered: number;
  /** Of those, deals that later entered a stage further along. */
  advanced: number;
  /** advanced / entered; null when no deal entered the stage. */
  rate: number | null;
}

/**
 * Conversion from the stage at order `k`: of the deals that entered it, the share that later
 * entered any stage with a higher order (the next one or one skipped to), as PRODUCT.md
 * defines it. Each deal counts once however often it re-entered `k`; it advanced if a higher
 * order follows any of its entries into `k`. A deal moved back to `k` from further along and
 * never past it again did not advance.
 *
 * The caller picks the deals (for a period: those that entered `k` in it) and decides which
 * stages carry an order: a closed-lost stage ordered after the open stages would count losing
 * a deal as advancing it, so leave such stages out of `stageOrders`.
 * @throws RangeError when a dealId appears twice, which would count the deal twice.
 */
export function stageConversion(entries: readonly DealStagePath[], k: number): StageConversion {
  const seen = new Set<string>();
  let entered = 0;
  let advanced = 0;
  for (const { dealId, stageOrders } of entries) {
    if (seen.has(dealId)) throw new RangeError(`Deal ${dealId} appears more than once`);
    seen.add(dealId);
    const firstEntry = stageOrders.indexOf(k);
    if (firstEntry === -1) continue;
    entered += 1;
    // The first entry into k is enough: any later step above k also follows it.
    if (stageOrders.slice(firstEntry + 1).some((order) => order > k)) advanced += 1;
  }
  return { entered, advanced, rate: entered === 0 ? null : advanced / entered };
}
