import type { PipelineBoard } from '@pulse/contracts';

/** A stage's weighted amount of one deal, rounded to a minor unit as the server does. */
export function weighted(amountMinor: number, probability: number): number {
  return Math.round((amountMinor * probability) / 100);
}

/**
 * The board as it will look once a deal has moved: the card leaves its column (count and totals
 * follow) and joins the end of the target column — it has been there the shortest time. A won or
 * lost stage closes the deal, and closed deals are not on the board, so the card just leaves.
 */
export function moveCard(board: PipelineBoard, dealId: string, toStageId: string): PipelineBoard {
  const from = board.columns.find((column) => column.deals.some((deal) => deal.id === dealId));
  const card = from?.deals.find((deal) => deal.id === dealId);
  if (!from || !card || from.stage.id === toStageId) return board;
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column === from) {
        return {
          ...column,
          count: Math.max(0, column.count - 1),
          amountMinor: Math.max(0, column.amountMinor - card.amountMinor),
          weightedAmountMinor: Math.max(
            0,
            column.weightedAmountMinor - weighted(card.amountMinor, column.stage.probability),
          ),
          deals: column.deals.filter((deal) => deal.id !== dealId),
        };
      }
      if (column.stage.id === toStageId && column.stage.kind === 'open') {
        return {
          ...column,
          count: column.count + 1,
          amountMinor: column.amountMinor + card.amountMinor,
          weightedAmountMinor: column.weightedAmountMinor + weighted(card.amountMinor, column.stage.probability),
          deals: [...column.deals, { ...card, isRotting: false }],
        };
      }
      return column;
    }),
  };
}

/** The stage a keyboard move lands on: the next or previous stage of the pipeline, if any. */
export function adjacentStageId(board: PipelineBoard, fromStageId: string, step: 1 | -1): string | null {
  const index = board.columns.findIndex((column) => column.stage.id === fromStageId);
  if (index < 0) return null;
  return board.columns[index + step]?.stage.id ?? null;
}

/** The version the server gave the deal, so a second move is not refused as stale. */
export function withVersion(board: PipelineBoard, dealId: string, version: number): PipelineBoard {
  return {
    ...board,
    columns: board.columns.map((column) => ({
      ...column,
      deals: column.deals.map((deal) => (deal.id === dealId ? { ...deal, version } : deal)),
    })),
  };
}
