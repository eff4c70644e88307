import { NumberInput, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../shared/form-errors.ts';
import { PLAN_CONTROL_FIELDS, type PlanControlField, type PlanControlForm } from './plan-control-values.ts';

/** The organisation's plan and daily-control settings, part of the organisation form. */
export function PlanControlFields({
  value,
  onChange,
  errors,
}: {
  value: PlanControlForm;
  onChange: (next: PlanControlForm) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<PlanControlForm>) => onChange({ ...value, ...patch });
  return (
    <>
      <Title order={3} size="h5" mt="sm">
        {t('settings.organization.planControl')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('settings.organization.achievabilityMargin')}
          description={t('settings.organization.achievabilityMarginHint')}
          value={value.marginPercent}
          onChange={(marginPercent) => set({ marginPercent })}
          min={0}
          max={100}
          decimalScale={2}
          suffix=" %"
          error={errors.achievabilityMarginBp}
          data-testid="org-achievability-margin"
        />
        <NumberInput
          label={t('settings.organization.thinHistoryDeals')}
          description={t('settings.organization.thinHistoryDealsHint')}
          value={value.thinHistoryDeals}
          onChange={(thinHistoryDeals) => set({ thinHistoryDeals })}
          min={1}
          max={1000}
          allowDecimal={false}
          error={errors.thinHistoryDeals}
          data-testid="org-thin-history-deals"
        />
        <TextInput
          label={t('settings.organization.callsExpectedBy')}
          description={t('settings.organization.callsExpectedByHint')}
          type="time"
          value={value.callsExpectedBy}
          onChange={(event) => set({ callsExpectedBy: event.currentTarget.value })}
          error={errors.callsExpectedBy}
          data-testid="org-calls-expected-by"
        />
        <NumberInput
          label={t('settings.organization.overdueTasksLimit')}
          description={t('settings.organization.overdueTasksLimitHint')}
          value={value.overdueTasksLimit}
          onChange={(overdueTasksLimit) => set({ overdueTasksLimit })}
          min={0}
          max={1000}
          allowDecimal={false}
          error={errors.overdueTasksLimit}
          data-testid="org-overdue-tasks-limit"
        />
      </SimpleGrid>
    </>
  );
}

/** Gives each plan or daily-control field that has an error its own range message. */
export function usePlanControlMessages(): (errors: FieldErrors, fields?: readonly PlanControlField[]) => FieldErrors {
  const { t } = useTranslation();
  const messages: Record<PlanControlField, string> = {
    achievabilityMarginBp: t('settings.organization.errors.achievabilityMargin'),
    thinHistoryDeals: t('settings.organization.errors.thinHistoryDeals'),
    callsExpectedBy: t('settings.organization.errors.callsExpectedBy'),
    overdueTasksLimit: t('settings.organization.errors.overdueTasksLimit'),
  };
  return (errors, fields = []) => {
    const result = { ...errors };
    for (const field of PLAN_CONTROL_FIELDS) {
      if (result[field] !== undefined || fields.includes(field)) result[field] = messages[field];
    }
    return result;
  };
}
