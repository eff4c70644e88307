import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { type Organization, UpdateOrganizationRequest } from '@pulse/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { isLocale, type Locale } from '../../i18n/i18n.ts';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import { timeZoneOptions } from '../../shared/time-zones.ts';
import { PlanControlFields, usePlanControlMessages } from './PlanControlFields.tsx';
import { planControlForm, planControlRequest } from './plan-control-values.ts';
import { useOrganization, useUpdateOrganization } from './use-settings.ts';

/** The administrator's organisation settings. */
export function OrganizationSection() {
  const { t } = useTranslation();
  const organization = useOrganization({ enabled: true });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="organization-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="organization-heading">
          {t('settings.organization.heading')}
        </Title>
        {organization.isPending && <CenteredLoader minHeight={120} />}
        {organization.isError && <QueryError error={organization.error} onRetry={() => void organization.refetch()} />}
        {organization.data && <OrganizationForm organization={organization.data} />}
      </Stack>
    </Paper>
  );
}

function OrganizationForm({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const update = useUpdateOrganization();
  const [name, setName] = useState(organization.name);
  const [currency, setCurrency] = useState(organization.currency);
  const [timeZone, setTimeZone] = useState(organization.timeZone);
  const [locale, setLocale] = useState<Locale>(organization.locale);
  const [planControl, setPlanControl] = useState(() => planControlForm(organization));
  const [errors, setErrors] = useState<FieldErrors>({});
  const withPlanMessages = usePlanControlMessages();
  const zones = useMemo(() => timeZoneOptions(organization.timeZone), [organization.timeZone]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkWith(UpdateOrganizationRequest, {
      name,
      currency: currency.trim().toUpperCase(),
      timeZone,
      locale,
    });
    const plan = planControlRequest(planControl);
    if (!checked.ok || !plan.ok) {
      setErrors(withPlanMessages(checked.ok ? {} : fromIssues(checked.issues), plan.ok ? [] : plan.fields));
      return;
    }
    setErrors({});
    update.mutate(
      { ...checked.data, ...plan.data },
      {
        onSuccess: () => notifySuccess(t('settings.organization.saved')),
        onError: (error) => {
          // Field messages say where; the notification says that the save failed at all. A setting
          // out of range is a 422 naming the field, which the shared mapping leaves to the form.
          const unprocessable = error instanceof ApiError && error.code === 'unprocessable';
          setErrors(withPlanMessages(unprocessable ? fromIssues(error.details) : fromError(error)));
          notifyError(errorMessage(error));
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('settings.organization.name')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label={t('settings.organization.currency')}
          required
          maxLength={3}
          value={currency}
          onChange={(event) => setCurrency(event.currentTarget.value)}
          error={errors.currency}
        />
        <Select
          label={t('settings.organization.timeZone')}
          data={zones}
          value={timeZone}
          onChange={(value) => {
            if (value) setTimeZone(value);
          }}
          searchable
          allowDeselect={false}
          limit={100}
          error={errors.timeZone}
        />
        <Select
          label={t('settings.organization.locale')}
          data={[
            { value: 'ru', label: t('lang.ru') },
            { value: 'en', label: t('lang.en') },
          ]}
          value={locale}
          onChange={(value) => {
            if (isLocale(value)) setLocale(value);
          }}
          allowDeselect={false}
          error={errors.locale}
        />
        <PlanControlFields value={planControl} onChange={setPlanControl} errors={errors} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
