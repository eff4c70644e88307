import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { useMe } from '../auth/session.tsx';
import { canRecordWork } from '../crm/permissions.ts';
import { EntityList } from '../list/EntityList.tsx';
import { LeadFormModal } from './LeadFormModal.tsx';
import { useLeadList } from './lead-list.tsx';

export function LeadsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const definition = useLeadList();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageTitle>{t('leads.title')}</PageTitle>
        {canRecordWork(me) && (
          <Button onClick={() => setCreating(true)} data-testid="lead-create">
            {t('leads.create')}
          </Button>
        )}
      </Group>
      <EntityList definition={definition} />
      <LeadFormModal lead={null} opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
