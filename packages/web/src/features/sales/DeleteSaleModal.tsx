import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Sale } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifySuccess } from '../../shared/notify.ts';
import { useFormat } from '../../shared/use-format.ts';
import { useDeleteSale } from './use-sales.ts';

/** Asks before deleting a line entered directly; a won deal's line is refused by the server (409). */
export function DeleteSaleModal({ sale, onClose }: { sale: Sale | null; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const remove = useDeleteSale();
  const close = () => {
    remove.reset();
    onClose();
  };
  const error = remove.error;
  return (
    <Modal opened={sale !== null} onClose={close} title={t('sales.delete.title')}>
      {sale && (
        <Stack gap="sm">
          <Text fw={500}>
            {[
              format.day(sale.saleDate),
              sale.companyName,
              sale.productName,
              format.money(sale.amountMinor, sale.currency),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Text size="sm">{t('sales.delete.text')}</Text>
          {error && (
            <Alert color="red" role="alert">
              {isApiError(error, 'conflict') ? t('sales.delete.conflict') : errorMessage(error)}
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
                remove.mutate(sale.id, {
                  onSuccess: () => {
                    notifySuccess(t('sales.delete.done'));
                    close();
                  },
                })
              }
              data-testid="sale-delete-confirm"
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
