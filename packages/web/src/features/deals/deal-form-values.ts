import type { DealChannel, DealDetails } from '@pulse/contracts';
import { moneyText } from '../../shared/MoneyInput.tsx';
import { parseMoneyInput } from '../../shared/money.ts';
import { changedFields } from '../crm/changed-fields.ts';
import type { RecordChanges } from '../crm/RecordEditModal.tsx';

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

/**
 * The update fields of an edited deal: only what changed, the amount in minor units (unless line
 * items make it), a cleared close date as null. The pipeline and stage move elsewhere, and a deal
 * always has an owner, so a cleared owner is no change.
 */
export function dealChanges(
  initial: DealFormValues,
  values: DealFormValues,
  deal: Pick<DealDetails, 'currency' | 'lines'>,
): RecordChanges {
  const { pipelineId: _p, stageId: _s, amount, ...changed } = changedFields(initial, values);
  const changes: Record<string, unknown> = { ...changed };
  if (amount !== undefined && deal.lines.length === 0) {
    const amountMinor = parseMoneyInput(amount, deal.currency);
    if (amountMinor === null) return { ok: false, issues: [{ path: 'amountMinor' }] };
    changes.amountMinor = amountMinor;
  }
  if (changed.expectedCloseDate !== undefined) changes.expectedCloseDate = changed.expectedCloseDate || null;
  if (changed.ownerId === null) delete changes.ownerId;
  return { ok: true, changes };
}
