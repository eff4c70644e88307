import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The two warnings an open deal can carry: too long in its stage, and nothing planned next. */
export function DealFlags({
  isRotting,
  noNextStep,
  testId,
}: {
  isRotting: boolean;
  noNextStep: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (!isRotting && !noNextStep) return null;
  return (
    <Group gap={4}>
      {isRotting && (
        <Badge size="xs" color="orange" variant="light" data-testid={testId ? `${testId}-rotting` : undefined}>
          {t('deals.rotting')}
        </Badge>
      )}
      {noNextStep && (
        <Badge size="xs" color="red" variant="light" data-testid={testId ? `${testId}-no-next-step` : undefined}>
          {t('deals.noNextStep')}
        </Badge>
      )}
    </Group>
  );
}
