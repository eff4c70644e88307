import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { useMe } from '../auth/session.tsx';
import { canCreateDeals } from '../crm/permissions.ts';
import { EntityList } from '../list/EntityList.tsx';
import { DealCreateModal } from './DealCreateModal.tsx';
import { useDealList } from './deal-list.tsx';

export function DealsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const definition = useDealList();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageTitle>{t('deals.title')}</PageTitle>
        <Group gap="xs">
          <Button component={Link} to="/deals/board" variant="default" data-testid="deals-board-link">
            {t('board.title')}
          </Button>
          {canCreateDeals(me) && (
            <Button onClick={() => setCreating(true)} data-testid="deal-create">
              {t('deals.create')}
            </Button>
          )}
        </Group>
      </Group>
      <EntityList definition={definition} />
      <DealCreateModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
