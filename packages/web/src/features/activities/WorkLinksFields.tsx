import { Fieldset, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../shared/form-errors.ts';
import { CompanyPicker } from '../companies/CompanyPicker.tsx';
import { ContactPicker } from '../contacts/ContactPicker.tsx';
import { DealPicker, LeadPicker } from './RecordPickers.tsx';
import type { WorkLinks } from './work-links.ts';

interface WorkLinksFieldsProps {
  value: WorkLinks;
  onChange(value: WorkLinks): void;
  errors: FieldErrors;
  /** Prefix of the pickers' data-testids, e.g. 'activity-form' → 'activity-form-company'. */
  testId: string;
}

/** The records an activity or task is about: its company, contact, deal and lead, each optional. */
export function WorkLinksFields({ value, onChange, errors, testId }: WorkLinksFieldsProps) {
  const { t } = useTranslation();
  const set = (field: keyof WorkLinks) => (id: string | null) => onChange({ ...value, [field]: id });
  return (
    <Fieldset legend={t('work.links.title')} variant="unstyled">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        <CompanyPicker
          label={t('work.links.company')}
          value={value.companyId}
          onChange={set('companyId')}
          error={errors.companyId}
          data-testid={`${testId}-company`}
        />
        <ContactPicker
          label={t('work.links.contact')}
          value={value.contactId}
          onChange={set('contactId')}
          error={errors.contactId}
          data-testid={`${testId}-contact`}
        />
        <DealPicker
          label={t('work.links.deal')}
          value={value.dealId}
          onChange={set('dealId')}
          error={errors.dealId}
          data-testid={`${testId}-deal`}
        />
        <LeadPicker
          label={t('work.links.lead')}
          value={value.leadId}
          onChange={set('leadId')}
          error={errors.leadId}
          data-testid={`${testId}-lead`}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
