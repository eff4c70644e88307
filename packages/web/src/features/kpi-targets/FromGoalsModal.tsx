import { Alert, Button, Group, List, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import type { KpiTargetsFromGoalsResult } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError } from '../../shared/notify.ts';
import { useUnits } from '../structure/use-units.ts';
import { targetRefusals } from './kpi-target-errors.ts';
import { useKpiTargetsFromGoals } from './use-kpi-targets.ts';

/** Takes a month's SMART goals as targets, then says what was created, updated and skipped. */
export function FromGoalsModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('kpiTargets.fromGoals.title')}>
      {opened && <FromGoalsForm onClose={onClose} />}
    </Modal>
  );
}

function FromGoalsForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const units = useUnits();
  const run = useKpiTargetsFromGoals();
  const [month, setMonth] = useState(new Date().toISOString().slice(0, 7));
  const [unitId, setUnitId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [result, setResult] = useState<KpiTargetsFromGoalsResult | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{4}-\d{2}$/.test(month)) return setErrors({ month: t('validation.required') });
    setErrors({});
    run.mutate(
      { month, unitId: unitId ?? undefined },
      {
        onSuccess: setResult,
        onError: (error) => {
          const refusals = targetRefusals(error);
          if (refusals?.unitId) setErrors({ unitId: t(`kpiTargets.refusals.${refusals.unitId}`) });
          notifyError(errorMessage(error));
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('kpiTargets.fromGoals.hint')}
        </Text>
        <TextInput
          type="month"
          label={t('kpiTargets.fromGoals.month')}
          value={month}
          onChange={(event) => setMonth(event.currentTarget.value)}
          error={errors.month}
          required
          data-testid="kpi-from-goals-month"
        />
        <Select
          label={t('kpiTargets.subject.unit')}
          placeholder={t('kpiTargets.fromGoals.allUnits')}
          data={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          value={unitId}
          onChange={setUnitId}
          error={errors.unitId}
          clearable
          searchable
          data-testid="kpi-from-goals-unit"
        />
        {result && (
          <Alert color="teal" data-testid="kpi-from-goals-result">
            <Text size="sm">
              {t('kpiTargets.fromGoals.summary', {
                created: result.created,
                updated: result.updated,
                unchanged: result.unchanged,
                removed: result.removed,
              })}
            </Text>
            {result.skipped.length > 0 && (
              <List size="sm" mt="xs">
                {result.skipped.map((skip) => (
                  <List.Item key={skip.goalId}>
                    {t(`kpiTargets.fromGoals.skipped.${skip.reason}`, {
                      metric: t(`kpiTargets.metrics.${skip.metric}`, { defaultValue: skip.metric }),
                      name: skip.userName,
                    })}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button type="submit" loading={run.isPending} data-testid="kpi-from-goals-submit">
            {t('kpiTargets.fromGoals.run')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
