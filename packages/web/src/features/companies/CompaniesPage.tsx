import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { EntityList } from '../list/EntityList.tsx';
import { CompanyCreateModal } from './CompanyCreateModal.tsx';
import { useCompanyList } from './company-list.tsx';

export function CompaniesPage() {
  const { t } = useTranslation();
  const definition = useCompanyList();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageTitle>{t('companies.title')}</PageTitle>
        <Button onClick={() => setCreating(true)} data-testid="company-create">
          {t('companies.create')}
        </Button>
      </Group>
      <EntityList definition={definition} />
      <CompanyCreateModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
