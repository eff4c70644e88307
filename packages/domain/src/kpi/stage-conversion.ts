import { type DealStagePath, stageConversion } from '../crm/stage-history.ts';

/** A deal entering a stage of one pipeline (from the deal's stage history). */
export interface StageEntry {
  dealId: string;
  /** The stage's position within its pipeline; won is passed as the highest position. */
  stagePosition: number;
  enteredAt: Date;
}

/** Input of {@link periodStageConversion}: one pipeline's entries and the period [from, to). */
export interface PeriodStageConversionInput {
  /** Every recorded entry of the pipeline's deals, including those after the period. */
  entries: readonly StageEntry[];
  /** The stage positions to report, e.g. the pipeline's open stages in order. */
  stagePositions: readonly number[];
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** The conversion out of one stage over a period. */
export interface PeriodStageConversion {
  stagePosition: number;
  /** Deals that entered the stage in the period, each counted once. */
  entered: number;
  /** Of those, deals that later entered any stage further along (won included). */
  advanced: number;
  /** advanced / entered × 100; null when nothing entered (absent, not 0). */
  conversionPercent: number | null;
}

/**
 * Stage-to-stage conversion over a period (PRODUCT.md): of the deals that entered stage k in the
 * period, the share that later entered stage k+1 or any later stage — by position within the
 * pipeline, so a deal that skipped a stage still advanced, and a deal won is a deal that advanced.
 * The counting itself is the CRM's {@link stageConversion}; this picks the deals for the period.
 *
 * "Later" is measured from the deal's first entry into k within the period, and is not cut at the
 * period's end: a deal that entered k on the 30th and moved on on the 2nd converted. A deal that
 * went further before that entry (and was moved back) counts only if it moves on again. Entries at
 * the very same instant are taken in stage order (an import or an automation records a deal's
 * stages at once), so a step further along at the same instant counts as later.
 * @throws RangeError for an invalid instant, a period that ends before it starts, or a position
 *   that is not a whole number.
 */
export function periodStageConversion(input: PeriodStageConversionInput): PeriodStageConversion[] {
  const from = checkInstant(input.from, 'from');
  const to = checkInstant(input.to, 'to');
  if (to < from) throw new RangeError('Invalid period: it ends before it starts');
  const byDeal = new Map<string, { position: number; at: number }[]>();
  for (const entry of input.entries) {
    checkPosition(entry.stagePosition);
    const list = byDeal.get(entry.dealId) ?? [];
    list.push({ position: entry.stagePosition, at: checkInstant(entry.enteredAt, 'enteredAt') });
    byDeal.set(entry.dealId, list);
  }
  for (const history of byDeal.values()) history.sort((a, b) => a.at - b.at || a.position - b.position);
  return input.stagePositions.map((stagePosition) => {
    checkPosition(stagePosition);
    const paths: DealStagePath[] = [];
    for (const [dealId, history] of byDeal) {
      // Sorted by time, so this is the first entry into the stage within the period.
      const first = history.findIndex((e) => e.position === stagePosition && e.at >= from && e.at < to);
      if (first === -1) continue;
      paths.push({ dealId, stageOrders: history.slice(first).map((e) => e.position) });
    }
    const { entered, advanced } = stageConversion(paths, stagePosition);
    return { stagePosition, entered, advanced, conversionPercent: entered === 0 ? null : (advanced * 100) / entered };
  });
}

function checkInstant(at: Date, field: string): number {
  const time = at.getTime();
  if (Number.isNaN(time)) throw new RangeError(`Invalid ${field}: the Date is not a valid time`);
  return time;
}

function checkPosition(position: number): void {
  if (!Number.isSafeInteger(position)) {
    throw new RangeError(`Invalid stage position ${position}: expected a whole number`);
  }
}
