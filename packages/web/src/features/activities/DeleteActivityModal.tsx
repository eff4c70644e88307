import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Activity } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifySuccess } from '../../shared/notify.ts';
import { useFormat } from '../../shared/use-format.ts';
import { useDeleteActivity } from './use-work.ts';

/** Asks before deleting a note or a planned meeting; anything that took place is refused by the server (409). */
export function DeleteActivityModal({ activity, onClose }: { activity: Activity | null; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const remove = useDeleteActivity();
  const close = () => {
    remove.reset();
    onClose();
  };
  const error = remove.error;
  return (
    <Modal opened={activity !== null} onClose={close} title={t('activities.delete.title')}>
      {activity && (
        <Stack gap="sm">
          <Text fw={500}>
            {[
              t(`crm.activityKind.${activity.kind}`),
              format.instant(activity.occurredAt),
              activity.subject ?? activity.body,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Text size="sm">{t('activities.delete.text')}</Text>
          {error && (
            <Alert color="red" role="alert">
              {isApiError(error, 'conflict') ? t('activities.delete.conflict') : errorMessage(error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(activity.id, {
                  onSuccess: () => {
                    notifySuccess(t('activities.delete.done'));
                    close();
                  },
                })
              }
              data-testid="activity-delete-confirm"
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
