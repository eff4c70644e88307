import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { type CalendarDay, CalendarDayKind } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { formatDay } from '../../shared/format.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { useDeleteCalendarDay, usePutCalendarDay } from './use-calendar.ts';

type Kind = CalendarDay['kind'];

interface DayModalProps {
  day: string | null;
  exception: CalendarDay | undefined;
  onClose: () => void;
}

/** Sets a day's kind and name, or returns it to an ordinary day of the working week. */
export function DayModal({ day, exception, onClose }: DayModalProps) {
  const { t, i18n } = useTranslation();
  const title = day ? t('calendar.day.title', { date: formatDay(day, i18n.language, { dateStyle: 'full' }) }) : '';
  return (
    <Modal opened={day !== null} onClose={onClose} title={title}>
      {day && <DayForm key={day} day={day} exception={exception} onClose={onClose} />}
    </Modal>
  );
}

function DayForm({ day, exception, onClose }: { day: string } & Omit<DayModalProps, 'day'>) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const putDay = usePutCalendarDay();
  const deleteDay = useDeleteCalendarDay();
  const [kind, setKind] = useState<Kind>(exception?.kind ?? 'holiday');
  const [name, setName] = useState(exception?.name ?? '');
  const fail = (error: unknown) => notifyError(errorMessage(error));

  function submit(event: FormEvent) {
    event.preventDefault();
    putDay.mutate(
      { day, body: { kind, name: name.trim() } },
      {
        onSuccess: () => {
          notifySuccess(t('calendar.day.saved'));
          onClose();
        },
        onError: fail,
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="day-kind-label">
            {t('calendar.day.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="day-kind-label"
            value={kind}
            onChange={(value) => {
              const parsed = CalendarDayKind.safeParse(value);
              if (parsed.success) setKind(parsed.data);
            }}
            data={CalendarDayKind.options.map((value) => ({ value, label: t(`calendar.kinds.${value}`) }))}
            data-testid="day-kind"
          />
        </Stack>
        <TextInput
          label={t('calendar.day.name')}
          placeholder={t('calendar.day.namePlaceholder')}
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.currentTarget.value)}
          data-testid="day-name"
        />
        <Group justify="space-between" mt="sm">
          {exception ? (
            <Button
              variant="subtle"
              color="red"
              loading={deleteDay.isPending}
              onClick={() =>
                deleteDay.mutate(day, {
                  onSuccess: () => {
                    notifySuccess(t('calendar.day.cleared'));
                    onClose();
                  },
                  onError: fail,
                })
              }
              data-testid="day-clear"
            >
              {t('calendar.day.clear')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={putDay.isPending} data-testid="day-save">
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
