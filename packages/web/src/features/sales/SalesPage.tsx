import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { EntityList } from '../list/EntityList.tsx';
import { useSaleList } from './sale-list.tsx';

/** What was sold: the lines won deals created and those entered through the API. */
export function SalesPage() {
  const { t } = useTranslation();
  const definition = useSaleList();
  return (
    <Stack gap="md">
      <PageTitle>{t('sales.title')}</PageTitle>
      <EntityList definition={definition} />
    </Stack>
  );
}
