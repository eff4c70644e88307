import { Badge, Code, List, Table, Text } from '@mantine/core';
import type { AuditEntry } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../shared/format.ts';
import { useMe } from '../auth/session.tsx';
import { entityLabel, fieldLabel, formatAuditValue } from './audit-labels.ts';

const ACTION_COLORS = { create: 'teal', update: 'indigo', delete: 'red' } as const;

/** Who changed what and when, with every changed field as old → new. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" data-testid="audit-table" aria-label={t('audit.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.entity')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text c="dimmed" ta="center" py="md">
                  {t('audit.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {entries.map((entry) => (
            <Table.Tr key={entry.id} data-testid={`audit-${entry.id}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatInstant(entry.at, i18n.language, me.user.timeZone)}
              </Table.Td>
              <Table.Td>{entry.actor?.fullName ?? t('audit.system')}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={ACTION_COLORS[entry.action]}>
                  {t(`audit.actions.${entry.action}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entityLabel(t, entry.entity)}</Text>
                <Code fz="xs">{entry.entityId}</Code>
              </Table.Td>
              <Table.Td>
                {entry.changes.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('audit.noChanges')}
                  </Text>
                ) : (
                  <List size="sm" spacing={2} listStyleType="none">
                    {entry.changes.map((change) => (
                      <List.Item key={change.field}>
                        {t('audit.change', {
                          field: fieldLabel(t, change.field),
                          old: formatAuditValue(t, change.old),
                          new: formatAuditValue(t, change.new),
                        })}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
