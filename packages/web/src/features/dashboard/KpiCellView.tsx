import { Anchor, Badge, Group, Stack, Text, ThemeIcon, Tooltip, VisuallyHidden } from '@mantine/core';
import type { DashboardPlan, KpiCatalogId, KpiCatalogUnit, KpiCell, TrafficLight } from '@pulse/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/use-format.ts';
import {
  appPath,
  formatKpiValue,
  formatRatioPercent,
  LANDING_COLOR,
  lightLook,
  type ValueFormat,
} from './dashboard-values.ts';

/** The formatters of the dashboard, bound to the viewer. */
export function useValueFormat(): ValueFormat {
  const format = useFormat();
  return useMemo(
    () => ({ locale: format.locale, currency: format.currency, duration: format.duration }),
    [format.locale, format.currency, format.duration],
  );
}

/** A traffic light as a coloured mark with a symbol, and its meaning in words for screen readers. */
export function LightMark({ light }: { light: TrafficLight | null }) {
  const { t } = useTranslation();
  const look = lightLook(light);
  return (
    <>
      <ThemeIcon size={16} radius="xl" color={look.color} variant={light ? 'filled' : 'light'} aria-hidden>
        <Text span size="10px" fw={700} lh={1}>
          {look.symbol}
        </Text>
      </ThemeIcon>
      <VisuallyHidden>{t(`dashboard.lights.${light ?? 'none'}`)}</VisuallyHidden>
    </>
  );
}

interface KpiCellViewProps {
  kpi: KpiCatalogId;
  unit: KpiCatalogUnit | undefined;
  cell: KpiCell;
  /** Whose figure it is, for the link's accessible name. */
  owner: string;
}

/**
 * One KPI figure: its light, its value as a link to the records behind it, and the target on a
 * second line (and on hover).
 */
export function KpiCellView({ kpi, unit, cell, owner }: KpiCellViewProps) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const show = (value: number) => (unit ? formatKpiValue(unit, value, format) : String(value));
  const value = cell.value === null ? t(`dashboard.absent.${cell.absentReason ?? 'no-data'}`) : show(cell.value);
  const target = cell.target === null ? t('dashboard.noTarget') : t('dashboard.target', { value: show(cell.target) });
  const thresholds =
    cell.greenAt !== null && cell.amberAt !== null
      ? t('dashboard.thresholds', { green: show(cell.greenAt), amber: show(cell.amberAt) })
      : null;
  const href = appPath(cell.drillDown);
  const figure = (
    <Text span size="sm" fw={cell.value === null ? 400 : 600} c={cell.value === null ? 'dimmed' : undefined}>
      {cell.value === null ? '—' : value}
    </Text>
  );
  return (
    <Stack gap={0} data-testid="dashboard-cell" data-kpi={kpi} data-light={cell.light ?? 'none'}>
      <Tooltip label={[value, target, thresholds].filter(Boolean).join(' · ')} withArrow openDelay={300}>
        <Group gap={6} wrap="nowrap">
          <LightMark light={cell.light} />
          {href ? (
            <Anchor
              component={Link}
              to={href}
              underline="hover"
              aria-label={t('dashboard.cellLink', { kpi: t(`kpi.names.${kpi}`), owner, value })}
              data-testid="dashboard-cell-link"
            >
              {figure}
            </Anchor>
          ) : (
            figure
          )}
        </Group>
      </Tooltip>
      <Text size="xs" c="dimmed" truncate>
        {cell.target === null ? '\u00a0' : target}
      </Text>
    </Stack>
  );
}

/** A plan line's attainment to date: fact against the realistic plan since the plan's start. */
export function PlanAttainment({ plan }: { plan: DashboardPlan | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!plan) {
    return (
      <Text size="sm" c="dimmed">
        {t('dashboard.noPlan')}
      </Text>
    );
  }
  return (
    <Stack gap={0} data-testid="dashboard-attainment">
      <Text size="sm" fw={600}>
        {plan.attainment === null ? '—' : formatRatioPercent(plan.attainment, format.locale)}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {t('dashboard.planToDate', {
          fact: format.moneyShort(plan.factToDateMinor, plan.currency),
          plan: format.moneyShort(plan.planToDateMinor, plan.currency),
        })}
      </Text>
    </Stack>
  );
}

/** The pipeline forecast for the plan's period end, with the scenario it lands in. */
export function PlanForecast({ plan }: { plan: DashboardPlan | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!plan) return null;
  return (
    <Stack gap={2} align="flex-start" data-testid="dashboard-forecast">
      <Text size="sm">{format.moneyShort(plan.forecastMinor, plan.currency)}</Text>
      <Badge
        size="xs"
        variant="light"
        color={LANDING_COLOR[plan.forecastScenario]}
        data-scenario={plan.forecastScenario}
      >
        {t(`plans.progress.landing.${plan.forecastScenario}`)}
      </Badge>
    </Stack>
  );
}
