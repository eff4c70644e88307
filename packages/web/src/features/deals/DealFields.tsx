import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DealChannel } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../shared/form-errors.ts';
import { MoneyInput } from '../../shared/MoneyInput.tsx';
import { CompanyPicker } from '../companies/CompanyPicker.tsx';
import { ContactPicker } from '../contacts/ContactPicker.tsx';
import { channelOptions } from '../crm/labels.ts';
import { UserPicker } from '../people/UserPicker.tsx';
import type { DealFormValues } from './deal-form-values.ts';
import { usePipelines } from './use-pipelines.ts';

interface DealFieldsProps {
  values: DealFormValues;
  onChange(values: DealFormValues): void;
  errors: FieldErrors;
  currency: string;
  canChooseOwner: boolean;
  /** Creating picks the pipeline and stage; an existing deal moves on the board or its page. */
  withStage: boolean;
  /** With line items the amount is their total, not typed. */
  amountFromLines: boolean;
}

export function DealFields(props: DealFieldsProps) {
  const { values, onChange, errors, currency } = props;
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const set = <K extends keyof DealFormValues>(key: K, value: DealFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const all = pipelines.data ?? [];
  const pipeline =
    all.find((candidate) => candidate.id === values.pipelineId) ?? all.find((p) => p.isDefault) ?? all[0];
  const stages = (pipeline?.stages ?? []).filter((stage) => stage.kind === 'open' && !stage.archived);
  return (
    <Stack gap="sm">
      <TextInput
        label={t('deals.fields.title')}
        required
        data-autofocus
        value={values.title}
        onChange={(event) => set('title', event.currentTarget.value)}
        error={errors.title}
        data-testid="deal-form-title"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <CompanyPicker
          label={t('deals.fields.company')}
          value={values.companyId}
          onChange={(id) =>
            onChange({ ...values, companyId: id, contactId: id === values.companyId ? values.contactId : null })
          }
          error={errors.companyId}
          data-testid="deal-form-company"
        />
        <ContactPicker
          label={t('deals.fields.contact')}
          companyId={values.companyId}
          value={values.contactId}
          onChange={(id) => set('contactId', id)}
          error={errors.contactId}
        />
        {props.withStage && (
          <>
            <Select
              label={t('deals.fields.pipeline')}
              data={all.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
              value={pipeline?.id ?? null}
              onChange={(id) => onChange({ ...values, pipelineId: id, stageId: null })}
              allowDeselect={false}
              data-testid="deal-form-pipeline"
            />
            <Select
              label={t('deals.fields.stage')}
              placeholder={stages[0]?.name}
              data={stages.map((stage) => ({ value: stage.id, label: `${stage.name} · ${stage.probability} %` }))}
              value={values.stageId}
              onChange={(id) => set('stageId', id)}
              clearable
              error={errors.stageId}
              data-testid="deal-form-stage"
            />
          </>
        )}
        {!props.amountFromLines && (
          <MoneyInput
            label={t('deals.fields.amount')}
            value={values.amount}
            onChange={(text) => set('amount', text)}
            currency={currency}
            error={errors.amountMinor ?? errors.amount}
            data-testid="deal-form-amount"
          />
        )}
        <TextInput
          label={t('deals.fields.expectedClose')}
          type="date"
          value={values.expectedCloseDate}
          onChange={(event) => set('expectedCloseDate', event.currentTarget.value)}
          error={errors.expectedCloseDate}
          data-testid="deal-form-close"
        />
        <Select
          label={t('companies.fields.channel')}
          data={channelOptions(t)}
          value={values.channel}
          onChange={(value) => {
            const channel = DealChannel.safeParse(value);
            set('channel', channel.success ? channel.data : null);
          }}
          clearable
        />
        <TextInput
          label={t('deals.fields.territory')}
          value={values.territory}
          onChange={(event) => set('territory', event.currentTarget.value)}
        />
        <TextInput
          label={t('companies.fields.source')}
          value={values.source}
          onChange={(event) => set('source', event.currentTarget.value)}
        />
        {props.canChooseOwner && (
          <UserPicker
            label={t('deals.fields.owner')}
            value={values.ownerId}
            onChange={(value) => set('ownerId', value)}
            error={errors.ownerId}
          />
        )}
      </SimpleGrid>
      <TextInput
        label={t('deals.fields.nextStep')}
        placeholder={t('deals.nextStepPlaceholder')}
        value={values.nextStep}
        onChange={(event) => set('nextStep', event.currentTarget.value)}
        error={errors.nextStep}
      />
    </Stack>
  );
}
