import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Role } from '@pulse/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationData, UserFilters } from '../../api/users.ts';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useMe } from '../auth/session.tsx';
import { unitOptions } from '../structure/unit-options.ts';
import { useUnits } from '../structure/use-units.ts';
import { InvitationModal } from './InvitationModal.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { canManagePeople } from './permissions.ts';
import { roleOptions } from './role-options.ts';
import { UserFormModal, type UserFormTarget } from './UserFormModal.tsx';
import { useUserList } from './use-users.ts';

type ActiveFilter = NonNullable<UserFilters['active']>;
const ACTIVE_FILTERS: readonly ActiveFilter[] = ['true', 'false', 'all'];

export function PeoplePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const canManage = canManagePeople(me);
  const units = useUnits();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<Role | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [active, setActive] = useState<ActiveFilter>('true');
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [invitation, setInvitation] = useState<InvitationData | null>(null);

  const filters: UserFilters = { q: q || undefined, role, unitId, active };
  const list = useUserList(filters);
  const users = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const unitsById = useMemo(() => new Map((units.data ?? []).map((unit) => [unit.id, unit])), [units.data]);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageTitle>{t('people.title')}</PageTitle>
        {canManage && (
          <Button onClick={() => setFormTarget({ mode: 'create' })} data-testid="people-create">
            {t('people.create')}
          </Button>
        )}
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('people.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          type="search"
          w={260}
          data-testid="people-search"
        />
        <Select
          label={t('people.roleFilter')}
          placeholder={t('people.anyRole')}
          data={roleOptions(t)}
          value={role ?? null}
          onChange={(value) => {
            const parsed = Role.safeParse(value);
            setRole(parsed.success ? parsed.data : undefined);
          }}
          clearable
          w={220}
          data-testid="people-role-filter"
        />
        <Select
          label={t('people.unitFilter')}
          placeholder={t('people.anyUnit')}
          data={unitOptions(units.data ?? [], i18n.language)}
          value={unitId ?? null}
          onChange={(value) => setUnitId(value ?? undefined)}
          searchable
          clearable
          w={220}
          data-testid="people-unit-filter"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="people-status-label">
            {t('people.statusFilter')}
          </Text>
          <SegmentedControl
            aria-labelledby="people-status-label"
            value={active}
            onChange={(value) => {
              const next = ACTIVE_FILTERS.find((option) => option === value);
              if (next) setActive(next);
            }}
            data={ACTIVE_FILTERS.map((value) => ({ value, label: t(`people.status.${value}`) }))}
            data-testid="people-status-filter"
          />
        </Stack>
      </Group>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <PeopleTable
            users={users}
            units={unitsById}
            hasNextPage={list.hasNextPage || list.isPending}
            isFetchingNextPage={list.isFetchingNextPage || list.isPending}
            fetchNextPage={() => void list.fetchNextPage()}
            onOpen={canManage ? (user) => setFormTarget({ mode: 'edit', user }) : undefined}
          />
          <Text size="xs" c="dimmed" aria-live="polite">
            {t('people.loaded', { count: users.length })}
          </Text>
        </>
      )}
      <UserFormModal target={formTarget} onClose={() => setFormTarget(null)} onInvitation={setInvitation} />
      <InvitationModal invitation={invitation} onClose={() => setInvitation(null)} />
    </Stack>
  );
}
