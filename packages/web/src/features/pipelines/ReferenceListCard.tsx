import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Entry {
  id: string;
  name: string;
  active: boolean;
}

interface ReferenceListCardProps {
  title: string;
  entries: readonly Entry[];
  testId: string;
  onAdd(name: string): void;
  onToggle(entry: Entry): void;
  adding: boolean;
}

/** A short list the administrator keeps: lost reasons, competitors. Entries in use are deactivated, not deleted. */
export function ReferenceListCard({ title, entries, testId, onAdd, onToggle, adding }: ReferenceListCardProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  return (
    <Card withBorder data-testid={testId}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Stack gap={4}>
        {entries.map((entry) => (
          <Group key={entry.id} justify="space-between" wrap="nowrap">
            <Text size="sm" c={entry.active ? undefined : 'dimmed'} truncate>
              {entry.name}
              {!entry.active && (
                <Badge size="xs" color="gray" ml="xs">
                  {t('pipelines.inactive')}
                </Badge>
              )}
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => onToggle(entry)}>
              {entry.active ? t('pipelines.deactivate') : t('pipelines.activate')}
            </Button>
          </Group>
        ))}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!name.trim()) return;
            onAdd(name.trim());
            setName('');
          }}
        >
          <Group gap="xs" mt="xs">
            <TextInput
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              placeholder={t('pipelines.newEntry')}
              aria-label={t('pipelines.newEntry')}
              style={{ flex: 1 }}
            />
            <Button type="submit" size="sm" loading={adding}>
              {t('common.create')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Card>
  );
}
