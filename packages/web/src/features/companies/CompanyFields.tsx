import { Checkbox, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { CompanyChannel, CompanySize } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../shared/form-errors.ts';
import { ContactPointsEditor } from '../crm/ContactPointsEditor.tsx';
import { channelOptions, sizeOptions } from '../crm/labels.ts';
import { UserPicker } from '../people/UserPicker.tsx';
import type { CompanyFormValues } from './company-form-values.ts';

interface CompanyFieldsProps {
  values: CompanyFormValues;
  onChange(values: CompanyFormValues): void;
  errors: FieldErrors;
  /** Heads and administrators choose the owner; others own what they create. */
  canChooseOwner: boolean;
}

/** The inputs of a company, for both the create and the edit form. */
export function CompanyFields({ values, onChange, errors, canChooseOwner }: CompanyFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof CompanyFormValues>(key: K, value: CompanyFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const text = (key: 'name' | 'legalName' | 'inn' | 'kpp' | 'industry' | 'region' | 'city' | 'segment' | 'source') => ({
    value: values[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
    error: errors[key],
    'data-testid': `company-form-${key}`,
  });
  return (
    <Stack gap="sm">
      <TextInput label={t('companies.fields.name')} required data-autofocus {...text('name')} />
      <TextInput label={t('companies.fields.legalName')} {...text('legalName')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('companies.fields.inn')} inputMode="numeric" maxLength={12} {...text('inn')} />
        <TextInput label={t('companies.fields.kpp')} maxLength={9} {...text('kpp')} />
        <TextInput label={t('companies.fields.industry')} {...text('industry')} />
        <Select
          label={t('companies.fields.size')}
          data={sizeOptions(t)}
          value={values.size}
          onChange={(value) => {
            const size = CompanySize.safeParse(value);
            set('size', size.success ? size.data : null);
          }}
          clearable
        />
        <TextInput label={t('companies.fields.region')} {...text('region')} />
        <TextInput label={t('companies.fields.city')} {...text('city')} />
        <Select
          label={t('companies.fields.channel')}
          data={channelOptions(t)}
          value={values.channel}
          onChange={(value) => {
            const channel = CompanyChannel.safeParse(value);
            set('channel', channel.success ? channel.data : null);
          }}
          clearable
          data-testid="company-form-channel"
        />
        <TextInput label={t('companies.fields.segment')} {...text('segment')} />
        <TextInput label={t('companies.fields.source')} {...text('source')} />
        {canChooseOwner && (
          <UserPicker
            label={t('companies.fields.owner')}
            placeholder={t('companies.noOwner')}
            value={values.ownerId}
            onChange={(value) => set('ownerId', value)}
            error={errors.ownerId}
          />
        )}
      </SimpleGrid>
      <Checkbox
        label={t('companies.fields.keyAccount')}
        checked={values.isKeyAccount}
        onChange={(event) => set('isKeyAccount', event.currentTarget.checked)}
      />
      <ContactPointsEditor
        phones={values.phones}
        emails={values.emails}
        onPhones={(phones) => set('phones', phones)}
        onEmails={(emails) => set('emails', emails)}
        errors={errors}
        testId="company-form"
      />
      <Textarea
        label={t('companies.fields.notes')}
        value={values.notes}
        onChange={(event) => set('notes', event.currentTarget.value)}
        autosize
        minRows={2}
        maxRows={8}
      />
    </Stack>
  );
}
