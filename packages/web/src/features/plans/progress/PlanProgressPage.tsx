import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { PlanDetails, PlanLines, PlanProgress } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { planExportUrl } from '../../../api/plans.ts';
import { CenteredLoader } from '../../../shared/CenteredLoader.tsx';
import { PageTitle } from '../../../shared/PageTitle.tsx';
import { QueryError } from '../../../shared/QueryError.tsx';
import { todayIn, useFormat } from '../../../shared/use-format.ts';
import { PlanRoute } from '../PlanRoute.tsx';
import { DIMENSIONS, type Dimension, SCENARIOS, type Scenario } from '../plan-tree.ts';
import { ProgressChart } from './ProgressChart.tsx';
import {
  defaultProgressDay,
  drillDownLinks,
  formatAttainment,
  LANDING_COLOR,
  type Landing,
  lineLabels,
  type ProgressRow,
  planToDate,
  progressRows,
} from './progress-rows.ts';
import { usePlanProgress, usePlanProgressDaily } from './use-plan-progress.ts';

/** Plan versus fact of one plan on a day: the lines as a tree-table, and a chart of the chosen line. */
export function PlanProgressPage() {
  return <PlanRoute>{(plan, tree) => <PlanProgressView plan={plan} tree={tree} />}</PlanRoute>;
}

function PlanProgressView({ plan, tree }: { plan: PlanDetails; tree: PlanLines }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [date, setDate] = useState(() =>
    defaultProgressDay(todayIn(format.timeZone), plan.periodStart, plan.periodEnd),
  );
  const [scenario, setScenario] = useState<Scenario>('realistic');
  const [dimension, setDimension] = useState<Dimension>('structure');
  const [chosen, setChosen] = useState<string | null>(null);
  const progress = usePlanProgress(plan.id, date);
  const labels = lineLabels(tree.lines);
  const rows = progress.data ? progressRows(progress.data.lines, labels, dimension) : [];
  const selected = rows.find((row) => row.line.lineId === chosen) ?? rows[0] ?? null;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/plans/${plan.id}`} size="sm">
        {t('plans.progress.backToPlan')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <PageTitle>{t('plans.progress.title', { name: plan.name })}</PageTitle>
          {progress.data && (
            <Text size="sm" c="dimmed" data-testid="progress-meta">
              {t('plans.progress.workingDays', {
                elapsed: progress.data.elapsedWorkingDays,
                total: progress.data.totalWorkingDays,
              })}
            </Text>
          )}
        </Stack>
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('plans.progress.date')}
            value={date}
            min={plan.periodStart}
            max={plan.periodEnd}
            onChange={(event) => event.currentTarget.value && setDate(event.currentTarget.value)}
            data-testid="progress-date"
          />
          <Button component="a" href={planExportUrl(plan.id)} download variant="default" data-testid="plan-export">
            {t('plans.export')}
          </Button>
        </Group>
      </Group>

      <Group justify="space-between">
        <Tabs value={dimension} onChange={(value) => setDimension(DIMENSIONS.find((d) => d === value) ?? 'structure')}>
          <Tabs.List>
            {DIMENSIONS.map((d) => (
              <Tabs.Tab key={d} value={d} data-testid={`progress-dimension-${d}`}>
                {t(`plans.dimensions.${d}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <SegmentedControl
          value={scenario}
          onChange={(value) => setScenario(SCENARIOS.find((s) => s === value) ?? 'realistic')}
          data={SCENARIOS.map((s) => ({ value: s, label: t(`plans.scenarios.${s}`) }))}
          aria-label={t('plans.progress.scenario')}
          data-testid="progress-scenario"
        />
      </Group>

      {progress.isPending ? (
        <CenteredLoader />
      ) : progress.isError ? (
        <QueryError error={progress.error} onRetry={() => void progress.refetch()} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('plans.progress.empty')}</Text>
      ) : (
        <>
          <ProgressTable
            progress={progress.data}
            rows={rows}
            scenario={scenario}
            selectedId={selected?.line.lineId ?? null}
            onSelect={setChosen}
          />
          {selected && <ChartCard planId={plan.id} row={selected} />}
        </>
      )}
    </Stack>
  );
}

function ProgressTable(props: {
  progress: PlanProgress;
  rows: ProgressRow[];
  scenario: Scenario;
  selectedId: string | null;
  onSelect(lineId: string): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (minor: number | null) =>
    minor === null ? t('common.none') : format.moneyShort(minor, props.progress.currency);
  // A plan with a deals target: won deals against the deals plan to date, on every line.
  const withDeals = props.progress.lines.some((line) => line.deals !== null);
  return (
    <Table.ScrollContainer minWidth={1180}>
      <Table highlightOnHover data-testid="progress-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plans.decomposition.line')}</Table.Th>
            <Table.Th ta="right">{t('plans.progress.planToDate')}</Table.Th>
            <Table.Th ta="right">{t('plans.progress.fact')}</Table.Th>
            <Table.Th ta="right">{t('plans.progress.attainment')}</Table.Th>
            <Table.Th ta="right">{t('plans.progress.runRate')}</Table.Th>
            <Table.Th ta="right">{t('plans.progress.pipeline')}</Table.Th>
            {withDeals && <Table.Th ta="right">{t('plans.progress.dealsWon')}</Table.Th>}
            <Table.Th>{t('plans.progress.records')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map(({ line, label, depth }) => {
            const links = drillDownLinks(line);
            return (
              <Table.Tr
                key={line.lineId}
                data-testid={`progress-line-${line.lineId}`}
                data-kind={line.kind}
                bg={line.lineId === props.selectedId ? 'var(--mantine-color-blue-light)' : undefined}
                style={{ cursor: 'pointer' }}
                onClick={() => props.onSelect(line.lineId)}
              >
                <Table.Td style={{ paddingLeft: `calc(var(--mantine-spacing-sm) + ${depth * 20}px)` }}>
                  <Text size="sm" fw={depth === 0 ? 600 : undefined}>
                    {label === 'other' ? t('plans.decomposition.other') : label}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{money(planToDate(line, props.scenario))}</Table.Td>
                <Table.Td ta="right" data-testid={`progress-fact-${line.lineId}`}>
                  {money(line.factToDateMinor)}
                </Table.Td>
                <Table.Td ta="right">{formatAttainment(line.attainment, format.locale)}</Table.Td>
                <Table.Td ta="right">
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    {money(line.runRate.forecastMinor)}
                    {line.runRate.scenario && <LandingBadge landing={line.runRate.scenario} />}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    {money(line.pipeline.forecastMinor)}
                    <LandingBadge landing={line.pipeline.scenario} />
                  </Group>
                </Table.Td>
                {withDeals && (
                  <Table.Td ta="right" data-testid={`progress-deals-${line.lineId}`}>
                    {line.deals
                      ? `${line.deals.wonToDate} / ${line.deals.planToDate} (${formatAttainment(line.deals.attainment, format.locale)})`
                      : t('common.none')}
                  </Table.Td>
                )}
                <Table.Td onClick={(event) => event.stopPropagation()}>
                  {links ? (
                    <Group gap="xs" wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={links.sales} size="sm" data-testid={`progress-sales-${line.lineId}`}>
                        {t('plans.progress.sales', { count: line.salesCount })}
                      </Anchor>
                      <Anchor component={Link} to={links.deals} size="sm">
                        {t('plans.progress.deals', { count: line.pipeline.dealsCounted })}
                      </Anchor>
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('plans.progress.sumOfParts')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function LandingBadge({ landing }: { landing: Landing }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={LANDING_COLOR[landing]} data-landing={landing} style={{ flexShrink: 0 }}>
      {t(`plans.progress.landing.${landing}`)}
    </Badge>
  );
}

function ChartCard({ planId, row }: { planId: string; row: ProgressRow }) {
  const { t } = useTranslation();
  const daily = usePlanProgressDaily(planId, row.line.lineId);
  const label = row.label === 'other' ? t('plans.decomposition.other') : row.label;
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('plans.progress.chartTitle', { line: label })}
      </Title>
      {daily.isPending ? (
        <CenteredLoader />
      ) : daily.isError ? (
        <QueryError error={daily.error} onRetry={() => void daily.refetch()} />
      ) : (
        <ProgressChart
          daily={daily.data}
          runRateMinor={row.line.runRate.forecastMinor}
          pipelineMinor={row.line.pipeline.forecastMinor}
          title={t('plans.progress.chartTitle', { line: label })}
        />
      )}
    </Card>
  );
}
