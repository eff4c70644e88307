import { Button, Group, Stack } from '@mantine/core';
import type { Sale } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { useMe } from '../auth/session.tsx';
import { canCreateDeals } from '../crm/permissions.ts';
import { EntityList } from '../list/EntityList.tsx';
import { DeleteSaleModal } from './DeleteSaleModal.tsx';
import { SaleFormModal } from './SaleFormModal.tsx';
import { useSaleList } from './sale-list.tsx';

/** What was sold: the lines won deals created, and those a department selling outside deals enters here. */
export function SalesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Sale | null>(null);
  const definition = useSaleList(setDeleting);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageTitle>{t('sales.title')}</PageTitle>
        {canCreateDeals(me) && (
          <Button onClick={() => setCreating(true)} data-testid="sale-create">
            {t('sales.create')}
          </Button>
        )}
      </Group>
      <EntityList definition={definition} />
      <SaleFormModal opened={creating} onClose={() => setCreating(false)} />
      <DeleteSaleModal sale={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}
