import { Stack } from '@mantine/core';
import type { Activity } from '@pulse/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { EntityList } from '../list/EntityList.tsx';
import { ActivityEditModal } from './ActivityEditModal.tsx';
import { useActivityList } from './activity-list.tsx';
import { DeleteActivityModal } from './DeleteActivityModal.tsx';

/** Every call, meeting, e-mail and note in the user's scope; new ones come from quick create, rows are edited here. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Activity | null>(null);
  const [deleting, setDeleting] = useState<Activity | null>(null);
  const actions = useMemo(() => ({ onEdit: setEditing, onDelete: setDeleting }), []);
  const definition = useActivityList(actions);
  return (
    <Stack gap="md">
      <PageTitle>{t('activities.title')}</PageTitle>
      <EntityList definition={definition} />
      <ActivityEditModal activity={editing} onClose={() => setEditing(null)} onDelete={setDeleting} />
      <DeleteActivityModal activity={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}
