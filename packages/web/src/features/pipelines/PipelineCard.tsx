import { ActionIcon, Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import type { Pipeline, PipelineStage } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { StageFormModal, type StageValues } from './StageFormModal.tsx';
import { usePipelineMutations } from './use-pipeline-admin.ts';

/** One pipeline: its stages in order, with probability and rotting limit; add, edit, reorder, archive. */
export function PipelineCard({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const mutations = usePipelineMutations();
  const [editing, setEditing] = useState<PipelineStage | 'new' | null>(null);
  const fail = (error: unknown) => notifyError(errorMessage(error));
  const saved = () => notifySuccess(t('common.saved'));

  function move(index: number, step: -1 | 1) {
    const ids = pipeline.stages.map((stage) => stage.id);
    const other = index + step;
    const current = ids[index];
    const swapped = ids[other];
    if (current === undefined || swapped === undefined) return;
    ids[index] = swapped;
    ids[other] = current;
    mutations.reorder.mutate({ pipelineId: pipeline.id, stageIds: ids }, { onError: fail });
  }

  function save(values: StageValues) {
    const options = {
      onSuccess: () => {
        setEditing(null);
        saved();
      },
      onError: fail,
    };
    if (editing === 'new') mutations.createStage.mutate({ pipelineId: pipeline.id, body: values }, options);
    else if (editing)
      mutations.updateStage.mutate({ pipelineId: pipeline.id, stageId: editing.id, body: values }, options);
  }

  return (
    <Card withBorder data-testid={`pipeline-${pipeline.id}`}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={2} size="h4">
            {pipeline.name}
          </Title>
          {pipeline.isDefault && <Badge>{t('pipelines.default')}</Badge>}
          {pipeline.archived && <Badge color="gray">{t('crm.archived.true')}</Badge>}
        </Group>
        <Group gap="xs">
          {!pipeline.isDefault && !pipeline.archived && (
            <Button
              size="xs"
              variant="subtle"
              onClick={() =>
                mutations.update.mutate(
                  { id: pipeline.id, body: { isDefault: true } },
                  { onSuccess: saved, onError: fail },
                )
              }
            >
              {t('pipelines.makeDefault')}
            </Button>
          )}
          <Button
            size="xs"
            variant="subtle"
            color={pipeline.archived ? 'teal' : 'red'}
            onClick={() =>
              mutations.update.mutate(
                { id: pipeline.id, body: { archived: !pipeline.archived } },
                { onSuccess: saved, onError: fail },
              )
            }
          >
            {pipeline.archived ? t('companies.unarchive') : t('companies.archive')}
          </Button>
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            {t('pipelines.addStage')}
          </Button>
        </Group>
      </Group>
      <Table fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70} />
            <Table.Th>{t('pipelines.stageName')}</Table.Th>
            <Table.Th>{t('pipelines.kind')}</Table.Th>
            <Table.Th ta="right">{t('pipelines.probability')}</Table.Th>
            <Table.Th ta="right">{t('pipelines.rottingDays')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pipeline.stages.map((stage, index) => (
            <Table.Tr key={stage.id} style={{ opacity: stage.archived ? 0.5 : 1 }}>
              <Table.Td>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={t('pipelines.up')}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    disabled={index === pipeline.stages.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={t('pipelines.down')}
                  >
                    ↓
                  </ActionIcon>
                </Group>
              </Table.Td>
              <Table.Td>{stage.name}</Table.Td>
              <Table.Td>{t(`crm.stageKind.${stage.kind}`)}</Table.Td>
              <Table.Td ta="right">{stage.probability} %</Table.Td>
              <Table.Td ta="right">{stage.rottingDays ?? t('common.none')}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(stage)}>
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color={stage.archived ? 'teal' : 'gray'}
                    onClick={() =>
                      mutations.updateStage.mutate(
                        { pipelineId: pipeline.id, stageId: stage.id, body: { archived: !stage.archived } },
                        { onSuccess: saved, onError: fail },
                      )
                    }
                  >
                    {stage.archived ? t('companies.unarchive') : t('companies.archive')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pipeline.stages.length === 0 && <Text c="dimmed">{t('pipelines.noStages')}</Text>}
      <StageFormModal
        stage={editing}
        pending={mutations.createStage.isPending || mutations.updateStage.isPending}
        onClose={() => setEditing(null)}
        onSave={save}
      />
    </Card>
  );
}
