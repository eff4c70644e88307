import type { DealChannel, DealDetails } from '@pulse/contracts';
import { moneyText } from '../../shared/MoneyInput.tsx';

/** The deal form as typed; the amount is text in major units. */
export interface DealFormValues {
  title: string;
  companyId: string | null;
  contactId: string | null;
  pipelineId: string | null;
  stageId: string | null;
  amount: string;
  expectedCloseDate: string;
  channel: DealChannel | null;
  territory: string;
  source: string;
  nextStep: string;
  ownerId: string | null;
}

export function emptyDealValues(preset: Partial<DealFormValues>, ownerId: string): DealFormValues {
  return {
    title: '',
    companyId: null,
    contactId: null,
    pipelineId: null,
    stageId: null,
    amount: '',
    expectedCloseDate: '',
    channel: null,
    territory: '',
    source: '',
    nextStep: '',
    ownerId,
    ...preset,
  };
}

export function dealValues(deal: DealDetails): DealFormValues {
  return {
    title: deal.title,
    companyId: deal.companyId,
    contactId: deal.contactId,
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    amount: moneyText(deal.amountMinor, deal.currency),
    expectedCloseDate: deal.expectedCloseDate ?? '',
    channel: deal.channel,
    territory: deal.territory ?? '',
    source: deal.source ?? '',
    nextStep: deal.nextStep ?? '',
    ownerId: deal.ownerId,
  };
}
