import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { BoardDeal, PipelineBoard, PipelineStage } from '@pulse/contracts';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/use-format.ts';
import { DEAL_DRAG_TYPE, DealCard } from './DealCard.tsx';

type Column = PipelineBoard['columns'][number];

interface BoardColumnProps {
  column: Column;
  stages: readonly PipelineStage[];
  focusedDealId: string | null;
  canMove: boolean;
  onDropDeal(dealId: string, to: PipelineStage): void;
  onMove(deal: BoardDeal, to: PipelineStage): void;
  onMoveBy(deal: BoardDeal, step: 1 | -1): void;
  onDragStart(deal: BoardDeal): void;
}

const accepts = (event: DragEvent) => event.dataTransfer.types.includes(DEAL_DRAG_TYPE);

/** One stage: its count, total and weighted amounts, and its cards; a drop target for cards. */
export function BoardColumn(props: BoardColumnProps) {
  const { column, canMove } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const [over, setOver] = useState(false);
  const { stage } = column;
  const closing = stage.kind !== 'open';
  const hidden = column.count - column.deals.length;

  return (
    <Paper
      withBorder
      p="xs"
      w={closing ? 180 : 280}
      miw={closing ? 180 : 280}
      bg={over ? 'indigo.0' : closing ? (stage.kind === 'won' ? 'teal.0' : 'red.0') : 'gray.0'}
      style={{
        display: 'flex',
        flexDirection: 'column',
        maxHeight: '100%',
        borderStyle: closing ? 'dashed' : undefined,
        outline: over ? '2px solid var(--mantine-color-indigo-5)' : undefined,
      }}
      onDragOver={(event) => {
        if (!canMove || !accepts(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        if (!over) setOver(true);
      }}
      onDragLeave={(event) => {
        const next = event.relatedTarget;
        if (!(next instanceof Node) || !event.currentTarget.contains(next)) setOver(false);
      }}
      onDrop={(event) => {
        setOver(false);
        const dealId = event.dataTransfer.getData(DEAL_DRAG_TYPE);
        if (!dealId) return;
        event.preventDefault();
        props.onDropDeal(dealId, stage);
      }}
      role="region"
      aria-label={stage.name}
      data-testid={`board-column-${stage.id}`}
    >
      <Stack gap={2} mb="xs">
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Text fw={600} size="sm" truncate>
            {stage.name}
          </Text>
          <Badge size="sm" variant="light" color="gray" data-testid={`board-count-${stage.id}`}>
            {column.count}
          </Badge>
        </Group>
        {closing ? (
          <Text size="xs" c="dimmed">
            {stage.kind === 'won' ? t('board.dropWon') : t('board.dropLost')}
          </Text>
        ) : (
          <>
            <Text size="xs" data-testid={`board-total-${stage.id}`}>
              {t('board.total', { amount: format.moneyShort(column.amountMinor) })}
            </Text>
            <Text size="xs" c="dimmed" data-testid={`board-weighted-${stage.id}`}>
              {t('board.weighted', {
                amount: format.moneyShort(column.weightedAmountMinor),
                probability: stage.probability,
              })}
            </Text>
          </>
        )}
      </Stack>
      {!closing && (
        <div style={{ maxHeight: 'calc(100dvh - 320px)', overflowY: 'auto', overflowX: 'hidden', paddingRight: 2 }}>
          <Stack gap="xs">
            {column.deals.map((deal) => (
              <DealCard
                key={deal.id}
                deal={deal}
                stage={stage}
                stages={props.stages}
                focused={props.focusedDealId === deal.id}
                canMove={canMove}
                onMove={props.onMove}
                onMoveBy={props.onMoveBy}
                onDragStart={props.onDragStart}
              />
            ))}
            {hidden > 0 && (
              <Anchor component={Link} to={`/deals?stageId=${stage.id}&status=open`} size="xs" ta="center">
                {t('board.more', { count: hidden })}
              </Anchor>
            )}
          </Stack>
        </div>
      )}
    </Paper>
  );
}
