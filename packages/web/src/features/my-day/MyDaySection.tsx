import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface MyDaySectionProps {
  title: string;
  count: number;
  color: string;
  empty: string;
  testId: string;
  items: ReactNode[];
}

/** One list of "My day" with its full count (lists show at most 100 items). */
export function MyDaySection({ title, count, color, empty, testId, items }: MyDaySectionProps) {
  return (
    <Card withBorder data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Badge color={count > 0 ? color : 'gray'} variant="light" data-testid={`${testId}-count`}>
          {count}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap="xs">{items}</Stack>
      )}
    </Card>
  );
}
