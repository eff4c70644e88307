import { Box, Group, Text } from '@mantine/core';
import type { PlanProgressDaily } from '@pulse/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { minorDigits } from '../../../shared/money.ts';
import { useFormat } from '../../../shared/use-format.ts';
import { CHART_BOX, chartGeometry, formatAxisMoney } from './progress-chart.ts';

const FORECAST_COLOR = { runRate: 'var(--mantine-color-violet-6)', pipeline: 'var(--mantine-color-grape-5)' } as const;

/**
 * One line's cumulative plan (realistic) over the band from pessimistic to optimistic, the fact
 * so far, and the two period-end forecasts drawn from the last fact. Plain SVG, like the
 * seasonality chart: a few paths need no chart library, and the viewBox scales to the card.
 */
export function ProgressChart(props: {
  daily: PlanProgressDaily;
  runRateMinor: number | null;
  pipelineMinor: number | null;
  title: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { daily } = props;
  const g = useMemo(
    () => chartGeometry(CHART_BOX, daily.days, { runRate: props.runRateMinor, pipeline: props.pipelineMinor }),
    [daily.days, props.runRateMinor, props.pipelineMinor],
  );
  const { width, height, pad } = CHART_BOX;
  const digits = minorDigits(daily.currency);
  const first = daily.days[0]?.day;
  const last = daily.days.at(-1)?.day;

  return (
    <Box component="figure" m={0} data-testid="progress-chart">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={props.title}>
        {g.ticks.map((tick) => (
          <g key={tick.minor}>
            <line
              x1={pad.left}
              x2={width - pad.right}
              y1={tick.y}
              y2={tick.y}
              stroke="var(--mantine-color-gray-3)"
              strokeDasharray={tick.minor === 0 ? undefined : '3 3'}
            />
            <text x={pad.left - 6} y={tick.y + 4} fontSize={11} textAnchor="end" fill="currentColor">
              {formatAxisMoney(tick.minor, daily.currency, format.locale, digits)}
            </text>
          </g>
        ))}
        <path d={g.band} fill="var(--mantine-color-blue-1)" stroke="none" data-testid="progress-band" />
        <path d={g.plan} fill="none" stroke="var(--mantine-color-blue-6)" strokeWidth={2} />
        <path d={g.fact} fill="none" stroke="var(--mantine-color-teal-7)" strokeWidth={2.5} />
        {g.forecasts.map((f) => (
          <g key={f.kind} data-testid={`progress-forecast-${f.kind}`}>
            {g.factEnd && (
              <line
                x1={g.factEnd.x}
                y1={g.factEnd.y}
                x2={f.point.x}
                y2={f.point.y}
                stroke={FORECAST_COLOR[f.kind]}
                strokeWidth={1.5}
                strokeDasharray="5 4"
              />
            )}
            <circle cx={f.point.x} cy={f.point.y} r={4} fill={FORECAST_COLOR[f.kind]}>
              <title>{`${t(`plans.progress.${f.kind}`)}: ${format.moneyShort(f.minor, daily.currency)}`}</title>
            </circle>
          </g>
        ))}
        {first && (
          <text x={pad.left} y={height - 8} fontSize={11} fill="currentColor">
            {format.day(first)}
          </text>
        )}
        {last && (
          <text x={width - pad.right} y={height - 8} fontSize={11} textAnchor="end" fill="currentColor">
            {format.day(last)}
          </text>
        )}
      </svg>
      <Group gap="md" component="figcaption">
        <Legend color="var(--mantine-color-blue-6)" label={t('plans.progress.chartPlan')} />
        <Legend color="var(--mantine-color-blue-1)" label={t('plans.progress.chartBand')} swatch />
        <Legend color="var(--mantine-color-teal-7)" label={t('plans.progress.chartFact')} />
        <Legend color={FORECAST_COLOR.runRate} label={t('plans.progress.runRate')} />
        <Legend color={FORECAST_COLOR.pipeline} label={t('plans.progress.pipeline')} />
      </Group>
    </Box>
  );
}

function Legend({ color, label, swatch }: { color: string; label: string; swatch?: boolean }) {
  return (
    <Group gap={6}>
      <Box w={18} h={swatch ? 10 : 3} bg={color} style={{ borderRadius: 2 }} />
      <Text size="xs">{label}</Text>
    </Group>
  );
}
