import { Anchor, Badge, Group, Loader, Text } from '@mantine/core';
import type { Unit, User } from '@pulse/contracts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../shared/format.ts';
import { useUser } from './use-users.ts';

const ROW_HEIGHT = 44;
/** Roles whose work is measured: their row links to their KPI card (rep card). */
const CARD_ROLES: readonly string[] = ['sales_manager', 'lead_generation', 'head_of_sales'];
const COLUMNS =
  'minmax(160px, 2fr) minmax(170px, 2fr) minmax(150px, 1.5fr) minmax(130px, 1.3fr) minmax(150px, 1.5fr) 110px 100px';

// A real <table> laid out as a grid: rows can then be absolutely positioned for virtualisation
// while screen readers still get table semantics.
const rowStyle: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: COLUMNS,
  alignItems: 'center',
  columnGap: 12,
  paddingInline: 12,
  borderBottom: '1px solid var(--mantine-color-gray-2)',
};
const cellStyle: CSSProperties = { overflow: 'hidden', minWidth: 0 };

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
export function PeopleTable({
  users,
  units,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  onOpen,
}: PeopleTableProps) {
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
    <div
      ref={scrollRef}
      style={{
        height: 'calc(100dvh - 290px)',
        minHeight: 320,
        overflow: 'auto',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 8,
      }}
    >
      <table
        data-testid="people-table"
        aria-label={t('people.table')}
        aria-rowcount={hasNextPage ? -1 : users.length + 1}
        style={{ display: 'grid', minWidth: 'max-content', borderCollapse: 'collapse' }}
      >
        <thead style={{ display: 'grid', position: 'sticky', top: 0, zIndex: 1 }}>
          <tr aria-rowindex={1} style={{ ...rowStyle, height: ROW_HEIGHT, background: 'var(--mantine-color-gray-0)' }}>
            {headers.map((header) => (
              <th key={header} scope="col" style={{ ...cellStyle, textAlign: 'left' }}>
                <Text size="sm" fw={600} truncate>
                  {header}
                </Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody style={{ display: 'grid', position: 'relative', height: virtualizer.getTotalSize() }}>
          {users.length === 0 && !hasNextPage && (
            <tr style={{ display: 'flex', padding: 24 }}>
              <td>
                <Text c="dimmed">{t('people.empty')}</Text>
              </td>
            </tr>
          )}
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
                <tr key="loader" style={style}>
                  <td>
                    <Loader size="xs" aria-label={t('common.loading')} />
                  </td>
                </tr>
              );
            }
            const unit = user.unitId ? units.get(user.unitId) : undefined;
            return (
              <tr
                key={user.id}
                aria-rowindex={item.index + 2}
                data-testid={`person-${user.id}`}
                style={{ ...style, color: user.active ? undefined : 'var(--mantine-color-dimmed)' }}
              >
                <td style={cellStyle}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" truncate>
                      {onOpen ? (
                        <Anchor component="button" type="button" size="sm" onClick={() => onOpen(user)}>
                          {user.fullName}
                        </Anchor>
                      ) : (
                        user.fullName
                      )}
                    </Text>
                    {CARD_ROLES.includes(user.role) && (
                      <Anchor
                        component={Link}
                        to={`/people/${user.id}/card`}
                        size="xs"
                        style={{ flexShrink: 0 }}
                        aria-label={t('repCard.openOf', { name: user.fullName })}
                        data-testid={`rep-card-link-${user.id}`}
                      >
                        {t('repCard.open')}
                      </Anchor>
                    )}
                  </Group>
                </td>
                <td style={cellStyle}>
                  <Text size="sm" truncate>
                    {user.email}
                  </Text>
                </td>
                <td style={cellStyle}>
                  <Text size="sm" truncate>
                    {t(`roles.${user.role}`)}
                  </Text>
                </td>
                <td style={cellStyle}>
                  <Text size="sm" truncate>
                    {unit?.name ?? t('common.none')}
                  </Text>
                </td>
                <td style={cellStyle}>
                  <Text size="sm" truncate>
                    <ManagerName id={user.managerId} />
                  </Text>
                </td>
                <td style={cellStyle}>
                  <Text size="sm">{user.hireDate ? formatDay(user.hireDate, i18n.language) : t('common.none')}</Text>
                </td>
                <td style={cellStyle}>
                  <Badge size="sm" variant="light" color={user.active ? 'teal' : 'gray'}>
                    {user.active ? t('people.active') : t('people.inactive')}
                  </Badge>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
