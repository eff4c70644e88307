import { type Company, UpdateCompanyRequest } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { RecordEditModal } from '../crm/RecordEditModal.tsx';
import { CompanyFields } from './CompanyFields.tsx';
import { companyValues } from './company-form-values.ts';
import { companyKey, useUpdateCompany } from './use-companies.ts';

export function CompanyEditModal({ company, opened, onClose }: { company: Company; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <RecordEditModal
      record={company}
      opened={opened}
      onClose={onClose}
      title={t('companies.edit')}
      savedMessage={t('companies.updated')}
      toValues={companyValues}
      Fields={CompanyFields}
      schema={UpdateCompanyRequest}
      useUpdate={useUpdateCompany}
      queryKey={companyKey(company.id)}
      testId="company-form"
    />
  );
}
