import { Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NextStepValues } from './next-step.ts';

interface NextStepFieldsProps {
  values: NextStepValues;
  onChange(values: NextStepValues): void;
  /** Shown when the server asked for the next step. */
  required: boolean;
  missing: boolean;
}

/** "Do what you promised when you promised": the task that follows, or why there is none. */
export function NextStepFields({ values, onChange, required, missing }: NextStepFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof NextStepValues>(key: K, value: NextStepValues[K]) =>
    onChange({ ...values, [key]: value });
  return (
    <Stack gap="xs" data-testid="next-step">
      <Text size="sm" fw={600}>
        {t('work.nextStep.title')}
      </Text>
      {required && (
        <Text size="sm" c="orange.8" data-testid="next-step-required">
          {t('work.nextStep.required')}
        </Text>
      )}
      <SegmentedControl
        value={values.mode}
        onChange={(value) => set('mode', value === 'none' ? 'none' : 'task')}
        data={[
          { value: 'task', label: t('work.nextStep.task') },
          { value: 'none', label: t('work.nextStep.none') },
        ]}
        data-testid="next-step-mode"
      />
      {values.mode === 'task' ? (
        <>
          <TextInput
            label={t('work.nextStep.taskTitle')}
            placeholder={t('work.nextStep.taskPlaceholder')}
            value={values.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={missing && !values.title.trim() ? t('validation.required') : undefined}
            required
            data-testid="next-step-title"
          />
          <Group grow>
            <TextInput
              label={t('work.nextStep.day')}
              type="date"
              value={values.day}
              onChange={(event) => set('day', event.currentTarget.value)}
              error={missing && !values.day ? t('validation.date') : undefined}
              required
              data-testid="next-step-day"
            />
            <TextInput
              label={t('work.nextStep.time')}
              type="time"
              value={values.time}
              onChange={(event) => set('time', event.currentTarget.value)}
              required
              data-testid="next-step-time"
            />
          </Group>
        </>
      ) : (
        <TextInput
          label={t('work.nextStep.reason')}
          value={values.reason}
          onChange={(event) => set('reason', event.currentTarget.value)}
          error={missing && !values.reason.trim() ? t('validation.required') : undefined}
          required
          data-testid="next-step-reason"
        />
      )}
    </Stack>
  );
}
