import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { RedFlag } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { flagHref, flagsByKind, formatFlagFigure, repCardPath } from './dashboard-values.ts';
import { useValueFormat } from './KpiCellView.tsx';

/** Today's red flags grouped by kind: who, the figure against its limit, and the records behind it. */
export function RedFlagsPanel({ flags }: { flags: readonly RedFlag[] }) {
  const { t } = useTranslation();
  const groups = flagsByKind(flags);
  return (
    <Card withBorder padding="md" data-testid="dashboard-flags">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('dashboard.flags.title')}
        </Title>
        <Badge color={flags.length > 0 ? 'red' : 'green'} variant="light">
          {flags.length}
        </Badge>
      </Group>
      {groups.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="dashboard-flags-none">
          {t('dashboard.flags.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {groups.map((group) => (
            <section key={group.kind} aria-label={t(`dashboard.flags.kinds.${group.kind}`)} data-kind={group.kind}>
              <Text fw={600} size="sm" mb={4}>
                {t(`dashboard.flags.kinds.${group.kind}`)} · {group.flags.length}
              </Text>
              <List spacing={6} size="sm" listStyleType="none" withPadding={false}>
                {group.flags.map((flag) => (
                  <FlagLine key={`${flag.kind}-${flag.user.id}`} flag={flag} />
                ))}
              </List>
            </section>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function FlagLine({ flag }: { flag: RedFlag }) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const href = flagHref(flag);
  const figure = formatFlagFigure(flag.unit, flag.figure, format);
  const limit = formatFlagFigure(flag.unit, flag.limit, format);
  return (
    <List.Item data-testid="dashboard-flag" data-kind={flag.kind} data-user={flag.user.id}>
      <Group gap={8} wrap="wrap" align="baseline">
        <Anchor component={Link} to={repCardPath(flag.user.id)} fw={600} size="sm">
          {flag.user.fullName}
        </Anchor>
        <Text size="sm" data-testid="dashboard-flag-figure">
          {t(`dashboard.flags.figure.${flag.kind}`, {
            figure,
            limit,
            n: flag.count,
            time: flag.expectedBy ?? '',
          })}
        </Text>
        {href && (
          <Anchor component={Link} to={href} size="sm" data-testid="dashboard-flag-link">
            {flag.count > 0 ? t('dashboard.flags.records', { n: flag.count }) : t('dashboard.flags.open')}
          </Anchor>
        )}
      </Group>
    </List.Item>
  );
}
