import type { Company, CompanyChannel, CompanySize } from '@pulse/contracts';
import type { EmailValue, PhoneValue } from '../crm/ContactPointsEditor.tsx';

/** The company form as typed: text boxes hold strings, blank means "none". */
export interface CompanyFormValues {
  name: string;
  legalName: string;
  inn: string;
  kpp: string;
  industry: string;
  size: CompanySize | null;
  region: string;
  city: string;
  channel: CompanyChannel | null;
  segment: string;
  source: string;
  ownerId: string | null;
  isKeyAccount: boolean;
  notes: string;
  phones: PhoneValue[];
  emails: EmailValue[];
}

export function emptyCompanyValues(ownerId: string | null): CompanyFormValues {
  return {
    name: '',
    legalName: '',
    inn: '',
    kpp: '',
    industry: '',
    size: null,
    region: '',
    city: '',
    channel: null,
    segment: '',
    source: '',
    ownerId,
    isKeyAccount: false,
    notes: '',
    phones: [{ number: '', label: 'work' }],
    emails: [{ email: '', label: 'work' }],
  };
}

export function companyValues(company: Company): CompanyFormValues {
  return {
    name: company.name,
    legalName: company.legalName ?? '',
    inn: company.inn ?? '',
    kpp: company.kpp ?? '',
    industry: company.industry ?? '',
    size: company.size,
    region: company.region ?? '',
    city: company.city ?? '',
    channel: company.channel,
    segment: company.segment ?? '',
    source: company.source ?? '',
    ownerId: company.ownerId,
    isKeyAccount: company.isKeyAccount,
    notes: company.notes ?? '',
    phones: company.phones.map((phone) => ({ number: phone.raw || phone.e164, label: phone.label })),
    emails: company.emails.map((email) => ({ email: email.email, label: email.label })),
  };
}
