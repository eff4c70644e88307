import type { SmartMetric } from '@pulse/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/use-format.ts';
import { isPerDay } from './goal-progress.ts';

/**
 * A goal figure in words: money for revenue, a count otherwise ('8 a day' for per-day metrics;
 * `total` drops that, for a month's sum of a per-day metric).
 */
export function useGoalValue(): (
  metric: SmartMetric,
  value: number,
  options?: { currency?: string; total?: boolean },
) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback(
    (metric, value, options = {}) => {
      if (metric === 'revenue') return format.money(value, options.currency);
      const count = new Intl.NumberFormat(format.locale).format(value);
      return isPerDay(metric) && !options.total ? t('goals.perDay', { value: count }) : count;
    },
    [t, format],
  );
}
