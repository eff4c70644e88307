import {
  ClientDuplicates,
  type ClientMergeRequest,
  type ClientVersionRequest,
  Contact,
  ContactCreated,
  ContactSummary,
  type ContactsQuery,
  type CreateContactRequest,
  pageOf,
  type UpdateContactRequest,
} from '@pulse/contracts';
import { http, type Output } from './client.ts';
import type { ClientDuplicatesData } from './companies.ts';

const ContactPage = pageOf(ContactSummary);

export type ContactPageData = Output<typeof ContactPage>;
export type ContactCreatedData = Output<typeof ContactCreated>;
export type ContactsQueryParams = Partial<Output<typeof ContactsQuery>>;
export type CreateContactBody = CreateContactRequest;
export type UpdateContactBody = UpdateContactRequest;

export function findContacts(query: ContactsQueryParams, signal?: AbortSignal): Promise<ContactPageData> {
  return http.get('/api/contacts', ContactPage, { query, signal });
}

export function getContact(id: string, signal?: AbortSignal): Promise<Contact> {
  return http.get(`/api/contacts/${id}`, Contact, { signal });
}

export function createContact(body: CreateContactBody): Promise<ContactCreatedData> {
  return http.post('/api/contacts', ContactCreated, body);
}

export function updateContact(id: string, body: UpdateContactBody): Promise<Contact> {
  return http.patch(`/api/contacts/${id}`, Contact, body);
}

export function archiveContact(id: string, body: Output<typeof ClientVersionRequest>): Promise<Contact> {
  return http.post(`/api/contacts/${id}/archive`, Contact, body);
}

export function unarchiveContact(id: string, body: Output<typeof ClientVersionRequest>): Promise<Contact> {
  return http.post(`/api/contacts/${id}/unarchive`, Contact, body);
}

export function findContactDuplicates(id: string, signal?: AbortSignal): Promise<ClientDuplicatesData> {
  return http.get(`/api/contacts/${id}/duplicates`, ClientDuplicates, { signal });
}

export function mergeContact(id: string, body: Output<typeof ClientMergeRequest>): Promise<Contact> {
  return http.post(`/api/contacts/${id}/merge`, Contact, body);
}
