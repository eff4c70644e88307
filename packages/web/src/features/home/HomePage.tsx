import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { useMe } from '../auth/session.tsx';
import { useUnits } from '../structure/use-units.ts';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text mt={4}>{value}</Text>
    </Card>
  );
}

/** A short welcome; the dashboards of later releases go here. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const units = useUnits({ enabled: me.scope.unitIds.length > 0 });
  const scopeUnitNames = (units.data ?? [])
    .filter((unit) => me.scope.unitIds.includes(unit.id))
    .map((unit) => unit.name)
    .join(', ');

  return (
    <Stack gap="lg">
      <PageTitle>{t('home.title')}</PageTitle>
      <Stack gap={4}>
        <Text size="xl" fw={600}>
          {t('home.welcome', { name: me.user.fullName })}
        </Text>
        <Text c="dimmed">{t('home.intro')}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Fact label={t('home.role')} value={t(`roles.${me.user.role}`)} />
        <Fact label={t('home.scope')} value={t(`scope.${me.scope.kind}`)} />
        <Fact label={t('home.organization')} value={me.organization.name} />
        {scopeUnitNames && <Fact label={t('home.units')} value={scopeUnitNames} />}
        <Fact label={t('home.timeZone')} value={me.user.timeZone} />
        <Fact label={t('home.currency')} value={me.organization.currency} />
      </SimpleGrid>
    </Stack>
  );
}
