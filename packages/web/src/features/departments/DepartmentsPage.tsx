import { Group, SegmentedControl, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import type { DashboardPeriodKind, DepartmentsDashboard, KpiCell } from '@pulse/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { formatRatioPercent } from '../dashboard/dashboard-values.ts';
import { CellStatusView, FigureLink } from '../my-figures/KpiFigure.tsx';
import { useKpiFigure } from '../my-figures/use-kpi-figure.ts';
import { kpiRows, planRows } from './best-values.ts';
import { useDepartments } from './use-departments.ts';

const PERIODS: readonly DashboardPeriodKind[] = ['today', 'week', 'month'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The commercial director's view: a column per department, a row per KPI, the best of each row highlighted. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<DashboardPeriodKind>('today');
  const [date, setDate] = useState('');
  const departments = useDepartments(period, DAY.test(date) ? date : null);
  return (
    <Stack gap="md" data-testid="departments">
      <Stack gap={0}>
        <PageTitle>{t('departments.title')}</PageTitle>
        <Text size="sm" c="dimmed">
          {t('departments.subtitle')}
        </Text>
      </Stack>
      <Group align="flex-end">
        <SegmentedControl
          aria-label={t('myFigures.periodLabel')}
          value={period}
          onChange={(value) => setPeriod(value as DashboardPeriodKind)}
          data={PERIODS.map((value) => ({ value, label: t(`myFigures.periods.${value}`) }))}
          data-testid="departments-period"
        />
        <TextInput
          type="date"
          label={t('departments.date')}
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          data-testid="departments-date"
        />
      </Group>
      {departments.isPending ? (
        <CenteredLoader />
      ) : departments.isError && !departments.data ? (
        <QueryError error={departments.error} onRetry={() => void departments.refetch()} />
      ) : (
        <DepartmentsTable data={departments.data} />
      )}
    </Stack>
  );
}

function DepartmentsTable({ data }: { data: DepartmentsDashboard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { figure, directions } = useKpiFigure();
  const { departments, period } = data;
  if (departments.length === 0) {
    return (
      <Text c="dimmed" data-testid="departments-empty">
        {t('departments.empty')}
      </Text>
    );
  }
  const rows = kpiRows(data.kpis, departments, directions);
  const plans = planRows(departments);
  const none = t('common.none');
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed" data-testid="departments-range">
        {t('departments.range', { from: format.day(period.from), to: format.day(period.to), days: period.workingDays })}
      </Text>
      <Table.ScrollContainer minWidth={240 + departments.length * 180}>
        <Table withTableBorder withColumnBorders striped data-testid="departments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('departments.kpi')}</Table.Th>
              {departments.map((department) => (
                <Table.Th key={department.unitId} ta="right" data-testid="departments-column">
                  <Text fw={600} size="sm">
                    {department.name}
                  </Text>
                  <Text size="xs" c="dimmed" fw={400}>
                    {t('departments.members', { count: department.memberCount })}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const name = t(`kpi.names.${row.kpiId}`);
              return (
                <Table.Tr key={row.kpiId} data-testid={`departments-row-${row.kpiId}`}>
                  <Table.Td>{name}</Table.Td>
                  {row.cells.map((cell, index) => (
                    <BestCell key={departments[index]?.unitId ?? index} best={row.best.has(index)}>
                      {cell ? (
                        <DepartmentCell
                          cell={cell}
                          text={figure(row.kpiId, cell.value)}
                          target={figure(row.kpiId, cell.target)}
                          label={t('myFigures.open', { kpi: name })}
                        />
                      ) : (
                        none
                      )}
                    </BestCell>
                  ))}
                </Table.Tr>
              );
            })}
            <Table.Tr data-testid="departments-row-plan-attainment">
              <Table.Td fw={600}>{t('departments.planAttainment')}</Table.Td>
              {departments.map((department, index) => (
                <BestCell key={department.unitId} best={plans.attainment.has(index)}>
                  {department.plan
                    ? department.plan.attainment === null
                      ? none
                      : formatRatioPercent(department.plan.attainment, format.locale)
                    : t('departments.noPlan')}
                </BestCell>
              ))}
            </Table.Tr>
            <Table.Tr data-testid="departments-row-forecast">
              <Table.Td fw={600}>{t('departments.forecast')}</Table.Td>
              {departments.map((department, index) => (
                <BestCell key={department.unitId} best={plans.forecast.has(index)}>
                  {department.plan
                    ? format.moneyShort(department.plan.forecastMinor, department.plan.currency)
                    : t('departments.noPlan')}
                </BestCell>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** A department's cell; the best of its row is bold on green, and says so in words for screen readers. */
function BestCell({ best, children }: { best: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Table.Td
      ta="right"
      fw={best ? 700 : undefined}
      bg={best ? 'var(--mantine-color-green-light)' : undefined}
      data-best={best ? 'true' : undefined}
      data-testid="departments-cell"
    >
      {children}
      {best && <VisuallyHidden> ({t('departments.best')})</VisuallyHidden>}
    </Table.Td>
  );
}

function DepartmentCell(props: { cell: KpiCell; text: string; target: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-end">
      <FigureLink text={props.text} drillDown={props.cell.drillDown} label={props.label} />
      {props.cell.target !== null && (
        <Text size="xs" c="dimmed">
          {t('departments.target', { value: props.target })}
        </Text>
      )}
      <CellStatusView cell={props.cell} quiet />
    </Stack>
  );
}
