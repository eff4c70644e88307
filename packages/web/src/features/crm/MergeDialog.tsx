import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface MergeTarget {
  current: { id: string; name: string };
  other: { id: string; name: string };
}

interface MergeDialogProps {
  target: MergeTarget | null;
  pending: boolean;
  onClose(): void;
  onMerge(choice: { survivorId: string; otherId: string }): void;
}

/**
 * Two records become one: the user chooses which survives; everything linked to the other
 * (contacts, deals, activities, history) moves to it, and the other is archived as merged.
 */
export function MergeDialog({ target, pending, onClose, onMerge }: MergeDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={target !== null} onClose={onClose} title={t('crm.merge.title')}>
      {target && <MergeForm target={target} pending={pending} onClose={onClose} onMerge={onMerge} />}
    </Modal>
  );
}

function MergeForm({ target, pending, onClose, onMerge }: MergeDialogProps & { target: MergeTarget }) {
  const { t } = useTranslation();
  const [survivor, setSurvivor] = useState<'current' | 'other'>('other');
  const kept = survivor === 'current' ? target.current : target.other;
  const merged = survivor === 'current' ? target.other : target.current;
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('crm.merge.keep')}
        value={survivor}
        onChange={(value) => setSurvivor(value === 'current' ? 'current' : 'other')}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="current" label={target.current.name} data-testid="merge-keep-current" />
          <Radio value="other" label={target.other.name} data-testid="merge-keep-other" />
        </Stack>
      </Radio.Group>
      <Alert color="yellow">
        <Text size="sm">{t('crm.merge.explain', { merged: merged.name, kept: kept.name })}</Text>
      </Alert>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          color="red"
          loading={pending}
          onClick={() => onMerge({ survivorId: kept.id, otherId: merged.id })}
          data-testid="merge-confirm"
        >
          {t('crm.merge.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
