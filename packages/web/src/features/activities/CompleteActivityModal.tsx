import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import type { Activity } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { isStale } from '../../shared/stale.ts';
import { todayIn } from '../../shared/use-format.ts';
import { useMe } from '../auth/session.tsx';
import { NextStepFields } from './NextStepFields.tsx';
import { emptyNextStep, type NextStepValues, needsNextStep, toNextStep } from './next-step.ts';
import { useUpdateActivity } from './use-work.ts';

/** Marks a planned call or meeting done, with its result and (when asked) the next step. */
export function CompleteActivityModal({ activity, onClose }: { activity: Activity | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={activity !== null} onClose={onClose} title={t('work.complete.title')}>
      {activity && <CompleteForm activity={activity} onClose={onClose} />}
    </Modal>
  );
}

function CompleteForm({ activity, onClose }: { activity: Activity; onClose(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const update = useUpdateActivity();
  const [result, setResult] = useState('');
  const [planNext, setPlanNext] = useState(false);
  const [required, setRequired] = useState(false);
  const [next, setNext] = useState<NextStepValues>(() => emptyNextStep(todayIn(me.user.timeZone)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const nextStep = planNext ? toNextStep(next, me.user.timeZone) : null;
    if (planNext && !nextStep) {
      setRequired(true);
      return;
    }
    update.mutate(
      {
        id: activity.id,
        body: {
          version: activity.version,
          status: 'done',
          result: result.trim() || null,
          nextStep: nextStep ?? undefined,
          // A meeting planned for later that is held early took place now, not in the future.
          ...(Date.parse(activity.occurredAt) > Date.now() ? { occurredAt: new Date().toISOString() } : {}),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('work.complete.done'));
          onClose();
        },
        onError: (error) => {
          if (needsNextStep(error)) {
            setRequired(true);
            setPlanNext(true);
            return;
          }
          notifyError(isStale(error) ? t('work.stale') : errorMessage(error));
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('quick.result')}
          value={result}
          onChange={(event) => setResult(event.currentTarget.value)}
          data-autofocus
          data-testid="complete-result"
        />
        {!required && (
          <Checkbox
            label={t('work.nextStep.add')}
            checked={planNext}
            onChange={(event) => setPlanNext(event.currentTarget.checked)}
          />
        )}
        {planNext && <NextStepFields values={next} onChange={setNext} required={required} missing={required} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="complete-submit">
            {t('work.complete.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
