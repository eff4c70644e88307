import type { ContactSummary } from '@pulse/contracts';
import { findContacts, getContact } from '../../api/contacts.ts';
import { SearchPicker, type SearchPickerProps } from '../crm/SearchPicker.tsx';

type Props = Omit<SearchPickerProps<ContactSummary>, 'resource' | 'search' | 'resolve' | 'toOption'> & {
  /** Only this company's contacts. */
  companyId?: string | null;
};

export function ContactPicker({ companyId, ...props }: Props) {
  return (
    <SearchPicker
      {...props}
      resource={`contacts-of-${companyId ?? 'all'}`}
      search={async (q, signal) =>
        (await findContacts({ q: q || undefined, companyId: companyId ?? undefined, limit: 20 }, signal)).items
      }
      resolve={(id, signal) => getContact(id, signal)}
      toOption={(contact) => ({
        value: contact.id,
        label: contact.companyName ? `${contact.fullName} · ${contact.companyName}` : contact.fullName,
      })}
    />
  );
}
