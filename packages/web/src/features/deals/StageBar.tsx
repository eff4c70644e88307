import { Button, Group } from '@mantine/core';
import type { DealDetails, PipelineStage } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { isStale } from '../../shared/stale.ts';
import { LostDealModal } from '../board/LostDealModal.tsx';
import type { LostDetails } from '../board/use-board.ts';
import { useMoveDealStage } from './use-deals.ts';
import { usePipelines } from './use-pipelines.ts';

/** The deal's pipeline as a row of stages; pressing one moves the deal there. */
export function StageBar({ deal, editable }: { deal: DealDetails; editable: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const pipelines = usePipelines();
  const move = useMoveDealStage(deal.id);
  const [lostStage, setLostStage] = useState<PipelineStage | null>(null);
  const pipeline = pipelines.data?.find((candidate) => candidate.id === deal.pipelineId);
  const stages = (pipeline?.stages ?? []).filter((stage) => !stage.archived || stage.id === deal.stageId);
  const current = stages.findIndex((stage) => stage.id === deal.stageId);

  function go(stage: PipelineStage, lost?: LostDetails) {
    move.mutate(
      { stageId: stage.id, version: deal.version, ...(lost ?? {}) },
      {
        onSuccess: () => notifySuccess(t('board.moved', { title: deal.title, stage: stage.name })),
        onError: (error) => notifyError(isStale(error) ? t('work.stale') : errorMessage(error)),
      },
    );
  }

  return (
    <>
      <Group gap={4} data-testid="deal-stage-bar">
        {stages.map((stage, index) => {
          const active = stage.id === deal.stageId;
          const passed = stage.kind === 'open' && index < current;
          const color = stage.kind === 'won' ? 'teal' : stage.kind === 'lost' ? 'red' : 'indigo';
          return (
            <Button
              key={stage.id}
              size="compact-sm"
              variant={active ? 'filled' : passed ? 'light' : 'default'}
              color={color}
              disabled={!editable || move.isPending}
              onClick={() => {
                if (active) return;
                if (stage.kind === 'lost') setLostStage(stage);
                else go(stage);
              }}
              aria-current={active ? 'step' : undefined}
              data-testid={`deal-stage-${stage.id}`}
            >
              {stage.name}
            </Button>
          );
        })}
      </Group>
      <LostDealModal
        dealTitle={lostStage ? deal.title : null}
        onCancel={() => setLostStage(null)}
        onConfirm={(lost) => {
          if (lostStage) go(lostStage, lost);
          setLostStage(null);
        }}
      />
    </>
  );
}
