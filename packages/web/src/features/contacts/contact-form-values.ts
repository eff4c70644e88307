import type { Contact } from '@pulse/contracts';
import type { EmailValue, PhoneValue } from '../crm/ContactPointsEditor.tsx';

export interface ContactFormValues {
  fullName: string;
  position: string;
  isDecisionMaker: boolean;
  companyId: string | null;
  ownerId: string | null;
  source: string;
  notes: string;
  phones: PhoneValue[];
  emails: EmailValue[];
}

export function emptyContactValues(ownerId: string | null, companyId: string | null): ContactFormValues {
  return {
    fullName: '',
    position: '',
    isDecisionMaker: false,
    companyId,
    ownerId,
    source: '',
    notes: '',
    phones: [{ number: '', label: 'mobile' }],
    emails: [{ email: '', label: 'work' }],
  };
}

export function contactValues(contact: Contact): ContactFormValues {
  return {
    fullName: contact.fullName,
    position: contact.position ?? '',
    isDecisionMaker: contact.isDecisionMaker,
    companyId: contact.companyId,
    ownerId: contact.ownerId,
    source: contact.source ?? '',
    notes: contact.notes ?? '',
    phones: contact.phones.map((phone) => ({ number: phone.raw || phone.e164, label: phone.label })),
    emails: contact.emails.map((email) => ({ email: email.email, label: email.label })),
  };
}
