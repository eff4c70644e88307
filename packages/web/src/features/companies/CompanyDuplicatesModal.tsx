import type { Company } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { DuplicatesModal } from '../crm/DuplicatesModal.tsx';
import { RECORD_PATHS } from '../crm/RecordLink.tsx';
import { useCompanyDuplicates, useMergeCompany } from './use-companies.ts';

interface Props {
  company: Company;
  opened: boolean;
  canMerge: boolean;
  onClose(): void;
}

export function CompanyDuplicatesModal({ company, opened, canMerge, onClose }: Props) {
  const { t } = useTranslation();
  const duplicates = useCompanyDuplicates(company.id, opened);
  const merge = useMergeCompany();
  return (
    <DuplicatesModal
      record={{ id: company.id, name: company.name }}
      opened={opened}
      canMerge={canMerge}
      onClose={onClose}
      title={t('companies.findDuplicates')}
      testId="company-duplicates"
      path={RECORD_PATHS.company}
      duplicates={duplicates}
      merge={merge}
    />
  );
}
