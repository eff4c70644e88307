import { Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { KpiCatalogId, KpiCatalogUnit, RepCard, RepCardComparison, RepCardKpi } from '@pulse/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAxisMoney } from '../../shared/charts/chart-format.ts';
import { LazyEChart } from '../../shared/charts/LazyEChart.tsx';
import { useChartColors } from '../../shared/charts/use-chart-colors.ts';
import { minorDigits } from '../../shared/money.ts';
import { useFormat } from '../../shared/use-format.ts';
import { type RepChartText, repChartOption, repChartSummary } from './rep-card-chart.ts';
import {
  bucketFullLabel,
  bucketLabel,
  CHART_KPIS,
  type FigureFormat,
  formatAdvantage,
  formatKpiFigure,
  KPI_UNITS,
} from './rep-card-values.ts';

const LIGHT_COLOR = { green: 'green', amber: 'yellow', red: 'red' } as const;

/** The viewer's formatters for figures in the card's currency. */
function useFigures(currency: string) {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const figure: FigureFormat = {
      locale: format.locale,
      money: (minor) => format.moneyShort(minor, currency),
      duration: format.duration,
      none: t('common.none'),
    };
    const of = (kpi: KpiCatalogId, value: number | null) => formatKpiFigure(KPI_UNITS[kpi] ?? 'count', value, figure);
    return { figure, of };
  }, [format, currency, t]);
}

/** A tile per KPI: the rep's figure, the team's median and, where set, the target with its light. */
export function KpiTiles({ card }: { card: RepCard }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
      {card.kpis.map((kpi) => (
        <KpiTile key={kpi.kpiId} kpi={kpi} currency={card.currency} />
      ))}
    </SimpleGrid>
  );
}

function KpiTile({ kpi, currency }: { kpi: RepCardKpi; currency: string }) {
  const { t } = useTranslation();
  const { of } = useFigures(currency);
  return (
    <Card withBorder padding="sm" data-testid={`rep-card-tile-${kpi.kpiId}`}>
      <Text size="sm" c="dimmed" lineClamp={2}>
        {t(`kpi.names.${kpi.kpiId}`)}
      </Text>
      <Text fw={700} size="xl" data-testid="rep-card-tile-value">
        {of(kpi.kpiId, kpi.value)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('repCard.teamMedian')}: {of(kpi.kpiId, kpi.teamMedian)}
      </Text>
      {kpi.target && (
        <Group gap={6} mt={4}>
          <Text size="xs">
            {t('repCard.target')}: {of(kpi.kpiId, kpi.target.value)}
          </Text>
          {kpi.target.light && (
            <Badge size="xs" color={LIGHT_COLOR[kpi.target.light]} data-testid="rep-card-light">
              {t(`repCard.lights.${kpi.target.light}`)}
            </Badge>
          )}
        </Group>
      )}
    </Card>
  );
}

/** Where the rep leads and lags the team's median the most. */
export function ComparisonLists({ card }: { card: RepCard }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <ComparisonCard title={t('repCard.strengths')} items={card.strengths} currency={card.currency} kind="strengths" />
      <ComparisonCard
        title={t('repCard.weaknesses')}
        items={card.weaknesses}
        currency={card.currency}
        kind="weaknesses"
      />
    </SimpleGrid>
  );
}

function ComparisonCard(props: {
  title: string;
  items: readonly RepCardComparison[];
  currency: string;
  kind: 'strengths' | 'weaknesses';
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { of } = useFigures(props.currency);
  return (
    <Card withBorder padding="sm" data-testid={`rep-card-${props.kind}`}>
      <Title order={2} size="h4" mb="xs">
        {props.title}
      </Title>
      {props.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('repCard.noComparison')}
        </Text>
      ) : (
        <List spacing={4} size="sm">
          {props.items.map((item) => (
            <List.Item key={item.kpiId} data-testid="rep-card-comparison">
              <Text span fw={600} size="sm">
                {t(`kpi.names.${item.kpiId}`)}
              </Text>{' '}
              <Badge size="sm" variant="light" color={props.kind === 'strengths' ? 'green' : 'red'}>
                {formatAdvantage(item.advantage, format.locale)}
              </Badge>{' '}
              <Text span size="xs" c="dimmed">
                {t('repCard.versus', { value: of(item.kpiId, item.value), median: of(item.kpiId, item.teamMedian) })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

/** The main KPIs over time, the rep's line against the team's median. */
export function KpiCharts({ card }: { card: RepCard }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      {CHART_KPIS.map((kpi) => (
        <KpiChart key={kpi} card={card} kpi={kpi} />
      ))}
    </SimpleGrid>
  );
}

function KpiChart({ card, kpi }: { card: RepCard; kpi: KpiCatalogId }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { color } = useChartColors();
  const { of } = useFigures(card.currency);
  const title = t(`kpi.names.${kpi}`);
  const series = card.series.find((s) => s.kpiId === kpi);
  const chart = useMemo(() => {
    if (!series) return null;
    const digits = minorDigits(card.currency);
    const text: RepChartText = {
      rep: card.rep.fullName,
      team: t('repCard.teamMedian'),
      value: (value) => of(kpi, value),
      axis: (value) =>
        KPI_UNITS[kpi] === 'minor' ? formatAxisMoney(value, card.currency, format.locale, digits) : of(kpi, value),
      bucket: (bucket) => bucketLabel(bucket, card.grain, format.locale),
      bucketFull: (bucket) => bucketFullLabel(bucket, format.locale),
    };
    const colors = { rep: color('blue', 6, 4), team: color('gray', 6, 4) };
    return {
      option: repChartOption(card.buckets, series, text, colors, axisStep(KPI_UNITS[kpi], digits)),
      summary: repChartSummary(title, series, text),
    };
  }, [card, series, kpi, title, t, format, color, of]);
  if (!chart) return null;
  return (
    <Card withBorder padding="sm">
      <Title order={2} size="h5" mb={4}>
        {title}
      </Title>
      <LazyEChart option={chart.option} height={220} ariaLabel={chart.summary} testId={`rep-card-chart-${kpi}`} />
    </Card>
  );
}

/** The smallest step of a chart's axis: whole counts, whole units of money, anything for the rest. */
function axisStep(unit: KpiCatalogUnit | undefined, digits: number): number | null {
  if (unit === 'count') return 1;
  return unit === 'minor' ? 10 ** digits : null;
}

/** The rep's stage conversion beside the team's, then win rate, average deal and lead → won time. */
export function FunnelTable({ card }: { card: RepCard }) {
  const { t } = useTranslation();
  const { of } = useFigures(card.currency);
  const percent = (value: number | null) => of('win-rate', value);
  const { funnel } = card;
  const totals = [
    ['win-rate', funnel.winRate],
    ['average-deal', funnel.averageDeal],
    ['lead-to-won-time', funnel.leadToWonTime],
  ] as const;
  return (
    <Card withBorder padding="sm" data-testid="rep-card-funnel">
      <Title order={2} size="h4" mb="xs">
        {t('repCard.funnel')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('repCard.stage')}</Table.Th>
              <Table.Th ta="right">{t('repCard.entered')}</Table.Th>
              <Table.Th ta="right">{t('repCard.advanced')}</Table.Th>
              <Table.Th ta="right">{t('repCard.repConversion')}</Table.Th>
              <Table.Th ta="right">{t('repCard.teamConversion')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {funnel.stages.map((stage) => (
              <Table.Tr key={stage.stageId}>
                <Table.Td>{stage.stageName}</Table.Td>
                <Table.Td ta="right">{stage.rep.entered}</Table.Td>
                <Table.Td ta="right">{stage.rep.advanced}</Table.Td>
                <Table.Td ta="right">{percent(stage.rep.conversionPercent)}</Table.Td>
                <Table.Td ta="right">{percent(stage.team.conversionPercent)}</Table.Td>
              </Table.Tr>
            ))}
            {totals.map(([kpi, pair]) => (
              <Table.Tr key={kpi}>
                <Table.Td fw={600}>{t(`kpi.names.${kpi}`)}</Table.Td>
                <Table.Td />
                <Table.Td />
                <Table.Td ta="right">{of(kpi, pair.value)}</Table.Td>
                <Table.Td ta="right">{of(kpi, pair.teamMedian)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={0} mt={4}>
        <Text size="xs" c="dimmed">
          {t('repCard.funnelNote')}
        </Text>
      </Stack>
    </Card>
  );
}
