import { ActionIcon, Badge, Box, Group, Menu, Stack, Text } from '@mantine/core';
import type { Unit, User } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { useUser } from '../people/use-users.ts';
import { UnitMembers } from './UnitMembers.tsx';
import { subtreeMemberCount, type UnitNode } from './unit-tree.ts';

/** What an administrator can do with a unit; absent for everyone else. */
export interface UnitActions {
  onAddChild: (parent: Unit) => void;
  onEdit: (unit: Unit) => void;
  onDelete: (unit: Unit) => void;
}

interface UnitTreeProps {
  nodes: readonly UnitNode[];
  isExpanded: (node: UnitNode) => boolean;
  onToggle: (node: UnitNode) => void;
  actions?: UnitActions;
  onOpenPerson?: (user: User) => void;
}

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

/** Units nested at any depth; each row expands to its members and sub-units. */
export function UnitTree(props: UnitTreeProps) {
  const { t } = useTranslation();
  return (
    <Box data-testid="structure-tree" component="section" aria-label={t('structure.tree')}>
      <ul style={listStyle}>
        {props.nodes.map((node) => (
          <UnitBranch key={node.unit.id} node={node} {...props} />
        ))}
      </ul>
    </Box>
  );
}

function HeadName({ userId }: { userId: string | null }) {
  const { t } = useTranslation();
  const head = useUser(userId);
  const name = userId ? (head.data?.fullName ?? '…') : t('structure.noHead');
  return (
    <Text size="sm" c={userId ? undefined : 'dimmed'}>
      {t('structure.headName', { name })}
    </Text>
  );
}

function UnitBranch({ node, ...props }: { node: UnitNode } & UnitTreeProps) {
  const { t } = useTranslation();
  const { unit, children } = node;
  const expanded = props.isExpanded(node);
  const membersId = `unit-${unit.id}-content`;
  const total = subtreeMemberCount(node);

  return (
    <li data-testid={`unit-${unit.id}`} data-unit-name={unit.name}>
      <Box
        py={6}
        px="xs"
        style={{ borderLeft: `3px solid var(--mantine-color-${KIND_COLORS[unit.kind]}-4)`, borderRadius: 4 }}
        bg={expanded ? 'gray.0' : undefined}
        mb={4}
      >
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              onClick={() => props.onToggle(node)}
              aria-expanded={expanded}
              aria-controls={membersId}
              aria-label={
                expanded ? t('structure.collapse', { name: unit.name }) : t('structure.expand', { name: unit.name })
              }
            >
              <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
            </ActionIcon>
            <Text fw={600}>{unit.name}</Text>
            <Badge size="sm" variant="light" color={KIND_COLORS[unit.kind]}>
              {t(`unitKinds.${unit.kind}`)}
            </Badge>
            <HeadName userId={unit.headUserId} />
            <Text size="xs" c="dimmed">
              {t('structure.memberCount', { count: unit.memberCount })}
              {children.length > 0 && ` · ${t('structure.subunitCount', { count: children.length })}`}
              {total !== unit.memberCount && ` · ${t('structure.totalCount', { count: total })}`}
            </Text>
          </Group>
          {props.actions && <UnitMenu unit={unit} actions={props.actions} />}
        </Group>
      </Box>
      {expanded && (
        <Stack id={membersId} gap={6} pl={28} pb={6}>
          <UnitMembers unitId={unit.id} unitName={unit.name} onOpenPerson={props.onOpenPerson} />
          {children.length > 0 && (
            <ul style={listStyle}>
              {children.map((child) => (
                <UnitBranch key={child.unit.id} node={child} {...props} />
              ))}
            </ul>
          )}
        </Stack>
      )}
    </li>
  );
}

const KIND_COLORS = { directorate: 'violet', department: 'indigo', team: 'cyan' } as const;

function UnitMenu({ unit, actions }: { unit: Unit; actions: UnitActions }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('structure.unitActions', { name: unit.name })}
          data-testid={`unit-actions-${unit.id}`}
        >
          <span aria-hidden="true">⋯</span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => actions.onAddChild(unit)}>{t('structure.addChild')}</Menu.Item>
        <Menu.Item onClick={() => actions.onEdit(unit)}>{t('structure.edit')}</Menu.Item>
        <Menu.Item color="red" onClick={() => actions.onDelete(unit)}>
          {t('structure.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
