import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ProductGroup } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifySuccess } from '../../shared/notify.ts';
import { useDeleteProductGroup } from './use-products.ts';

/** Asks before deleting a group; the server refuses one that still holds products or sub-groups (409). */
export function DeleteProductGroupModal({ group, onClose }: { group: ProductGroup | null; onClose(): void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const remove = useDeleteProductGroup();
  const close = () => {
    remove.reset();
    onClose();
  };
  const error = remove.error;
  return (
    <Modal opened={group !== null} onClose={close} title={t('productGroups.delete.title')}>
      {group && (
        <Stack gap="sm">
          <Text>{t('productGroups.delete.text', { name: group.name })}</Text>
          {error && (
            <Alert color="red" role="alert" data-testid="product-group-delete-error">
              {isApiError(error, 'conflict') ? t('productGroups.delete.conflict') : errorMessage(error)}
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
                remove.mutate(group.id, {
                  onSuccess: () => {
                    notifySuccess(t('productGroups.delete.done'));
                    close();
                  },
                })
              }
              data-testid="product-group-delete-confirm"
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
