import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { useMe } from '../auth/session.tsx';
import { canEditClients } from '../crm/permissions.ts';
import { EntityList } from '../list/EntityList.tsx';
import { ContactCreateModal } from './ContactCreateModal.tsx';
import { useContactList } from './contact-list.tsx';

export function ContactsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const definition = useContactList();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageTitle>{t('contacts.title')}</PageTitle>
        {canEditClients(me) && (
          <Button onClick={() => setCreating(true)} data-testid="contact-create">
            {t('contacts.create')}
          </Button>
        )}
      </Group>
      <EntityList definition={definition} />
      <ContactCreateModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
