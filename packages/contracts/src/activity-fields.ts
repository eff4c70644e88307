import { z } from 'zod';
import { Id } from './common.ts';

// Field schemas shared by activities, tasks, my day and saved views. Internal to the contracts
// package: index.ts does not re-export this file, so these names cannot collide with another
// contracts file's.

export const SortOrder = z.enum(['asc', 'desc']);

/** A linked record as the UI shows and links it: its id and its title (a company's or contact's name). */
export const RecordRef = z.object({ id: Id, title: z.string() });
export const UserRef = z.object({ id: Id, fullName: z.string() });

/** The records a new activity or task is linked to; each must be visible to the actor (404 otherwise). */
export const NewLinks = {
  companyId: Id.nullable().optional(),
  contactId: Id.nullable().optional(),
  leadId: Id.nullable().optional(),
  dealId: Id.nullable().optional(),
};
