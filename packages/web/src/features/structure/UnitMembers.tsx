import { Anchor, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { User } from '@pulse/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser, useUserList } from '../people/use-users.ts';

function ManagerLine({ managerId }: { managerId: string | null }) {
  const { t } = useTranslation();
  const manager = useUser(managerId);
  if (!managerId || !manager.data) return null;
  return (
    <Text size="xs" c="dimmed">
      {t('structure.manager', { name: manager.data.fullName })}
    </Text>
  );
}

/** The active members of one unit, loaded when the unit is expanded. */
export function UnitMembers({
  unitId,
  unitName,
  onOpenPerson,
}: {
  unitId: string;
  unitName: string;
  onOpenPerson?: (user: User) => void;
}) {
  const { t } = useTranslation();
  const list = useUserList({ unitId, active: 'true' });
  const members = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  if (list.isPending) return <Loader size="xs" aria-label={t('common.loading')} />;
  if (members.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('structure.noMembers')}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <ul aria-label={t('structure.members', { name: unitName })} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {members.map((member) => (
          <li key={member.id} data-testid={`member-${member.id}`}>
            <Group gap="xs" wrap="nowrap" py={2}>
              {onOpenPerson ? (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => onOpenPerson(member)}
                  aria-label={t('structure.openPerson', { name: member.fullName })}
                >
                  {member.fullName}
                </Anchor>
              ) : (
                <Text size="sm">{member.fullName}</Text>
              )}
              <Badge size="xs" variant="light" color="gray" tt="none">
                {t(`roles.${member.role}`)}
              </Badge>
              <ManagerLine managerId={member.managerId} />
            </Group>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <Button
          variant="subtle"
          size="compact-xs"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          w="fit-content"
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
