import { Button, Grid, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { PipelineCard } from './PipelineCard.tsx';
import { ReferenceListCard } from './ReferenceListCard.tsx';
import {
  useAllCompetitors,
  useAllLostReasons,
  useAllPipelines,
  usePipelineMutations,
  useReferenceMutations,
} from './use-pipeline-admin.ts';

/** The administrator's settings of the sales process: pipelines and stages, lost reasons, competitors. */
export function PipelinesPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const pipelines = useAllPipelines();
  const reasons = useAllLostReasons();
  const competitors = useAllCompetitors();
  const references = useReferenceMutations();
  const [creating, setCreating] = useState(false);
  const fail = (error: unknown) => notifyError(errorMessage(error));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageTitle>{t('pipelines.title')}</PageTitle>
        <Button onClick={() => setCreating(true)} data-testid="pipeline-create">
          {t('pipelines.create')}
        </Button>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            {pipelines.isPending ? (
              <CenteredLoader />
            ) : pipelines.isError ? (
              <QueryError error={pipelines.error} onRetry={() => void pipelines.refetch()} />
            ) : (
              pipelines.data.map((pipeline) => <PipelineCard key={pipeline.id} pipeline={pipeline} />)
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <ReferenceListCard
              title={t('pipelines.lostReasons')}
              entries={reasons.data ?? []}
              testId="lost-reasons"
              adding={references.createReason.isPending}
              onAdd={(name) => references.createReason.mutate({ name }, { onError: fail })}
              onToggle={(entry) =>
                references.updateReason.mutate({ id: entry.id, body: { active: !entry.active } }, { onError: fail })
              }
            />
            <ReferenceListCard
              title={t('pipelines.competitors')}
              entries={competitors.data ?? []}
              testId="competitors"
              adding={references.createCompetitor.isPending}
              onAdd={(name) => references.createCompetitor.mutate({ name }, { onError: fail })}
              onToggle={(entry) =>
                references.updateCompetitor.mutate({ id: entry.id, body: { active: !entry.active } }, { onError: fail })
              }
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <NewPipelineModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={() => notifySuccess(t('pipelines.created'))}
      />
    </Stack>
  );
}

/** A new pipeline starts with a working stage, a won and a lost one; the rest is edited afterwards. */
function NewPipelineModal({ opened, onClose, onCreated }: { opened: boolean; onClose(): void; onCreated(): void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { create } = usePipelineMutations();
  const [name, setName] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(
      {
        name: name.trim(),
        isDefault: false,
        stages: [
          { name: t('pipelines.firstStage'), kind: 'open', probability: 10, rottingDays: null },
          { name: t('crm.dealStatus.won'), kind: 'won', probability: 100, rottingDays: null },
          { name: t('crm.dealStatus.lost'), kind: 'lost', probability: 0, rottingDays: null },
        ],
      },
      {
        onSuccess: () => {
          onCreated();
          setName('');
          onClose();
        },
        onError: (error) => notifyError(errorMessage(error)),
      },
    );
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('pipelines.create')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('pipelines.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
