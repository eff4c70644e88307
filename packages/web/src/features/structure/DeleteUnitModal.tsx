import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Unit } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifySuccess } from '../../shared/notify.ts';
import { useDeleteUnit } from './use-units.ts';

export function DeleteUnitModal({ unit, onClose }: { unit: Unit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const deleteUnit = useDeleteUnit();
  const close = () => {
    deleteUnit.reset();
    onClose();
  };
  const error = deleteUnit.error;

  return (
    <Modal opened={unit !== null} onClose={close} title={t('structure.deleteTitle')}>
      {unit && (
        <Stack gap="sm">
          <Text>{t('structure.deleteText', { name: unit.name })}</Text>
          {error && (
            <Alert color="red" role="alert">
              {isApiError(error, 'conflict') ? t('structure.deleteConflict') : errorMessage(error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={deleteUnit.isPending}
              data-testid="unit-delete-confirm"
              onClick={() =>
                deleteUnit.mutate(unit, {
                  onSuccess: () => {
                    notifySuccess(t('structure.deleted'));
                    close();
                  },
                })
              }
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
