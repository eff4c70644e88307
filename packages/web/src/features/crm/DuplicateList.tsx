import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ClientDuplicate } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { RecordLink } from './RecordLink.tsx';

interface DuplicateListProps {
  items: readonly ClientDuplicate[];
  path(id: string): string;
  /** Offered when the user may merge. */
  onMerge?(duplicate: ClientDuplicate): void;
  testId: string;
}

/** Records that look like this one, with why, and a way to merge them. */
export function DuplicateList({ items, path, onMerge, testId }: DuplicateListProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid={testId}>
      {items.map((duplicate) => (
        <Group key={duplicate.id} justify="space-between" wrap="nowrap" data-testid={`${testId}-${duplicate.id}`}>
          <Stack gap={2} miw={0}>
            <RecordLink to={path(duplicate.id)}>{duplicate.name}</RecordLink>
            <Group gap={4}>
              {duplicate.reasons.map((reason) => (
                <Badge key={reason} size="xs" variant="light" color={reason === 'inn' ? 'red' : 'orange'}>
                  {t(`crm.duplicateReason.${reason}`)}
                </Badge>
              ))}
              {duplicate.archived && (
                <Badge size="xs" variant="light" color="gray">
                  {t('crm.archived.true')}
                </Badge>
              )}
              {duplicate.similarity !== null && (
                <Text size="xs" c="dimmed">
                  {t('crm.similarity', { percent: Math.round(duplicate.similarity * 100) })}
                </Text>
              )}
            </Group>
          </Stack>
          {onMerge && (
            <Button
              size="xs"
              variant="light"
              onClick={() => onMerge(duplicate)}
              data-testid={`${testId}-merge-${duplicate.id}`}
            >
              {t('crm.merge.action')}
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}
