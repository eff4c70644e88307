import type { Contact } from '@pulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  archiveContact,
  type CreateContactBody,
  createContact,
  findContactDuplicates,
  getContact,
  mergeContact,
  type UpdateContactBody,
  unarchiveContact,
  updateContact,
} from '../../api/contacts.ts';

export const CONTACTS_KEY = ['contacts'] as const;
export const contactKey = (id: string) => [...CONTACTS_KEY, 'one', id] as const;

export function useContact(id: string) {
  return useQuery({ queryKey: contactKey(id), queryFn: ({ signal }) => getContact(id, signal), retry: false });
}

export function useContactDuplicates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...CONTACTS_KEY, 'duplicates', id],
    queryFn: ({ signal }) => findContactDuplicates(id, signal),
    enabled,
  });
}

/** A contact change also changes its company's contact list. */
function useContactSaved(): (contact: Contact) => Promise<void> {
  const queryClient = useQueryClient();
  return async (contact) => {
    queryClient.setQueryData(contactKey(contact.id), contact);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: CONTACTS_KEY, predicate: (query) => query.queryKey[1] !== 'one' }),
      queryClient.invalidateQueries({ queryKey: ['companies'] }),
    ]);
  };
}

export function useCreateContact() {
  const saved = useContactSaved();
  return useMutation({
    mutationFn: (body: CreateContactBody) => createContact(body),
    onSuccess: (created) => saved(created.contact),
  });
}

export function useUpdateContact(id: string) {
  const saved = useContactSaved();
  return useMutation({ mutationFn: (body: UpdateContactBody) => updateContact(id, body), onSuccess: saved });
}

export function useArchiveContact(id: string) {
  const saved = useContactSaved();
  return useMutation({
    mutationFn: ({ archived, version }: { archived: boolean; version: number }) =>
      archived ? archiveContact(id, { version }) : unarchiveContact(id, { version }),
    onSuccess: saved,
  });
}

export function useMergeContact() {
  const saved = useContactSaved();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ survivorId, otherId }: { survivorId: string; otherId: string }) => {
      const survivor = await getContact(survivorId);
      return mergeContact(survivorId, { otherId, version: survivor.version });
    },
    onSuccess: async (contact, { otherId }) => {
      queryClient.removeQueries({ queryKey: contactKey(otherId) });
      await saved(contact);
    },
  });
}
