import { ActionIcon, Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import type { CalendarDay } from '@pulse/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifySuccess } from '../../shared/notify.ts';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useMe } from '../auth/session.tsx';
import { CalendarSettingsForm } from './CalendarSettingsForm.tsx';
import { DayModal } from './DayModal.tsx';
import { summaryMonthNumber } from './month-grid.ts';
import { useCalendarDays, useCalendarSettings, useCalendarSummary, useResetCalendar } from './use-calendar.ts';
import { YearView } from './YearView.tsx';

const LEGEND = [
  { key: 'holiday', color: 'red' },
  { key: 'working', color: 'teal' },
  { key: 'short', color: 'yellow' },
  { key: 'weekend', color: 'gray' },
] as const;

export function CalendarPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = me.permissions.manageCalendar;
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [openDay, setOpenDay] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const settings = useCalendarSettings();
  const days = useCalendarDays(year);
  const summary = useCalendarSummary(year);

  const exceptions = useMemo(
    () => new Map<string, CalendarDay>((days.data ?? []).map((day) => [day.day, day])),
    [days.data],
  );
  const workingDaysByMonth = useMemo(() => {
    const byMonth = new Map<number, number>();
    for (const entry of summary.data?.months ?? []) {
      const month = summaryMonthNumber(entry.month);
      if (month) byMonth.set(month, entry.workingDays);
    }
    return byMonth;
  }, [summary.data]);

  return (
    <Stack gap="md">
      <PageTitle>{t('calendar.title')}</PageTitle>
      {settings.isPending && <CenteredLoader minHeight={120} />}
      {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <CalendarSettingsForm key={JSON.stringify(settings.data)} settings={settings.data} canEdit={canEdit} />
      )}

      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <ActionIcon
            variant="default"
            onClick={() => setYear(year - 1)}
            aria-label={t('calendar.prevYear')}
            data-testid="calendar-prev-year"
          >
            <span aria-hidden="true">‹</span>
          </ActionIcon>
          <Title order={2} size="h3" aria-live="polite" data-testid="calendar-year-title">
            {t('calendar.year', { year })}
          </Title>
          <ActionIcon
            variant="default"
            onClick={() => setYear(year + 1)}
            aria-label={t('calendar.nextYear')}
            data-testid="calendar-next-year"
          >
            <span aria-hidden="true">›</span>
          </ActionIcon>
          {summary.data && (
            <Text c="dimmed" size="sm" ml="sm" data-testid="calendar-year-working-days">
              {t('calendar.yearWorkingDays', { count: summary.data.workingDays })}
            </Text>
          )}
        </Group>
        {canEdit && (
          <Button variant="light" color="orange" onClick={() => setConfirmReset(true)} data-testid="calendar-reset">
            {t('calendar.reset')}
          </Button>
        )}
      </Group>

      <Group gap="md" aria-label={t('calendar.legend.label')} role="list">
        {LEGEND.map(({ key, color }) => (
          <Group key={key} gap={6} role="listitem">
            <span
              aria-hidden="true"
              style={{
                width: 14,
                height: 14,
                borderRadius: 3,
                background: `var(--mantine-color-${color}-1)`,
                border: `1px solid var(--mantine-color-${color}-4)`,
              }}
            />
            <Text size="sm">{t(`calendar.legend.${key}`)}</Text>
          </Group>
        ))}
      </Group>

      {(days.isError || summary.isError) && (
        <QueryError
          error={days.error ?? summary.error}
          onRetry={() => {
            void days.refetch();
            void summary.refetch();
          }}
        />
      )}
      {days.isPending || settings.isPending ? (
        <CenteredLoader />
      ) : (
        <YearView
          year={year}
          exceptions={exceptions}
          workWeek={settings.data?.workWeek ?? [1, 2, 3, 4, 5]}
          workingDaysByMonth={workingDaysByMonth}
          onDayClick={canEdit ? setOpenDay : undefined}
        />
      )}

      <DayModal
        day={openDay}
        exception={openDay ? exceptions.get(openDay) : undefined}
        onClose={() => setOpenDay(null)}
      />
      <ResetModal year={year} opened={confirmReset} onClose={() => setConfirmReset(false)} />
    </Stack>
  );
}

function ResetModal({ year, opened, onClose }: { year: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const reset = useResetCalendar();
  const close = () => {
    reset.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('calendar.resetTitle', { year })}>
      <Stack gap="sm">
        <Text>{t('calendar.resetText', { year })}</Text>
        {reset.error && (
          <Alert color="red" role="alert">
            {errorMessage(reset.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            loading={reset.isPending}
            data-testid="calendar-reset-confirm"
            onClick={() =>
              reset.mutate(year, {
                onSuccess: () => {
                  notifySuccess(t('calendar.resetDone', { year }));
                  close();
                },
              })
            }
          >
            {t('common.reset')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
