import { Button, Group, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { BoardDeal, PipelineBoard, PipelineStage } from '@pulse/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { useMe } from '../auth/session.tsx';
import { canReassign } from '../crm/permissions.ts';
import { usePipelines } from '../deals/use-pipelines.ts';
import { UserPicker } from '../people/UserPicker.tsx';
import { BoardColumn } from './BoardColumn.tsx';
import { adjacentStageId } from './board-move.ts';
import { LostDealModal } from './LostDealModal.tsx';
import { useBoard, useMoveDeal } from './use-board.ts';

/** The pipeline as columns of stages; deals move by drag and drop or from the keyboard. */
export function PipelineBoardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const pipelines = usePipelines();
  const [chosen, setChosen] = useState<string | null>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const all = pipelines.data ?? [];
  const pipelineId = chosen ?? all.find((pipeline) => pipeline.isDefault)?.id ?? all[0]?.id ?? null;
  const board = useBoard(pipelineId, ownerId);
  const move = useMoveDeal(pipelineId ?? '', ownerId);
  const [pendingLost, setPendingLost] = useState<{ deal: BoardDeal; stage: PipelineStage } | null>(null);
  const [focusedDealId, setFocusedDealId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const dragged = useRef<BoardDeal | null>(null);

  const data = board.data;
  const stages = data?.columns.map((column) => column.stage) ?? [];
  // Reps move their own deals; readers (analysts, quality) only look.
  const canMove = me.user.role !== 'analyst' && me.user.role !== 'quality_manager' && me.user.role !== 'operations';

  function findDeal(current: PipelineBoard, dealId: string): { deal: BoardDeal; stageId: string } | null {
    for (const column of current.columns) {
      const deal = column.deals.find((candidate) => candidate.id === dealId);
      if (deal) return { deal, stageId: column.stage.id };
    }
    return null;
  }

  function requestMove(deal: BoardDeal, stage: PipelineStage) {
    if (stage.kind === 'lost') {
      setPendingLost({ deal, stage });
      return;
    }
    commitMove(deal, stage);
  }

  function commitMove(deal: BoardDeal, stage: PipelineStage, lost?: Parameters<typeof move.mutate>[0]['lost']) {
    move.mutate({ deal, toStageId: stage.id, toStageName: stage.name, lost });
    setAnnouncement(t('board.moved', { title: deal.title, stage: stage.name }));
  }

  function onDropDeal(dealId: string, stage: PipelineStage) {
    if (!data) return;
    const found = findDeal(data, dealId) ?? (dragged.current ? { deal: dragged.current, stageId: '' } : null);
    dragged.current = null;
    if (!found || found.stageId === stage.id) return;
    requestMove(found.deal, stage);
  }

  function onMoveBy(deal: BoardDeal, step: 1 | -1) {
    if (!data) return;
    const from = findDeal(data, deal.id);
    const toId = from ? adjacentStageId(data, from.stageId, step) : null;
    const stage = stages.find((candidate) => candidate.id === toId);
    if (!stage) return;
    setFocusedDealId(stage.kind === 'open' ? deal.id : null);
    requestMove(deal, stage);
  }

  const open = data?.columns.filter((column) => column.stage.kind === 'open') ?? [];
  const totals = open.reduce(
    (sum, column) => ({
      count: sum.count + column.count,
      amount: sum.amount + column.amountMinor,
      weighted: sum.weighted + column.weightedAmountMinor,
    }),
    { count: 0, amount: 0, weighted: 0 },
  );

  return (
    <Stack gap="md" h="100%">
      <Group justify="space-between" align="flex-end">
        <PageTitle>{t('board.title')}</PageTitle>
        <Group gap="sm" align="flex-end">
          {all.length > 1 && (
            <Select
              label={t('deals.fields.pipeline')}
              data={all.map((pipeline) => ({ value: pipeline.id, label: pipeline.name }))}
              value={pipelineId}
              onChange={setChosen}
              allowDeselect={false}
              w={220}
              data-testid="board-pipeline"
            />
          )}
          {canReassign(me) && (
            <div style={{ width: 220 }}>
              <UserPicker
                label={t('deals.fields.owner')}
                placeholder={t('list.anyone')}
                value={ownerId}
                onChange={setOwnerId}
                data-testid="board-owner"
              />
            </div>
          )}
          <Button component={Link} to="/deals" variant="default">
            {t('board.asList')}
          </Button>
        </Group>
      </Group>
      {data && (
        <Text size="sm" c="dimmed" data-testid="board-summary">
          {t('board.summary', {
            count: totals.count,
            amount: format.moneyShort(totals.amount, data.currency),
            weighted: format.moneyShort(totals.weighted, data.currency),
          })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('board.keyboardHint')}
      </Text>
      <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
      {pipelines.isError || board.isError ? (
        <QueryError error={pipelines.error ?? board.error} onRetry={() => void board.refetch()} />
      ) : !data ? (
        <CenteredLoader />
      ) : (
        <Group
          gap="sm"
          align="stretch"
          wrap="nowrap"
          style={{ overflowX: 'auto', paddingBottom: 8 }}
          data-testid="board"
        >
          {data.columns.map((column) => (
            <BoardColumn
              key={column.stage.id}
              column={column}
              stages={stages}
              focusedDealId={focusedDealId}
              canMove={canMove}
              onDropDeal={onDropDeal}
              onMove={(deal, stage) => {
                setFocusedDealId(stage.kind === 'open' ? deal.id : null);
                requestMove(deal, stage);
              }}
              onMoveBy={onMoveBy}
              onDragStart={(deal) => {
                dragged.current = deal;
              }}
            />
          ))}
        </Group>
      )}
      <LostDealModal
        dealTitle={pendingLost?.deal.title ?? null}
        onCancel={() => setPendingLost(null)}
        onConfirm={(lost) => {
          if (pendingLost) commitMove(pendingLost.deal, pendingLost.stage, lost);
          setPendingLost(null);
        }}
      />
    </Stack>
  );
}
