import type { PlanProgressDaily } from '@pulse/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAxisMoney } from '../../../shared/charts/chart-format.ts';
import { LazyEChart } from '../../../shared/charts/LazyEChart.tsx';
import { useChartColors } from '../../../shared/charts/use-chart-colors.ts';
import { formatDay } from '../../../shared/format.ts';
import { minorDigits } from '../../../shared/money.ts';
import { useFormat } from '../../../shared/use-format.ts';
import { type ProgressChartText, progressChartOption, progressSummary } from './progress-chart.ts';

/**
 * One line's cumulative plan (realistic) over the band from pessimistic to optimistic, the fact
 * so far, and the two period-end forecasts drawn from the last fact; exact figures in the tooltip.
 */
export function ProgressChart(props: {
  daily: PlanProgressDaily;
  runRateMinor: number | null;
  pipelineMinor: number | null;
  title: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { color } = useChartColors();
  const { daily, runRateMinor, pipelineMinor } = props;
  const { option, summary } = useMemo(() => {
    const { currency } = daily;
    const digits = minorDigits(currency);
    const text: ProgressChartText = {
      plan: t('plans.progress.chartPlan'),
      band: t('plans.progress.chartBand'),
      fact: t('plans.progress.chartFact'),
      pessimistic: t('plans.progress.landing.pessimistic'),
      optimistic: t('plans.progress.landing.optimistic'),
      runRate: t('plans.progress.runRate'),
      pipeline: t('plans.progress.pipeline'),
      money: (minor) => format.money(minor, currency),
      axisMoney: (minor) => formatAxisMoney(minor, currency, format.locale, digits),
      day: (day) => format.day(day),
      dayShort: (day) => formatDay(day, format.locale, { dateStyle: undefined, day: 'numeric', month: 'short' }),
    };
    const forecasts = { runRate: runRateMinor, pipeline: pipelineMinor };
    const colors = {
      plan: color('blue', 6, 4),
      band: color('blue', 3, 8),
      fact: color('teal', 7, 5),
      runRate: color('violet', 6, 4),
      pipeline: color('grape', 5, 4),
    };
    return {
      option: progressChartOption(daily.days, forecasts, text, colors),
      summary: progressSummary(props.title, daily.days, text),
    };
  }, [daily, runRateMinor, pipelineMinor, props.title, t, format, color]);
  return <LazyEChart option={option} height={300} ariaLabel={summary} testId="progress-chart" />;
}
