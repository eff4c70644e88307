import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../shared/PageTitle.tsx';

interface RecordHeaderProps {
  back: { to: string; label: string };
  title: string;
  badges?: ReactNode;
  actions?: ReactNode;
}

/** The top of a record page: the way back to its list, the name, badges and actions. */
export function RecordHeader({ back, title, badges, actions }: RecordHeaderProps) {
  return (
    <Stack gap={6}>
      <Anchor component={Link} to={back.to} size="sm" data-testid="record-back">
        ← {back.label}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6} miw={0}>
          <PageTitle>{title}</PageTitle>
          {badges && <Group gap={6}>{badges}</Group>}
        </Stack>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Stack>
  );
}

/** Key fields of a record, label above value. */
export function Facts({ items }: { items: { label: string; value: ReactNode; testId?: string }[] }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
      {items.map((item) => (
        <Stack key={item.label} gap={0} miw={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {item.label}
          </Text>
          <Text size="sm" component="div" data-testid={item.testId} style={{ overflowWrap: 'anywhere' }}>
            {item.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
