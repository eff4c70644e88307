import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { type PipelineStage, StageKind } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface StageValues {
  name: string;
  kind: StageKind;
  probability: number;
  rottingDays: number | null;
}

interface StageFormModalProps {
  /** The stage to edit, `'new'` for a new one, null when closed. */
  stage: PipelineStage | 'new' | null;
  pending: boolean;
  onClose(): void;
  onSave(values: StageValues): void;
}

export function StageFormModal({ stage, pending, onClose, onSave }: StageFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={stage !== null}
      onClose={onClose}
      title={stage === 'new' ? t('pipelines.addStage') : t('pipelines.editStage')}
    >
      {stage !== null && (
        <StageForm stage={stage === 'new' ? null : stage} pending={pending} onClose={onClose} onSave={onSave} />
      )}
    </Modal>
  );
}

function StageForm({
  stage,
  pending,
  onClose,
  onSave,
}: Omit<StageFormModalProps, 'stage'> & { stage: PipelineStage | null }) {
  const { t } = useTranslation();
  const [name, setName] = useState(stage?.name ?? '');
  const [kind, setKind] = useState<StageKind>(stage?.kind ?? 'open');
  const [probability, setProbability] = useState<number>(stage?.probability ?? 50);
  const [rottingDays, setRottingDays] = useState<number | null>(stage?.rottingDays ?? null);
  const [missing, setMissing] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setMissing(true);
    onSave({ name: name.trim(), kind, probability, rottingDays });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('pipelines.stageName')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={missing ? t('validation.required') : undefined}
          required
          data-autofocus
        />
        <Select
          label={t('pipelines.kind')}
          data={StageKind.options.map((value) => ({ value, label: t(`crm.stageKind.${value}`) }))}
          value={kind}
          onChange={(value) => {
            const parsed = StageKind.safeParse(value);
            if (parsed.success) setKind(parsed.data);
          }}
          allowDeselect={false}
        />
        <NumberInput
          label={t('pipelines.probability')}
          value={probability}
          onChange={(value) => setProbability(typeof value === 'number' ? value : 0)}
          min={0}
          max={100}
          suffix=" %"
        />
        <NumberInput
          label={t('pipelines.rottingDays')}
          description={t('pipelines.rottingHint')}
          value={rottingDays ?? ''}
          onChange={(value) => setRottingDays(typeof value === 'number' && value > 0 ? value : null)}
          min={1}
          max={3650}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
