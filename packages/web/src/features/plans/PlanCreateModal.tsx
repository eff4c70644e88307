import { Alert, Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MoneyInput } from '../../shared/MoneyInput.tsx';
import { todayIn, useFormat } from '../../shared/use-format.ts';
import { useUnits } from '../structure/use-units.ts';
import { emptyPlanValues, type PlanFormField, type PlanFormValues, planRequest } from './plan-form.ts';
import { useCreatePlan, usePlanErrorMessage } from './use-plans.ts';

const LENGTHS = Array.from({ length: 12 }, (_, i) => String(i + 1));

/** "New plan": period, scope, the realistic plan typed or from last year, the other two around it. */
export function PlanCreateModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const units = useUnits({ enabled: opened });
  const create = useCreatePlan();
  const errorMessage = usePlanErrorMessage();
  const [values, setValues] = useState<PlanFormValues>(() => emptyPlanValues(todayIn(format.timeZone)));
  const [invalid, setInvalid] = useState<PlanFormField[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const set = <K extends keyof PlanFormValues>(key: K, value: PlanFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const problem = (field: PlanFormField) => (invalid.includes(field) ? t(`plans.form.invalid.${field}`) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = planRequest(values, format.currency);
    if (checked.errors) {
      setInvalid(checked.errors);
      return;
    }
    setInvalid([]);
    setFailure(null);
    create.mutate(checked.body, {
      onSuccess: (plan) => {
        onClose();
        void navigate(`/plans/${plan.id}`);
      },
      onError: (error) => setFailure(errorMessage(error)),
    });
  };

  const kindData = [
    { value: 'percent', label: t('plans.form.percentOfRealistic') },
    { value: 'amount', label: t('plans.form.amount') },
  ];

  return (
    <Modal opened={opened} onClose={onClose} title={t('plans.create')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('plans.fields.name')}
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={problem('name')}
            required
            data-testid="plan-form-name"
          />
          <SimpleGrid cols={2}>
            <TextInput
              type="month"
              label={t('plans.form.startMonth')}
              value={values.startMonth}
              onChange={(event) => set('startMonth', event.currentTarget.value)}
              error={problem('startMonth')}
              data-testid="plan-form-start"
            />
            <Select
              label={t('plans.form.length')}
              data={LENGTHS.map((value) => ({ value, label: t('plans.form.months', { count: Number(value) }) }))}
              value={String(values.length)}
              onChange={(value) => set('length', Number(value ?? 12))}
              allowDeselect={false}
              data-testid="plan-form-length"
            />
          </SimpleGrid>
          <Select
            label={t('plans.fields.scope')}
            data={[
              { value: '', label: t('plans.wholeOrganisation') },
              ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
            ]}
            value={values.scopeUnitId}
            onChange={(value) => set('scopeUnitId', value ?? '')}
            allowDeselect={false}
            searchable
            data-testid="plan-form-scope"
          />
          <SegmentedControl
            value={values.realisticBasis}
            onChange={(value) => set('realisticBasis', value === 'manual' ? 'manual' : 'last-year-growth')}
            data={[
              { value: 'last-year-growth', label: t('plans.form.fromLastYear') },
              { value: 'manual', label: t('plans.form.typedAmount') },
            ]}
            data-testid="plan-form-basis"
          />
          {values.realisticBasis === 'manual' ? (
            <MoneyInput
              label={t('plans.form.realisticAmount')}
              value={values.realisticAmount}
              onChange={(text) => set('realisticAmount', text)}
              currency={format.currency}
              error={problem('realisticAmount')}
              data-testid="plan-form-realistic"
            />
          ) : (
            <TextInput
              label={t('plans.form.growthPercent')}
              value={values.growthPercent}
              onChange={(event) => set('growthPercent', event.currentTarget.value)}
              error={problem('growthPercent')}
              rightSection="%"
              inputMode="decimal"
              data-testid="plan-form-growth"
            />
          )}
          {(['pessimistic', 'optimistic'] as const).map((scenario) => {
            const kindKey = scenario === 'pessimistic' ? 'pessimisticKind' : 'optimisticKind';
            return (
              <Group key={scenario} align="flex-end" grow>
                <Select
                  label={t(`plans.scenarios.${scenario}`)}
                  data={kindData}
                  value={values[kindKey]}
                  onChange={(value) => set(kindKey, value === 'amount' ? 'amount' : 'percent')}
                  allowDeselect={false}
                />
                <TextInput
                  aria-label={t(`plans.scenarios.${scenario}`)}
                  value={values[scenario]}
                  onChange={(event) => set(scenario, event.currentTarget.value)}
                  error={problem(scenario)}
                  rightSection={values[kindKey] === 'percent' ? '%' : format.currency}
                  rightSectionWidth={44}
                  inputMode="decimal"
                  data-testid={`plan-form-${scenario}`}
                />
              </Group>
            );
          })}
          {failure && (
            <Alert color="red" role="alert" data-testid="plan-form-error">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="plan-form-submit">
              {t('plans.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
