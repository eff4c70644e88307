import { Anchor, Badge, Box, Center, Loader, Text } from '@mantine/core';
import type { Unit, User } from '@pulse/contracts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../shared/format.ts';
import { useUser } from './use-users.ts';

const ROW_HEIGHT = 44;
const COLUMNS = 'minmax(180px, 2fr) minmax(180px, 2fr) minmax(150px, 1.5fr) minmax(120px, 1.3fr) minmax(150px, 1.5fr) 120px 110px';

const rowStyle: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: COLUMNS,
  alignItems: 'center',
  columnGap: 12,
  paddingInline: 12,
  borderBottom: '1px solid var(--mantine-color-gray-2)',
};

interface PeopleTableProps {
  users: readonly User[];
  units: ReadonlyMap<string, Unit>;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** Given only to those who may edit people. */
  onOpen?: (user: User) => void;
}

function ManagerName({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const manager = useUser(id);
  if (!id) return t('common.none');
  return manager.data?.fullName ?? '…';
}

/**
 * Only the rows in view are rendered, so the list stays fast with thousands of people; reaching the
 * end loads the next page by cursor.
 */
export function PeopleTable({ users, units, hasNextPage, isFetchingNextPage, fetchNextPage, onOpen }: PeopleTableProps) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = hasNextPage ? users.length + 1 : users.length;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (lastIndex >= users.length - 1 && hasNextPage && !isFetchingNextPage) fetchNextPage();
  }, [lastIndex, users.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const headers = [
    t('people.columns.name'),
    t('people.columns.email'),
    t('people.columns.role'),
    t('people.columns.unit'),
    t('people.columns.manager'),
    t('people.columns.hireDate'),
    t('people.columns.status'),
  ];

  return (
    <Box
      ref={scrollRef}
      role="table"
      aria-label={t('people.table')}
      aria-rowcount={hasNextPage ? -1 : users.length + 1}
      data-testid="people-table"
      h="calc(100dvh - 290px)"
      mih={320}
      style={{ overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
    >
      <Box
        role="row"
        aria-rowindex={1}
        bg="gray.0"
        style={{ ...rowStyle, height: ROW_HEIGHT, position: 'sticky', top: 0, zIndex: 1, minWidth: 'max-content' }}
      >
        {headers.map((header) => (
          <Text key={header} role="columnheader" size="sm" fw={600}>
            {header}
          </Text>
        ))}
      </Box>
      {users.length === 0 && !hasNextPage ? (
        <Center p="xl">
          <Text c="dimmed">{t('people.empty')}</Text>
        </Center>
      ) : (
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: 'max-content' }}>
          {items.map((item) => {
            const user = users[item.index];
            const style: CSSProperties = {
              ...rowStyle,
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              height: item.size,
              transform: `translateY(${item.start}px)`,
            };
            if (!user) {
              return (
                <div key="loader" role="row" style={style}>
                  <div role="cell">
                    <Loader size="xs" aria-label={t('common.loading')} />
                  </div>
                </div>
              );
            }
            const unit = user.unitId ? units.get(user.unitId) : undefined;
            return (
              <div
                key={user.id}
                role="row"
                aria-rowindex={item.index + 2}
                data-testid={`person-${user.id}`}
                style={{ ...style, opacity: user.active ? 1 : 0.6 }}
              >
                <Text role="cell" size="sm" truncate>
                  {onOpen ? (
                    <Anchor component="button" type="button" size="sm" onClick={() => onOpen(user)}>
                      {user.fullName}
                    </Anchor>
                  ) : (
                    user.fullName
                  )}
                </Text>
                <Text role="cell" size="sm" truncate>
                  {user.email}
                </Text>
                <Text role="cell" size="sm" truncate>
                  {t(`roles.${user.role}`)}
                </Text>
                <Text role="cell" size="sm" truncate>
                  {unit?.name ?? t('common.none')}
                </Text>
                <Text role="cell" size="sm" truncate>
                  <ManagerName id={user.managerId} />
                </Text>
                <Text role="cell" size="sm">
                  {user.hireDate ? formatDay(user.hireDate, i18n.language) : t('common.none')}
                </Text>
                <div role="cell">
                  <Badge size="sm" variant="light" color={user.active ? 'teal' : 'gray'}>
                    {user.active ? t('people.active') : t('people.inactive')}
                  </Badge>
                </div>
              </div>
            );
          })}
        </div>
      )}
    </Box>
  );
}
