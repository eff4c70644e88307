import type { PipelineBoard } from '@pulse/contracts';
import { describe, expect, it } from 'vitest';
import { adjacentStageId, moveCard, weighted, withVersion } from './board-move.ts';

const ids = {
  pipeline: '00000000-0000-4000-8000-000000000001',
  qualify: '00000000-0000-4000-8000-000000000011',
  offer: '00000000-0000-4000-8000-000000000012',
  won: '00000000-0000-4000-8000-000000000013',
  deal: '00000000-0000-4000-8000-000000000021',
  owner: '00000000-0000-4000-8000-000000000031',
};

function stage(id: string, position: number, kind: 'open' | 'won' | 'lost', probability: number) {
  return { id, pipelineId: ids.pipeline, name: id, position, kind, probability, rottingDays: null, archived: false };
}

const card = {
  id: ids.deal,
  title: 'Поставка',
  amountMinor: 100_000,
  currency: 'RUB',
  companyId: null,
  companyName: null,
  ownerId: ids.owner,
  ownerName: 'Мария',
  expectedCloseDate: null,
  stageEnteredAt: '2026-03-01T09:00:00.000Z',
  nextStep: null,
  isRotting: true,
  noNextStep: false,
  version: 3,
};

const board: PipelineBoard = {
  pipelineId: ids.pipeline,
  pipelineName: 'Продажи',
  currency: 'RUB',
  columns: [
    {
      stage: stage(ids.qualify, 0, 'open', 20),
      count: 5,
      amountMinor: 500_000,
      weightedAmountMinor: 100_000,
      deals: [card],
    },
    { stage: stage(ids.offer, 1, 'open', 50), count: 1, amountMinor: 10_000, weightedAmountMinor: 5_000, deals: [] },
    { stage: stage(ids.won, 2, 'won', 100), count: 0, amountMinor: 0, weightedAmountMinor: 0, deals: [] },
  ],
};

describe('moveCard', () => {
  const moved = moveCard(board, ids.deal, ids.offer);
  it('takes the card and its amounts out of the old column', () =>
    expect(moved.columns[0]).toMatchObject({ count: 4, amountMinor: 400_000, weightedAmountMinor: 80_000, deals: [] }));
  it('adds the card and its weighted amount to the new column', () =>
    expect(moved.columns[1]).toMatchObject({ count: 2, amountMinor: 110_000, weightedAmountMinor: 55_000 }));
  it('clears the rotting flag: the deal has just entered the stage', () =>
    expect(moved.columns[1]?.deals[0]?.isRotting).toBe(false));
  it('lets a won deal leave the board', () => expect(moveCard(board, ids.deal, ids.won).columns[2]?.deals).toEqual([]));
  it('leaves the board alone for a move to the same stage', () =>
    expect(moveCard(board, ids.deal, ids.qualify)).toBe(board));
});

describe('weighted', () => {
  it('rounds to a whole minor unit', () => expect(weighted(333, 50)).toBe(167));
});

describe('adjacentStageId', () => {
  it('finds the next stage', () => expect(adjacentStageId(board, ids.qualify, 1)).toBe(ids.offer));
  it('has nothing before the first stage', () => expect(adjacentStageId(board, ids.qualify, -1)).toBeNull());
});

describe('withVersion', () => {
  it('updates the card version', () => expect(withVersion(board, ids.deal, 4).columns[0]?.deals[0]?.version).toBe(4));
});
