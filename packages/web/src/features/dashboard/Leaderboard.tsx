import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { KpiCatalogId, LeaderboardEntry } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/use-format.ts';
import { formatRatioPercent, repCardPath } from './dashboard-values.ts';

interface LeaderboardProps {
  entries: readonly LeaderboardEntry[];
  /** The drill-down of a rep's KPI cell, so the board's figures open the same records. */
  drill(userId: string, kpi: KpiCatalogId): string | null;
}

/** Reps ranked by revenue in the period, with attainment of the revenue target and of the plan. */
export function Leaderboard({ entries, drill }: LeaderboardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="md" data-testid="dashboard-leaderboard">
      <Title order={2} size="h4" mb="sm">
        {t('dashboard.leaderboard.title')}
      </Title>
      {entries.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('dashboard.leaderboard.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={6} aria-label={t('dashboard.leaderboard.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>{t('dashboard.leaderboard.rank')}</Table.Th>
              <Table.Th>{t('dashboard.leaderboard.rep')}</Table.Th>
              <Table.Th ta="right">{t('kpi.names.revenue')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.leaderboard.dealsWon')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => {
              const href = drill(entry.userId, 'revenue');
              const wonHref = drill(entry.userId, 'deals-won');
              const revenue = format.moneyShort(entry.revenueMinor);
              return (
                <Table.Tr key={entry.userId} data-testid="dashboard-leader" data-id={entry.userId}>
                  <Table.Td>
                    <Badge variant={entry.rank <= 3 ? 'filled' : 'light'} color={entry.rank === 1 ? 'yellow' : 'gray'}>
                      {entry.rank}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <Anchor component={Link} to={repCardPath(entry.userId)} size="sm">
                        {entry.fullName}
                      </Anchor>
                      <Group gap={8}>
                        {entry.attainment !== null && (
                          <Text size="xs" c="dimmed">
                            {t('dashboard.leaderboard.ofTarget', {
                              value: formatRatioPercent(entry.attainment / 100, format.locale),
                            })}
                          </Text>
                        )}
                        {entry.planAttainment !== null && (
                          <Text size="xs" c="dimmed">
                            {t('dashboard.leaderboard.ofPlan', {
                              value: formatRatioPercent(entry.planAttainment, format.locale),
                            })}
                          </Text>
                        )}
                      </Group>
                    </Stack>
                  </Table.Td>
                  <Table.Td ta="right">
                    {href ? (
                      <Anchor component={Link} to={href} size="sm" fw={600}>
                        {revenue}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={600}>
                        {revenue}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {wonHref ? (
                      <Anchor component={Link} to={wonHref} size="sm">
                        {entry.dealsWon}
                      </Anchor>
                    ) : (
                      <Text size="sm">{entry.dealsWon}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
