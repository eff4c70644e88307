import { Paper, SimpleGrid, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { CalendarDay } from '@pulse/contracts';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../shared/format.ts';
import { type DayStatus, dayStatus, monthWeeks } from './month-grid.ts';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
type Month = (typeof MONTHS)[number];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const STATUS_STYLES: Record<DayStatus, CSSProperties> = {
  holiday: { background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-red-9)', fontWeight: 600 },
  working: { background: 'var(--mantine-color-teal-1)', color: 'var(--mantine-color-teal-9)', fontWeight: 600 },
  short: { background: 'var(--mantine-color-yellow-1)', color: 'var(--mantine-color-yellow-9)', fontWeight: 600 },
  weekend: { background: 'var(--mantine-color-gray-1)', color: 'var(--mantine-color-red-7)' },
  workday: {},
};

const cellStyle: CSSProperties = {
  display: 'block',
  width: '100%',
  textAlign: 'center',
  fontSize: 'var(--mantine-font-size-xs)',
  lineHeight: '26px',
  borderRadius: 4,
};

interface YearViewProps {
  year: number;
  exceptions: ReadonlyMap<string, CalendarDay>;
  workWeek: readonly number[];
  workingDaysByMonth: ReadonlyMap<number, number>;
  /** Given only to those who may edit the calendar. */
  onDayClick?: (day: string) => void;
}

/** Twelve month grids: holidays, transferred working days and short days stand out from the week. */
export function YearView(props: YearViewProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 2, md: 3, xl: 4 }}
      spacing="md"
      data-testid="calendar-year"
      aria-label={t('calendar.yearView', { year: props.year })}
      role="region"
    >
      {MONTHS.map((month) => (
        <MonthGrid key={month} month={month} {...props} />
      ))}
    </SimpleGrid>
  );
}

function MonthGrid({
  year,
  month,
  exceptions,
  workWeek,
  workingDaysByMonth,
  onDayClick,
}: YearViewProps & { month: Month }) {
  const { t, i18n } = useTranslation();
  const workingDays = workingDaysByMonth.get(month);

  function label(day: string, status: DayStatus): string {
    const exception = exceptions.get(day);
    const kind =
      status === 'workday'
        ? t('calendar.day.ordinaryWorking')
        : status === 'weekend'
          ? t('calendar.day.ordinaryWeekend')
          : [t(`calendar.kinds.${status}`), exception?.name].filter(Boolean).join(': ');
    return t('calendar.dayLabel', { date: formatDay(day, i18n.language, { dateStyle: 'long' }), kind });
  }

  return (
    <Paper withBorder p="xs" data-testid={`calendar-month-${month}`}>
      <table style={{ width: '100%', borderCollapse: 'separate', borderSpacing: 2, tableLayout: 'fixed' }}>
        <caption style={{ captionSide: 'top', textAlign: 'left', paddingBottom: 4 }}>
          <Text component="span" fw={600}>
            {t(`months.${month}`)}
          </Text>
          {workingDays !== undefined && (
            <Text component="span" size="xs" c="dimmed" ml="xs" data-testid={`calendar-month-${month}-working-days`}>
              {t('calendar.monthWorkingDays', { count: workingDays })}
            </Text>
          )}
        </caption>
        <thead>
          <tr>
            {WEEKDAYS.map((weekday) => (
              <th key={weekday} scope="col" style={{ fontWeight: 500 }}>
                <Text
                  component="abbr"
                  title={t(`weekdays.long.${weekday}`)}
                  size="xs"
                  c="dimmed"
                  style={{ textDecoration: 'none' }}
                >
                  {t(`weekdays.short.${weekday}`)}
                </Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week) => (
            <tr key={week.find(Boolean) ?? 'empty'}>
              {WEEKDAYS.map((weekday) => {
                const day = week[weekday - 1];
                if (!day) return <td key={`blank-${weekday}`} />;
                const status = dayStatus(day, exceptions, workWeek);
                const style = { ...cellStyle, ...STATUS_STYLES[status] };
                const text = String(Number(day.slice(8)));
                const common = { 'data-testid': `day-${day}`, 'data-kind': status, title: label(day, status) };
                return (
                  <td key={day}>
                    {onDayClick ? (
                      <UnstyledButton
                        {...common}
                        aria-label={common.title}
                        style={style}
                        onClick={() => onDayClick(day)}
                      >
                        {text}
                      </UnstyledButton>
                    ) : (
                      <span {...common} style={style}>
                        {text}
                        {status !== 'workday' && status !== 'weekend' && (
                          <VisuallyHidden>{t(`calendar.kinds.${status}`)}</VisuallyHidden>
                        )}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Paper>
  );
}
