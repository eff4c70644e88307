import { Badge, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { DashboardPeriodKind, DashboardPlan, MyDashboard, MyGoals } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../shared/QueryError.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { useMe } from '../auth/session.tsx';
import { formatRatioPercent, LANDING_COLOR } from '../dashboard/dashboard-values.ts';
import { goalProgress } from '../goals/goal-progress.ts';
import { useGoalValue } from '../goals/use-goal-value.ts';
import { CellStatusView, FigureLink } from './KpiFigure.tsx';
import { useKpiFigure } from './use-kpi-figure.ts';
import { useMyFigures } from './use-my-figures.ts';

/** Whose work is measured: people who sell, and heads who also own deals and tasks. */
const MEASURED = new Set(['sales_manager', 'lead_generation', 'head_of_sales']);
const PERIODS: readonly DashboardPeriodKind[] = ['today', 'week', 'month'];

/**
 * The signed-in seller's own figures for today, the week or the month to date: each KPI against
 * its target with its light, plan attainment and forecast, and this month's goals. Refreshes
 * every 30 seconds; nothing at all for people whose work is not measured.
 */
export function MyFiguresCard() {
  const me = useMe();
  if (!MEASURED.has(me.user.role)) return null;
  return <MyFigures />;
}

function MyFigures() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<DashboardPeriodKind>('today');
  const figures = useMyFigures(period);
  return (
    <Card withBorder padding="md" data-testid="my-figures">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {t('myFigures.title')}
          </Title>
          <SegmentedControl
            aria-label={t('myFigures.periodLabel')}
            value={period}
            onChange={(value) => setPeriod(value as DashboardPeriodKind)}
            data={PERIODS.map((value) => ({ value, label: t(`myFigures.periods.${value}`) }))}
            data-testid="my-figures-period"
          />
        </Group>
        {figures.isError && !figures.data ? (
          <QueryError error={figures.error} onRetry={() => void figures.refetch()} />
        ) : figures.data ? (
          <FiguresBody data={figures.data} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('common.loading')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function FiguresBody({ data }: { data: MyDashboard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { figure } = useKpiFigure();
  const { period, row } = data;
  return (
    <Stack gap="sm" data-testid="my-figures-body" data-period={period.kind}>
      <Text size="xs" c="dimmed" data-testid="my-figures-range">
        {t('myFigures.range', {
          from: format.day(period.from),
          to: format.day(period.to),
          days: period.workingDays,
          time: format.instant(period.asOf),
        })}
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table striped verticalSpacing={4} data-testid="my-figures-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('myFigures.kpi')}</Table.Th>
              <Table.Th ta="right">{t('myFigures.fact')}</Table.Th>
              <Table.Th ta="right">{t('myFigures.target')}</Table.Th>
              <Table.Th>{t('myFigures.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.kpis.map((kpiId) => {
              const cell = row.kpis[kpiId];
              if (!cell) return null;
              const name = t(`kpi.names.${kpiId}`);
              return (
                <Table.Tr key={kpiId} data-testid={`my-figure-${kpiId}`}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td ta="right">
                    <FigureLink
                      text={figure(kpiId, cell.value)}
                      drillDown={cell.drillDown}
                      label={t('myFigures.open', { kpi: name })}
                      testId="my-figure-value"
                    />
                  </Table.Td>
                  <Table.Td ta="right" data-testid="my-figure-target">
                    {figure(kpiId, cell.target)}
                  </Table.Td>
                  <Table.Td>
                    <CellStatusView cell={cell} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <PlanSummary plan={row.plan} />
        <GoalsSummary goals={data.goals} />
      </SimpleGrid>
    </Stack>
  );
}

function PlanSummary({ plan }: { plan: DashboardPlan | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={4} data-testid="my-figures-plan">
      <Title order={3} size="h5">
        {t('myFigures.plan')}
      </Title>
      {plan === null ? (
        <Text size="sm" c="dimmed">
          {t('myFigures.noPlan')}
        </Text>
      ) : (
        <>
          <Text size="sm">
            {t('myFigures.planToDate', { from: format.day(plan.periodStart), to: format.day(plan.asOf) })}:{' '}
            {t('myFigures.factOfPlan', {
              fact: format.moneyShort(plan.factToDateMinor, plan.currency),
              plan: format.moneyShort(plan.planToDateMinor, plan.currency),
            })}
          </Text>
          <Text size="sm" data-testid="my-figures-attainment">
            {t('myFigures.attainment')}:{' '}
            <b>{plan.attainment === null ? t('common.none') : formatRatioPercent(plan.attainment, format.locale)}</b>
          </Text>
          <Group gap="xs">
            <Text size="sm" data-testid="my-figures-forecast">
              {t('myFigures.forecast', { day: format.day(plan.periodEnd) })}:{' '}
              <b>{format.moneyShort(plan.forecastMinor, plan.currency)}</b>
            </Text>
            <Badge size="sm" variant="light" color={LANDING_COLOR[plan.forecastScenario]}>
              {t(`plans.progress.landing.${plan.forecastScenario}`)}
            </Badge>
          </Group>
        </>
      )}
    </Stack>
  );
}

function GoalsSummary({ goals }: { goals: MyGoals }) {
  const { t } = useTranslation();
  const value = useGoalValue();
  return (
    <Stack gap={4} data-testid="my-figures-goals">
      <Title order={3} size="h5">
        {t('myFigures.goals')}
      </Title>
      {goals.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('myFigures.noGoals')}
        </Text>
      ) : (
        goals.items.map((goal) => {
          const progress = goalProgress({ ...goal, ...goals });
          return (
            <Group
              key={goal.id}
              gap="xs"
              justify="space-between"
              data-testid="my-figures-goal"
              data-metric={goal.metric}
            >
              <Text size="sm">{t(`goals.metrics.${goal.metric}`)}</Text>
              <Group gap="xs">
                <Text size="sm">
                  {t('goals.factOfTarget', {
                    fact: value(goal.metric, goal.factSoFar, { total: true }),
                    target: value(goal.metric, progress.monthTarget, { total: true }),
                  })}
                </Text>
                <Badge size="sm" variant="light" color={progress.onPace ? 'green' : 'orange'}>
                  {t(progress.onPace ? 'myFigures.onPace' : 'myFigures.behindPace')}
                </Badge>
              </Group>
            </Group>
          );
        })
      )}
    </Stack>
  );
}
