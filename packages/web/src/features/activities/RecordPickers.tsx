import type { Deal, Lead } from '@pulse/contracts';
import { findDeals, getDeal } from '../../api/deals.ts';
import { findLeads, getLead } from '../../api/leads.ts';
import { SearchPicker, type SearchPickerProps } from '../crm/SearchPicker.tsx';

type Props<T> = Omit<SearchPickerProps<T>, 'resource' | 'search' | 'resolve' | 'toOption'>;

/** A deal in the user's scope by title, with its company. */
export function DealPicker(props: Props<Deal>) {
  return (
    <SearchPicker
      {...props}
      resource="deals"
      search={async (q, signal) => (await findDeals({ q: q || undefined, limit: 20 }, signal)).items}
      resolve={(id, signal) => getDeal(id, signal)}
      toOption={(deal) => ({
        value: deal.id,
        label: deal.companyName ? `${deal.title} · ${deal.companyName}` : deal.title,
      })}
    />
  );
}

/** A lead in the user's scope by title, company, contact, e-mail or phone. */
export function LeadPicker(props: Props<Lead>) {
  return (
    <SearchPicker
      {...props}
      resource="leads"
      search={async (q, signal) => (await findLeads({ q: q || undefined, limit: 20 }, signal)).items}
      resolve={(id, signal) => getLead(id, signal)}
      toOption={(lead) => ({
        value: lead.id,
        label: lead.companyName ? `${lead.title} · ${lead.companyName}` : lead.title,
      })}
    />
  );
}
