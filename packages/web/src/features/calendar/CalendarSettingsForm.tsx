import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type CalendarSettings, UpdateCalendarSettingsRequest } from '@pulse/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { timeZoneOptions } from '../../shared/time-zones.ts';
import { useUpdateCalendarSettings } from './use-calendar.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Time zone, working week and business hours; read-only for those who may not manage the calendar. */
export function CalendarSettingsForm({ settings, canEdit }: { settings: CalendarSettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const update = useUpdateCalendarSettings();
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [workWeek, setWorkWeek] = useState<string[]>(settings.workWeek.map(String));
  const [start, setStart] = useState(settings.businessHours.start);
  const [end, setEnd] = useState(settings.businessHours.end);
  const [errors, setErrors] = useState<FieldErrors>({});
  const zones = useMemo(() => timeZoneOptions(settings.timeZone), [settings.timeZone]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkWith(UpdateCalendarSettingsRequest, {
      timeZone,
      workWeek: workWeek.map(Number).sort((a, b) => a - b),
      businessHours: { start, end },
    });
    if (!checked.ok) {
      setErrors(fromIssues(checked.issues));
      return;
    }
    setErrors({});
    update.mutate(checked.data, {
      onSuccess: () => notifySuccess(t('calendar.settings.saved')),
      onError: (error) => {
        // Field messages say where; the notification says that the save failed at all.
        setErrors(fromError(error));
        notifyError(errorMessage(error));
      },
    });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-settings-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4" id="calendar-settings-heading">
              {t('calendar.settings.heading')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('calendar.settings.country', { country: settings.country })}
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('calendar.settings.timeZone')}
              data={zones}
              value={timeZone}
              onChange={(value) => {
                if (value) setTimeZone(value);
              }}
              searchable
              allowDeselect={false}
              limit={100}
              disabled={!canEdit}
              error={errors.timeZone}
              data-testid="calendar-time-zone"
            />
            <TextInput
              label={t('calendar.settings.businessStart')}
              type="time"
              value={start}
              onChange={(event) => setStart(event.currentTarget.value)}
              disabled={!canEdit}
              error={errors['businessHours.start'] ?? errors.businessHours}
              data-testid="calendar-hours-start"
            />
            <TextInput
              label={t('calendar.settings.businessEnd')}
              type="time"
              value={end}
              onChange={(event) => setEnd(event.currentTarget.value)}
              disabled={!canEdit}
              error={errors['businessHours.end']}
              data-testid="calendar-hours-end"
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('calendar.settings.workWeek')}
            value={workWeek}
            onChange={setWorkWeek}
            error={errors.workWeek}
            data-testid="calendar-work-week"
          >
            <Group gap="md" mt={6}>
              {WEEKDAYS.map((weekday) => (
                <Checkbox
                  key={weekday}
                  value={String(weekday)}
                  label={t(`weekdays.long.${weekday}`)}
                  disabled={!canEdit}
                />
              ))}
            </Group>
          </Checkbox.Group>
          {canEdit && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} data-testid="calendar-settings-submit">
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
