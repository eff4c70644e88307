import { Checkbox, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../shared/form-errors.ts';
import { CompanyPicker } from '../companies/CompanyPicker.tsx';
import { ContactPointsEditor } from '../crm/ContactPointsEditor.tsx';
import { UserPicker } from '../people/UserPicker.tsx';
import type { ContactFormValues } from './contact-form-values.ts';

interface ContactFieldsProps {
  values: ContactFormValues;
  onChange(values: ContactFormValues): void;
  errors: FieldErrors;
  canChooseOwner: boolean;
}

export function ContactFields({ values, onChange, errors, canChooseOwner }: ContactFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof ContactFormValues>(key: K, value: ContactFormValues[K]) =>
    onChange({ ...values, [key]: value });
  return (
    <Stack gap="sm">
      <TextInput
        label={t('contacts.fields.fullName')}
        required
        data-autofocus
        value={values.fullName}
        onChange={(event) => set('fullName', event.currentTarget.value)}
        error={errors.fullName}
        data-testid="contact-form-fullName"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('contacts.fields.position')}
          value={values.position}
          onChange={(event) => set('position', event.currentTarget.value)}
          error={errors.position}
        />
        <CompanyPicker
          label={t('contacts.fields.company')}
          value={values.companyId}
          onChange={(id) => set('companyId', id)}
          error={errors.companyId}
          data-testid="contact-form-company"
        />
        <TextInput
          label={t('companies.fields.source')}
          value={values.source}
          onChange={(event) => set('source', event.currentTarget.value)}
        />
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
        label={t('contacts.decisionMakerLong')}
        checked={values.isDecisionMaker}
        onChange={(event) => set('isDecisionMaker', event.currentTarget.checked)}
      />
      <ContactPointsEditor
        phones={values.phones}
        emails={values.emails}
        onPhones={(phones) => set('phones', phones)}
        onEmails={(emails) => set('emails', emails)}
        errors={errors}
        testId="contact-form"
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
