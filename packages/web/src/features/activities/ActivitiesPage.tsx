import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { EntityList } from '../list/EntityList.tsx';
import { useActivityList } from './activity-list.tsx';

/** Every call, meeting, e-mail and note in the user's scope; new ones come from quick create. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const definition = useActivityList();
  return (
    <Stack gap="md">
      <PageTitle>{t('activities.title')}</PageTitle>
      <EntityList definition={definition} />
    </Stack>
  );
}
