import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { Unit } from '@pulse/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationData } from '../../api/users.ts';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useMe } from '../auth/session.tsx';
import { InvitationModal } from '../people/InvitationModal.tsx';
import { canManagePeople } from '../people/permissions.ts';
import { UserFormModal, type UserFormTarget } from '../people/UserFormModal.tsx';
import { DeleteUnitModal } from './DeleteUnitModal.tsx';
import { UnitFormModal, type UnitFormTarget } from './UnitFormModal.tsx';
import { type UnitActions, UnitTree } from './UnitTree.tsx';
import { buildUnitTree, type UnitNode } from './unit-tree.ts';
import { useUnits } from './use-units.ts';

/** Units two levels deep open by default; deeper ones wait for a click. */
const OPEN_DEPTH = 2;

export function StructurePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const units = useUnits();
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const [unitTarget, setUnitTarget] = useState<UnitFormTarget | null>(null);
  const [deleting, setDeleting] = useState<Unit | null>(null);
  const [personTarget, setPersonTarget] = useState<UserFormTarget | null>(null);
  const [invitation, setInvitation] = useState<InvitationData | null>(null);
  const tree = useMemo(() => buildUnitTree(units.data ?? [], i18n.language), [units.data, i18n.language]);

  const canEdit = me.permissions.manageStructure;
  const actions: UnitActions | undefined = canEdit
    ? {
        onAddChild: (parent) => setUnitTarget({ mode: 'create', parentId: parent.id }),
        onEdit: (unit) => setUnitTarget({ mode: 'edit', unit }),
        onDelete: setDeleting,
      }
    : undefined;
  const isExpanded = (node: UnitNode) => expanded[node.unit.id] ?? node.depth < OPEN_DEPTH;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageTitle>{t('structure.title')}</PageTitle>
        {canEdit && (
          <Button onClick={() => setUnitTarget({ mode: 'create', parentId: null })} data-testid="unit-create">
            {t('structure.addRoot')}
          </Button>
        )}
      </Group>
      {units.isPending && <CenteredLoader />}
      {units.isError && <QueryError error={units.error} onRetry={() => void units.refetch()} />}
      {units.data && (
        <Paper withBorder p="md">
          {tree.length === 0 ? (
            <Text c="dimmed" data-testid="structure-tree">
              {t('structure.empty')}
            </Text>
          ) : (
            <UnitTree
              nodes={tree}
              isExpanded={isExpanded}
              onToggle={(node) => setExpanded((state) => ({ ...state, [node.unit.id]: !isExpanded(node) }))}
              actions={actions}
              onOpenPerson={canManagePeople(me) ? (user) => setPersonTarget({ mode: 'edit', user }) : undefined}
            />
          )}
        </Paper>
      )}
      <UnitFormModal target={unitTarget} units={units.data ?? []} onClose={() => setUnitTarget(null)} />
      <DeleteUnitModal unit={deleting} onClose={() => setDeleting(null)} />
      <UserFormModal target={personTarget} onClose={() => setPersonTarget(null)} onInvitation={setInvitation} />
      <InvitationModal invitation={invitation} onClose={() => setInvitation(null)} />
    </Stack>
  );
}
