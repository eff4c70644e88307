import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAxisMoney } from '../../shared/charts/chart-format.ts';
import { LazyEChart } from '../../shared/charts/LazyEChart.tsx';
import { useChartColors } from '../../shared/charts/use-chart-colors.ts';
import { minorDigits } from '../../shared/money.ts';
import { useFormat } from '../../shared/use-format.ts';
import { type SeasonalityPoint, seasonalityChartOption } from './seasonality-chart.ts';

export type { SeasonalityPoint } from './seasonality-chart.ts';

/** History bars (mean revenue per calendar month) with the coefficient line beside them. */
export function SeasonalityChart({ points, title }: { points: SeasonalityPoint[]; title: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { color } = useChartColors();
  const option = useMemo(() => {
    const digits = minorDigits(format.currency);
    const number = new Intl.NumberFormat(format.locale, { minimumFractionDigits: 1, maximumFractionDigits: 3 });
    return seasonalityChartOption(
      points,
      {
        revenue: t('plans.seasonality.revenue'),
        coefficient: t('plans.seasonality.coefficient'),
        none: t('common.none'),
        money: (minor) => format.money(minor),
        axisMoney: (minor) => formatAxisMoney(minor, format.currency, format.locale, digits),
        number: (value) => number.format(value),
      },
      { bars: color('blue', 3, 7), line: color('orange', 6, 5), reference: color('gray', 5, 6) },
    );
  }, [points, t, format, color]);
  return <LazyEChart option={option} height={240} ariaLabel={title} testId="seasonality-chart" />;
}
