/** The records an activity or task is linked to, as the edit forms hold them. */
export interface WorkLinks {
  companyId: string | null;
  contactId: string | null;
  leadId: string | null;
  dealId: string | null;
}

export const LINK_FIELDS = ['companyId', 'contactId', 'leadId', 'dealId'] as const;

interface Linked {
  company: { id: string } | null;
  contact: { id: string } | null;
  lead: { id: string } | null;
  deal: { id: string } | null;
}

export function linksOf(item: Linked): WorkLinks {
  return {
    companyId: item.company?.id ?? null,
    contactId: item.contact?.id ?? null,
    leadId: item.lead?.id ?? null,
    dealId: item.deal?.id ?? null,
  };
}

/** Only the links the user changed: a PATCH leaves the others alone (and the server does not re-check them). */
export function changedLinks(before: WorkLinks, after: WorkLinks): Partial<WorkLinks> {
  const changed: Partial<WorkLinks> = {};
  for (const field of LINK_FIELDS) if (before[field] !== after[field]) changed[field] = after[field];
  return changed;
}
