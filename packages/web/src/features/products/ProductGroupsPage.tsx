import { Badge, Button, Card, Group, Stack, Switch, Table, Text } from '@mantine/core';
import type { ProductGroup } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useMe } from '../auth/session.tsx';
import { canManageCatalog } from '../crm/permissions.ts';
import { DeleteProductGroupModal } from './DeleteProductGroupModal.tsx';
import { ProductGroupFormModal } from './ProductGroupFormModal.tsx';
import { groupTree } from './product-group-tree.ts';
import { useProductGroups, useUpdateProductGroup } from './use-products.ts';

/** The catalog's groups as a tree; administrators and heads of sales add, rename, prioritise and delete them. */
export function ProductGroupsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const manage = canManageCatalog(me);
  const groups = useProductGroups();
  const [editing, setEditing] = useState<{ group: ProductGroup | null } | null>(null);
  const [deleting, setDeleting] = useState<ProductGroup | null>(null);
  const all = groups.data ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageTitle>{t('productGroups.title')}</PageTitle>
        <Group gap="xs">
          <Button component={Link} to="/products" variant="default">
            {t('productGroups.back')}
          </Button>
          {manage && (
            <Button onClick={() => setEditing({ group: null })} data-testid="product-group-create">
              {t('productGroups.create')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('productGroups.hint')}
      </Text>
      {groups.isPending ? (
        <CenteredLoader minHeight={160} />
      ) : groups.isError ? (
        <QueryError error={groups.error} onRetry={() => void groups.refetch()} />
      ) : all.length === 0 ? (
        <Card withBorder>
          <Text c="dimmed" size="sm">
            {t('productGroups.empty')}
          </Text>
        </Card>
      ) : (
        <Table withTableBorder highlightOnHover verticalSpacing="xs" data-testid="product-groups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('productGroups.fields.name')}</Table.Th>
              <Table.Th w={260}>{t('products.fields.priority')}</Table.Th>
              {manage && <Table.Th w={200}>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groupTree(all, i18n.language).map(({ group, depth }) => (
              <GroupRow
                key={group.id}
                group={group}
                depth={depth}
                manage={manage}
                onEdit={() => setEditing({ group })}
                onDelete={() => setDeleting(group)}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ProductGroupFormModal target={editing} groups={all} onClose={() => setEditing(null)} />
      <DeleteProductGroupModal group={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}

interface GroupRowProps {
  group: ProductGroup;
  depth: number;
  manage: boolean;
  onEdit(): void;
  onDelete(): void;
}

function GroupRow({ group, depth, manage, onEdit, onDelete }: GroupRowProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateProductGroup();

  function togglePriority(isPriority: boolean) {
    update.mutate(
      { id: group.id, body: { isPriority } },
      {
        onSuccess: () =>
          notifySuccess(
            isPriority
              ? t('productGroups.priorityOn', { name: group.name })
              : t('productGroups.priorityOff', { name: group.name }),
          ),
        onError: (error) => notifyError(errorMessage(error)),
      },
    );
  }

  // A sub-group of a priority group is in a priority direction without being marked itself.
  const inherited = group.inPriorityDirection && !group.isPriority;
  return (
    <Table.Tr data-testid={`product-group-${group.id}`}>
      <Table.Td style={{ paddingLeft: `calc(var(--mantine-spacing-sm) + ${depth * 20}px)` }}>
        <Text size="sm" fw={depth === 0 ? 500 : undefined}>
          {group.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {manage ? (
            <Switch
              checked={group.isPriority}
              onChange={(event) => togglePriority(event.currentTarget.checked)}
              disabled={update.isPending}
              label={t('products.priority')}
              aria-label={t('productGroups.priorityToggle', { name: group.name })}
              data-testid={`product-group-priority-${group.id}`}
            />
          ) : (
            group.isPriority && (
              <Badge size="sm" color="orange">
                {t('products.priority')}
              </Badge>
            )
          )}
          {inherited && (
            <Badge size="sm" color="orange" variant="light">
              {t('productGroups.inherited')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      {manage && (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="subtle" onClick={onEdit} data-testid={`product-group-edit-${group.id}`}>
              {t('productGroups.rename')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={onDelete}
              data-testid={`product-group-delete-${group.id}`}
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
