import { RECORD_PATHS } from './RecordLink.tsx';

interface Linked {
  deal: { id: string; title: string } | null;
  lead: { id: string; title: string } | null;
  company: { id: string; title: string } | null;
  contact: { id: string; title: string } | null;
}

/** The most specific record an activity or task is about: its deal, else lead, company, contact. */
export function recordOf(item: Linked): { path: string; title: string } | null {
  if (item.deal) return { path: RECORD_PATHS.deal(item.deal.id), title: item.deal.title };
  if (item.lead) return { path: RECORD_PATHS.lead(item.lead.id), title: item.lead.title };
  if (item.company) return { path: RECORD_PATHS.company(item.company.id), title: item.company.title };
  if (item.contact) return { path: RECORD_PATHS.contact(item.contact.id), title: item.contact.title };
  return null;
}
