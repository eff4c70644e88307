import type { CompanySummary } from '@pulse/contracts';
import { findCompanies, getCompany } from '../../api/companies.ts';
import { SearchPicker, type SearchPickerProps } from '../crm/SearchPicker.tsx';

type Props = Omit<SearchPickerProps<CompanySummary>, 'resource' | 'search' | 'resolve' | 'toOption'>;

/** A company by name, INN, phone or e-mail. */
export function CompanyPicker(props: Props) {
  return (
    <SearchPicker
      {...props}
      resource="companies"
      search={async (q, signal) => (await findCompanies({ q: q || undefined, limit: 20 }, signal)).items}
      resolve={(id, signal) => getCompany(id, signal)}
      toOption={(company) => ({
        value: company.id,
        label: company.inn ? `${company.name} · ${company.inn}` : company.name,
      })}
    />
  );
}
