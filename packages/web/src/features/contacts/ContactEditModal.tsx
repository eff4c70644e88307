import { type Contact, UpdateContactRequest } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { RecordEditModal } from '../crm/RecordEditModal.tsx';
import { ContactFields } from './ContactFields.tsx';
import { contactValues } from './contact-form-values.ts';
import { contactKey, useUpdateContact } from './use-contacts.ts';

export function ContactEditModal({ contact, opened, onClose }: { contact: Contact; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <RecordEditModal
      record={contact}
      opened={opened}
      onClose={onClose}
      title={t('contacts.edit')}
      savedMessage={t('contacts.updated')}
      toValues={contactValues}
      Fields={ContactFields}
      schema={UpdateContactRequest}
      useUpdate={useUpdateContact}
      queryKey={contactKey(contact.id)}
      testId="contact-form"
    />
  );
}
